/**
 * The WeChat subscribe-message channel: sends due `wechat` outbox rows through WeChat's
 * `cgi-bin/message/subscribe/send` (base URL from configuration; tests use a local imitation).
 */
import { chinaDateTime } from '../../contracts/format';
import { NotificationModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import type { CoreContext } from '../context';
import { claimDue, recordAttempt } from './deliveries';
import { accessToken, dropAccessToken, STALE_TOKEN_CODES } from '../wechat/accessToken';

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
        if (body.errcode && STALE_TOKEN_CODES.has(body.errcode)) dropAccessToken();
        // 43101: the user has not subscribed — retrying cannot help.
        await recordAttempt(row, now, { ok: false, error: `微信返回 ${body.errcode} ${body.errmsg ?? ''}`, permanent: body.errcode === 43101 });
      }
    } catch (e) {
      await recordAttempt(row, now, { ok: false, error: `连接微信失败：${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return sent;
}
