/**
 * The WeChat subscribe-message channel: sends due `wechat` outbox rows through WeChat's
 * `cgi-bin/message/subscribe/send` (base URL from configuration; tests use a local imitation).
 */
import { chinaDateTime } from '../../contracts/format';
import { NotificationModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import type { CoreContext } from '../context';
import { claimDue, recordAttempt } from './deliveries';

let cachedToken: { base: string; token: string; expires: number } | null = null;

async function accessToken(ctx: CoreContext): Promise<string> {
  const { wechatApiBase: base, wechatAppId, wechatAppSecret } = ctx.config;
  if (cachedToken && cachedToken.base === base && cachedToken.expires > Date.now()) return cachedToken.token;
  const url = `${base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(wechatAppId)}&secret=${encodeURIComponent(wechatAppSecret)}`;
  const res = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as { access_token?: string; expires_in?: number; errmsg?: string };
  if (!res.access_token) throw new Error(`access_token: ${res.errmsg ?? 'no token'}`);
  cachedToken = { base, token: res.access_token, expires: Date.now() + ((res.expires_in ?? 7200) - 300) * 1000 };
  return res.access_token;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Sends up to `limit` due WeChat subscribe messages; returns how many were sent. */
export async function deliverWechat(ctx: CoreContext, limit = 100): Promise<number> {
  const now = ctx.clock.now();
  const rows = await claimDue('wechat', now, limit);
  let sent = 0;
  for (const row of rows) {
    const [n, user] = await Promise.all([NotificationModel.findByPk(row.notificationId), UserModel.findByPk(row.userId)]);
    if (!n || !user?.wechatOpenid) {
      await recordAttempt(row, now, { ok: false, error: '接收人没有绑定微信', permanent: true });
      continue;
    }
    try {
      const token = await accessToken(ctx);
      const res = await fetch(`${ctx.config.wechatApiBase}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        signal: AbortSignal.timeout(5000),
        body: JSON.stringify({
          touser: user.wechatOpenid,
          template_id: ctx.config.wechatTemplateId,
          page: n.refType && n.refId ? `pages/${n.refType}/index?id=${n.refId}` : 'pages/index/index',
          data: { thing1: { value: clip(n.title, 20) }, thing2: { value: clip(n.body || n.title, 20) }, time3: { value: chinaDateTime(n.createdAt) } },
          // WeChat does not deduplicate; the key lets a receiver that does.
          client_msg_id: row.idempotencyKey,
        }),
      });
      const body = (await res.json()) as { errcode?: number; errmsg?: string };
      if (!body.errcode) {
        await recordAttempt(row, now, { ok: true });
        sent += 1;
      } else {
        // 43101: the user has not subscribed — retrying cannot help.
        await recordAttempt(row, now, { ok: false, error: `微信返回 ${body.errcode} ${body.errmsg ?? ''}`, permanent: body.errcode === 43101 });
      }
    } catch (e) {
      await recordAttempt(row, now, { ok: false, error: `连接微信失败：${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return sent;
}
