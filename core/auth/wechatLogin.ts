/**
 * WeChat sign-in: the mini-program's `wx.login` code is exchanged at WeChat's jscode2session endpoint for an
 * openid. With an invitation, the openid is first linked to the invited person (deputy, staff, office …).
 * A linked openid signs in its user; an unknown one without an invitation becomes a new citizen.
 */
import { WechatLoginRequest } from '../../contracts/schemas';
import { formatZodError } from '../../contracts/validation';
import { UserModel } from '../../models/definitions';
import type { CoreContext } from '../context';
import { checkInvitation, redeemInvitation } from '../identity/redeemInvitation';
import { invalid, ok, unauthorized, unavailable, type Outcome } from '../result';
import { issueToken } from './tokens';
import { auditSignIn } from './auditSignIn';

interface Code2Session {
  openid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/** Asks WeChat which openid a `wx.login` code belongs to. */
async function openidOf(ctx: CoreContext, code: string): Promise<Outcome<string>> {
  const url = new URL(`${ctx.config.wechatApiBase}/sns/jscode2session`);
  url.searchParams.set('appid', ctx.config.wechatAppId);
  url.searchParams.set('secret', ctx.config.wechatAppSecret);
  url.searchParams.set('js_code', code);
  url.searchParams.set('grant_type', 'authorization_code');
  let session: Code2Session;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    session = JSON.parse(await res.text()) as Code2Session;
  } catch {
    return unavailable('暂时连不上微信登录服务，请稍后再试');
  }
  if (!session.openid || session.errcode) {
    return unauthorized(session.errcode === 40163 ? '登录凭证已被使用，请重新登录' : '微信登录凭证无效或已过期，请重新登录');
  }
  return ok(session.openid);
}

/** Exchanges a `wx.login` code (and optionally an invitation code) for a token. */
export async function wechatLogin(ctx: CoreContext, input: unknown): Promise<Outcome<{ token: string; userId: number; created: boolean }>> {
  const parsed = WechatLoginRequest.safeParse(input);
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  // The invitation first: a wrong, used or expired code is refused without spending the wx.login code at WeChat.
  if (parsed.data.invitation !== undefined) {
    const usable = await checkInvitation(ctx, parsed.data.invitation);
    if (!usable.ok) return usable;
  }
  const openid = await openidOf(ctx, parsed.data.code);
  if (!openid.ok) return openid;
  if (parsed.data.invitation !== undefined) {
    const linked = await redeemInvitation(ctx, parsed.data.invitation, openid.value);
    if (!linked.ok) return linked;
    const user = (await UserModel.findByPk(linked.value.userId))!;
    return ok({ token: issueToken(ctx.config, user), userId: user.id, created: false });
  }
  let user = await UserModel.findOne({ where: { wechatOpenid: openid.value } });
  let created = false;
  if (!user) {
    const suffix = openid.value.slice(-8);
    user = await UserModel.create({
      username: `wx-${openid.value}`.slice(0, 64),
      passwordHash: null,
      role: 'citizen',
      name: `微信用户${suffix}`,
      regionId: null,
      departmentId: null,
      stationId: null,
      wechatOpenid: openid.value,
    });
    created = true;
  }
  if (!user.active) return unauthorized('这个账号已停用');
  return ok({ token: issueToken(ctx.config, user), userId: user.id, created });
}

/** WeChat sign-in, recorded in the audit log (success and failure). */
export const wechatLoginAudited = auditSignIn('wechat', wechatLogin);
