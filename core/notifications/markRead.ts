/** Marks an inbox entry read (收到) — the read receipt of a notice. Reading twice keeps the first time. */
import { NotificationModel } from '../../models/engagement';
import { plainUseCase, useCase, idOf } from '../useCase';

/** Marks entry `id` of the caller's inbox read (someone else's entry is not found). */
export const markRead = useCase({
  name: 'inbox.read',
  load: async (id: number, _ctx, actor) => {
    const n = idOf(id);
    return n ? NotificationModel.findOne({ where: { id: n, userId: actor.id } }) : null;
  },
  notFound: '没有找到这条消息',
  apply: async ({ subject: n, now }) => {
    if (n.readAt) return { marked: 0 };
    n.readAt = now;
    await n.save();
    return { marked: 1 };
  },
});

/** Marks every unread entry of the caller's inbox read. */
export const markAllRead = plainUseCase({
  name: 'inbox.read-all',
  apply: async ({ actor, now }) => {
    const [marked] = await NotificationModel.update({ readAt: now }, { where: { userId: actor.id, readAt: null } });
    return { marked };
  },
});
