/** Deliveries that gave up (dead letters), for the office to see and follow up by other means. */
import { NotificationModel, OutboxModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import type { Actor } from '../context';
import { Op } from 'sequelize';
import { userRegionWhere } from '../directory/scope';
import { plainUseCase } from '../useCase';
import { publishes } from './policy';

/** The dead deliveries to people of the office's region subtree, newest first, with recipient and message. */
export const listDeadLetters = plainUseCase({
  name: 'deliveries.dead',
  readOnly: true,
  who: ({ actor }) => (publishes(actor) ? null : '只有人大工作人员可以查看投递失败的消息'),
  apply: ({ actor }) => deadLetters(actor),
});

async function deadLetters(actor: Actor) {
  const rows = await OutboxModel.findAll({ where: { [Op.and]: [{ status: 'dead' }, userRegionWhere(actor)] }, order: [['id', 'DESC']], limit: 200 });
  const notes = new Map((await NotificationModel.findAll({ where: { id: rows.map((r) => r.notificationId) } })).map((n) => [n.id, n]));
  const users = new Map((await UserModel.findAll({ where: { id: rows.map((r) => r.userId) } })).map((u) => [u.id, u]));
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    to: users.get(r.userId)?.username ?? '',
    toName: users.get(r.userId)?.name ?? '',
    title: notes.get(r.notificationId)?.title ?? '',
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
  }));
}
