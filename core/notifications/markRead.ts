/** Marks an inbox entry read (收到) — the read receipt of a notice. Reading twice keeps the first time. */
import { NotificationModel } from '../../models/engagement';
import type { Actor, CoreContext } from '../context';
import { notFound, ok, type Outcome } from '../result';

/** Marks entry `id` of the caller's inbox read; `all` marks every unread entry. */
export async function markRead(ctx: CoreContext, actor: Actor, id: number | 'all'): Promise<Outcome<{ marked: number }>> {
  const now = ctx.clock.now();
  if (id === 'all') {
    const [marked] = await NotificationModel.update({ readAt: now }, { where: { userId: actor.id, readAt: null } });
    return ok({ marked });
  }
  const n = Number.isInteger(id) ? await NotificationModel.findOne({ where: { id, userId: actor.id } }) : null;
  if (!n) return notFound('没有找到这条消息');
  if (!n.readAt) {
    n.readAt = now;
    await n.save();
    return ok({ marked: 1 });
  }
  return ok({ marked: 0 });
}
