/**
 * A person opens the invitation (scanned or typed) in the mini-program: their WeChat account (the openid that
 * WeChat vouched for) is linked to the invited user, once. Two uses of one code at once: one wins, the other is
 * a 409. An openid linked to someone else is a 409 — except a self-registered WeChat citizen account that never
 * did anything (the invited person tapped 微信一键登录 before the invitation came): that empty account is closed
 * and the link moves to the invited person. A user who already had another WeChat linked gets the new one.
 */
import { UniqueConstraintError } from 'sequelize';
import { z } from 'zod';
import { InvitationCode } from '../../contracts/identity';
import { SuggestionModel, UserModel } from '../../models/definitions';
import { InvitationModel } from '../../models/identity';
import type { CoreContext } from '../context';
import { conflict, invalid, notFound, ok, type Outcome } from '../result';
import { formatZodError } from '../../contracts/validation';
import { fail, useCase } from '../useCase';
import { invitationHash } from './invitationCodes';
import { invitationUnusableReason, WECHAT_VISITOR } from './policy';

const Input = z.object({ invitation: InvitationCode, openid: z.string().min(1).max(128) });

/** Whether `u` is an account WeChat sign-in made by itself and nobody has used for anything yet. */
async function untouchedSelfRegistration(u: UserModel): Promise<boolean> {
  if (u.role !== 'citizen' || !u.username.startsWith('wx-') || u.passwordHash) return false;
  return (await SuggestionModel.count({ where: { authorUserId: u.id } })) === 0;
}

const NOT_FOUND = '邀请码不对，请核对后再输入（邀请码由人大工作人员发给您）';
const LINKED_ELSEWHERE = '这个微信已经绑定了另一个账号，不能再绑定受邀的账号；请联系人大工作人员处理';

interface Linked {
  userId: number;
  username: string;
  /** The self-registered account closed to move the link, if any. */
  closed: string | null;
}

const run = useCase({
  name: 'users.link-wechat',
  input: Input,
  load: async (hash: string) => {
    const invitation = await InvitationModel.findOne({ where: { codeHash: hash }, lock: true });
    if (!invitation) return null;
    return { invitation, user: await UserModel.findByPk(invitation.userId, { lock: true }) };
  },
  notFound: NOT_FOUND,
  when: async ({ subject, input, now }) => {
    const reason = invitationUnusableReason(subject.invitation, subject.user, now);
    if (reason) return reason;
    const holder = await UserModel.findOne({ where: { wechatOpenid: input.openid } });
    if (holder && holder.id !== subject.user!.id && !(await untouchedSelfRegistration(holder))) return LINKED_ELSEWHERE;
    return null;
  },
  audit: {
    object: 'user',
    before: (s) => ({ id: s.user!.id, username: s.user!.username, wechatLinked: Boolean(s.user!.wechatOpenid) }),
    after: (r: Linked) => ({ id: r.userId, username: r.username, wechatLinked: true, by: 'invitation', closedSelfRegistration: r.closed }),
  },
  apply: async ({ subject, input, now }): Promise<Linked | Outcome<Linked>> => {
    const { invitation } = subject;
    const user = subject.user!;
    // Claim the code only if it is still unused: under concurrent use exactly one claim changes the row.
    const [claimed] = await InvitationModel.update({ usedAt: now }, { where: { id: invitation.id, usedAt: null, supersededAt: null } });
    if (claimed === 0) return conflict('这个邀请码刚刚已被使用');
    const holder = await UserModel.findOne({ where: { wechatOpenid: input.openid } });
    let closed: string | null = null;
    if (holder && holder.id !== user.id) {
      closed = holder.username;
      // Only an untouched self-registered account gets here (checked in `when`): it is closed, its link moves.
      holder.wechatOpenid = null;
      holder.active = false;
      await holder.save();
    }
    user.wechatOpenid = input.openid;
    try {
      await user.save();
    } catch (e) {
      if (e instanceof UniqueConstraintError) fail(conflict(LINKED_ELSEWHERE));
      throw e;
    }
    return { userId: user.id, username: user.username, closed };
  },
});

/**
 * Whether an invitation could be redeemed now — malformed (400), unknown (404), used, voided, expired or for a
 * deactivated person (409) — checked before WeChat is asked for the openid, so a bad code costs no WeChat call
 * and uses up no `wx.login` code. Redeeming checks again under a lock.
 */
export async function checkInvitation(ctx: CoreContext, invitation: string): Promise<Outcome<null>> {
  const parsed = InvitationCode.safeParse(invitation);
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const found = await InvitationModel.findOne({ where: { codeHash: invitationHash(ctx.config, parsed.data) } });
  if (!found) return notFound(NOT_FOUND);
  const reason = invitationUnusableReason(found, await UserModel.findByPk(found.userId), ctx.clock.now());
  return reason ? conflict(reason) : ok(null);
}

/** Links `openid` to the person invited with `invitation` (as typed: case, spaces and dashes ignored). */
export async function redeemInvitation(ctx: CoreContext, invitation: string, openid: string): Promise<Outcome<{ userId: number }>> {
  const parsed = InvitationCode.safeParse(invitation);
  const key = parsed.success ? invitationHash(ctx.config, parsed.data) : '';
  const r = await run(ctx, WECHAT_VISITOR, key, { invitation, openid });
  return r.ok ? ok({ userId: r.value.userId }) : r;
}
