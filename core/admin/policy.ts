/**
 * Who may administer what. The admin manages everything; an office account manages the regions, stations and
 * people of its own region's subtree (a district office its district and towns), never admins; departments are
 * the city's, so only the admin and the city office manage them.
 */
import type { Role } from '../../contracts/enums';
import type { Actor } from '../context';
import { isOfficeOrAdmin, officeCovers } from '../directory/scope';

/** The 403 reason for someone who administers nothing, or null. */
export function administersReason(actor: Actor): string | null {
  return isOfficeOrAdmin(actor) ? null : '只有系统管理员和人大工作人员可以做这项管理';
}

/** The 403 reason when the actor may not add a region below `parent` (null: a new city), or null. */
export function createRegionReason(actor: Actor, parent: { path: string } | null): string | null {
  if (!parent) return actor.role === 'admin' ? null : '只有系统管理员可以建立市级区域';
  return officeCovers(actor, parent.path) ? null : '只能在本单位所辖区域内新增下级区域';
}

/** The 403 reason when the actor may not rename `region`: an office renames only regions below its own. */
export function renameRegionReason(actor: Actor, region: { path: string }): string | null {
  if (actor.role === 'admin') return null;
  return officeCovers(actor, region.path) && region.path !== actor.regionPath ? null : '只能修改本单位所辖下级区域的名称';
}

/** The 403 reason when the actor may not manage a station (or move one) in region `regionPath`, or null. */
export function stationReason(actor: Actor, regionPath: string | null): string | null {
  return officeCovers(actor, regionPath) ? null : '只能管理本单位所辖区域内的联络站';
}

/** The 403 reason when the actor may not manage departments (the admin and the city office may), or null. */
export function departmentReason(actor: Actor): string | null {
  return officeCovers(actor, null) ? null : '只有系统管理员和市人大工作人员可以管理承办单位';
}

/** Whether an account lies in the actor's area: the admin's is everything, an office's its region subtree. */
export function seesUser(actor: Actor, user: { regionPath: string | null }): boolean {
  return officeCovers(actor, user.regionPath);
}

/**
 * The 404 rule of the user use cases: an office does not learn of accounts outside its area; someone who
 * administers nothing is refused as such (403) rather than told the account is missing.
 */
export function userVisible(actor: Actor, user: { regionPath: string | null }): boolean {
  return !isOfficeOrAdmin(actor) || seesUser(actor, user);
}

/** The 403 reason when the actor may not change this account at all (an office never changes an admin's). */
export function manageUserReason(actor: Actor, user: { role: string }): string | null {
  if (actor.role === 'admin') return null;
  return user.role === 'admin' || user.role === 'service' ? '只有系统管理员可以管理管理员账号' : null;
}

/** The 403 reason when the actor may not give `role` (only the admin makes admins), or null. */
export function giveRoleReason(actor: Actor, role: Role): string | null {
  return actor.role === 'admin' || role !== 'admin' ? null : '只有系统管理员可以设置管理员';
}

/** The refusal (409) when a change would leave no active admin. */
export const LAST_ADMIN = '这是最后一个在用的系统管理员账号，不能停用或改为其他角色；请先设置另一位管理员';
