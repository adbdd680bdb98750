/** The chat bot pulls its due deliveries (and acknowledges each later); only the bot's service account may. */
import { NotificationModel, OutboxModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import { ChatBindingModel } from '../../models/chat';
import type { Actor, CoreContext } from '../context';
import { forbidden, notFound, invalid, ok, type Outcome } from '../result';
import { AckRequest } from '../../contracts/engagement';
import { formatZodError } from '../../contracts/validation';
import type { ChatDeliveryItem } from '../../contracts/client';
import { claimDue, recordAttempt } from './deliveries';

/** A chat delivery as the bot receives it (the shape lives in the contracts). */
export type ChatDelivery = ChatDeliveryItem;

/** Claims up to `limit` chat deliveries for the caller (the bot), addressed on `transport`. */
export async function pullDeliveries(ctx: CoreContext, actor: Actor, limit = 50, transport = 'console'): Promise<Outcome<ChatDelivery[]>> {
  if (actor.role !== 'service') return forbidden('只有机器人服务账号可以领取推送');
  const rows = await claimDue('chat', ctx.clock.now(), Math.min(Math.max(1, limit), 200));
  const bindings = new Map((await ChatBindingModel.findAll({ where: { transport, userId: rows.map((r) => r.userId) } })).map((b) => [b.userId, b.chatUserId]));
  const notes = new Map((await NotificationModel.findAll({ where: { id: rows.map((r) => r.notificationId) } })).map((n) => [n.id, n]));
  const users = new Map((await UserModel.findAll({ where: { id: rows.map((r) => r.userId) } })).map((u) => [u.id, u]));
  return ok(
    rows.map((r) => {
      const n = notes.get(r.notificationId)!;
      const u = users.get(r.userId)!;
      const chatUserId = bindings.get(r.userId) ?? (ctx.config.demoMode ? u.username : null);
      return { id: r.id, chatUserId, idempotencyKey: r.idempotencyKey, to: u.username, toName: u.name, kind: n.kind, title: n.title, body: n.body, refType: n.refType, refId: n.refId, attempts: r.attempts };
    }),
  );
}

/** The bot reports a delivery's result. Acknowledging a sent delivery again changes nothing. */
export async function ackDelivery(ctx: CoreContext, actor: Actor, id: number, input: unknown): Promise<Outcome<{ status: string }>> {
  if (actor.role !== 'service') return forbidden('只有机器人服务账号可以确认推送');
  const parsed = AckRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const row = Number.isInteger(id) ? await OutboxModel.findOne({ where: { id, channel: 'chat' } }) : null;
  if (!row) return notFound('没有这条推送');
  if (row.status !== 'pending') return ok({ status: row.status });
  await recordAttempt(row, ctx.clock.now(), parsed.data.ok ? { ok: true } : { ok: false, error: parsed.data.error ?? '发送失败', permanent: parsed.data.permanent });
  return ok({ status: row.status });
}
