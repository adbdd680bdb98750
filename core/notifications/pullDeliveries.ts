/** The chat bot pulls its due deliveries (and acknowledges each later); only the bot's service account may. */
import { NotificationModel, OutboxModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import { ChatBindingModel } from '../../models/chat';
import { botOnly } from '../directory/scope';
import { idOf, plainUseCase, useCase } from '../useCase';
import { AckRequest, DeliveriesQuery } from '../../contracts/engagement';
import type { ChatDeliveryItem } from '../../contracts/client';
import { claimDue, recordAttempt } from './deliveries';

/** A chat delivery as the bot receives it (the shape lives in the contracts). */
export type ChatDelivery = ChatDeliveryItem;

/** Claims up to `limit` chat deliveries for the caller (the bot), addressed on `transport`. */
export const pullDeliveries = plainUseCase({
  name: 'deliveries.pull',
  input: DeliveriesQuery,
  who: botOnly('领取推送'),
  apply: async ({ ctx, input: { limit, transport }, now }): Promise<ChatDelivery[]> => {
    const rows = await claimDue('chat', now, limit);
    const bindings = new Map((await ChatBindingModel.findAll({ where: { transport, userId: rows.map((r) => r.userId) } })).map((b) => [b.userId, b.chatUserId]));
    const notes = new Map((await NotificationModel.findAll({ where: { id: rows.map((r) => r.notificationId) } })).map((n) => [n.id, n]));
    const users = new Map((await UserModel.findAll({ where: { id: rows.map((r) => r.userId) } })).map((u) => [u.id, u]));
    return rows.map((r) => {
      const n = notes.get(r.notificationId)!;
      const u = users.get(r.userId)!;
      const chatUserId = bindings.get(r.userId) ?? (ctx.config.demoMode ? u.username : null);
      return { id: r.id, chatUserId, idempotencyKey: r.idempotencyKey, to: u.username, toName: u.name, kind: n.kind, title: n.title, body: n.body, refType: n.refType, refId: n.refId, attempts: r.attempts };
    });
  },
});

/** The bot reports a delivery's result. Acknowledging a sent delivery again changes nothing. */
export const ackDelivery = useCase({
  name: 'deliveries.ack',
  input: AckRequest,
  load: async (id: number) => {
    const n = idOf(id);
    return n ? OutboxModel.findOne({ where: { id: n, channel: 'chat' }, lock: true }) : null;
  },
  notFound: '没有这条推送',
  who: botOnly('确认推送'),
  apply: async ({ subject: row, input, now }) => {
    if (row.status !== 'pending') return { status: row.status };
    await recordAttempt(row, now, input.ok ? { ok: true } : { ok: false, error: input.error ?? '发送失败', permanent: input.permanent });
    return { status: row.status };
  },
});
