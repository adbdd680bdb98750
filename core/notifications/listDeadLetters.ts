/** Deliveries that gave up (dead letters), for the office to see and follow up by other means. */
import { NotificationModel, OutboxModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import type { Actor } from '../context';
import { forbidden, ok, type Outcome } from '../result';

/** The dead deliveries, newest first, with recipient and message. */
export async function listDeadLetters(actor: Actor) {
  if (actor.role !== 'office' && actor.role !== 'admin') return forbidden('只有人大工作人员可以查看投递失败的消息') as Outcome<never>;
  const rows = await OutboxModel.findAll({ where: { status: 'dead' }, order: [['id', 'DESC']], limit: 200 });
  const notes = new Map((await NotificationModel.findAll({ where: { id: rows.map((r) => r.notificationId) } })).map((n) => [n.id, n]));
  const users = new Map((await UserModel.findAll({ where: { id: rows.map((r) => r.userId) } })).map((u) => [u.id, u]));
  return ok(
    rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      to: users.get(r.userId)?.username ?? '',
      toName: users.get(r.userId)?.name ?? '',
      title: notes.get(r.notificationId)?.title ?? '',
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
    })),
  );
}
