/**
 * Who may create, import and invite people, and when an invitation may be used. One rule for scope: the admin
 * everywhere, an office account within its region's subtree (an account without a region belongs to the city).
 */
import type { CreatableRole } from '../../contracts/identity';
import type { Actor } from '../context';
import { isOfficeOrAdmin, officeCovers } from '../directory/scope';

/** How long an invitation stays valid. */
export const INVITATION_DAYS = 7;

/** The person at the server's command line (`npm run admin:create`, `npm run users:import`): acts with the admin's rights. */
export const COMMAND_LINE: Actor = {
  id: -1,
  username: '(command line)',
  name: '服务器命令行',
  role: 'admin',
  regionId: null,
  regionPath: null,
  departmentId: null,
  stationId: null,
};

/** Someone signing in with WeChat who is nobody yet: the actor of redeeming an invitation. */
export const WECHAT_VISITOR: Actor = {
  id: 0,
  username: '(wechat visitor)',
  name: '微信访客',
  role: 'citizen',
  regionId: null,
  regionPath: null,
  departmentId: null,
  stationId: null,
};

/** Whether `actor` is the server's command line. */
export const isCommandLine = (actor: Actor): boolean => actor === COMMAND_LINE;

/** 403 reason when the actor may not manage accounts at all. */
export function peopleManagerReason(actor: Actor): string | null {
  return isOfficeOrAdmin(actor) ? null : '只有人大工作人员或管理员可以管理账号';
}

/** 403 reason when an office gives an account the role `role` (a town office cannot make city-wide offices: scope says so). */
export function roleReason(actor: Actor, role: CreatableRole | string): string | null {
  if (role === 'admin') return '管理员账号只能在服务器命令行创建（npm run admin:create）';
  return actor.role === 'admin' || actor.role === 'office' ? null : '只有人大工作人员或管理员可以管理账号';
}

/** Whether the actor may manage a person or station in region `regionPath` (its own subtree; the admin anywhere). */
export function coversRegion(actor: Actor, regionPath: string | null): boolean {
  return officeCovers(actor, regionPath);
}

/** The 403 reason for a region outside the actor's subtree. */
export const OUTSIDE_REGION = '不在你所在区域的管辖范围内';

/** Whether the actor may know that the user in `regionPath` exists when managing people (else 404, as if missing). */
export function personVisible(actor: Actor, regionPath: string | null): boolean {
  return !isOfficeOrAdmin(actor) || coversRegion(actor, regionPath);
}

/** 403 reason when the target account cannot be invited at all (admins and the system account sign in otherwise). */
export function inviteeReason(target: { role: string; system: boolean }): string | null {
  if (target.system) return '系统账号不能登录';
  if (target.role === 'admin') return '管理员账号不能用邀请码绑定微信，请用用户名和密码登录';
  return null;
}

/** 409 reason when an invitation cannot be used now, or null. */
export function invitationUnusableReason(inv: { usedAt: Date | null; supersededAt: Date | null; expiresAt: Date }, user: { active: boolean } | null, now: Date): string | null {
  if (inv.usedAt) return '这个邀请码已经用过了；如需重新绑定微信，请联系人大工作人员重新发送邀请码';
  if (inv.supersededAt) return '这个邀请码已作废（之后又发过新的邀请码），请使用最新收到的邀请码';
  if (inv.expiresAt.getTime() <= now.getTime()) return `邀请码已过期（有效期 ${INVITATION_DAYS} 天），请联系人大工作人员重新发送`;
  if (!user || !('active' in user) || !user.active) return '受邀的账号已停用，不能绑定微信';
  return null;
}
