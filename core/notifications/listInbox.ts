/** A person's inbox: notices and notifications, newest first, unread ones on request. */
import { z } from 'zod';
import { formatZodError } from '../../contracts/validation';
import { NotificationModel } from '../../models/engagement';
import type { Actor } from '../context';
import { invalid, ok, type Outcome } from '../result';

const Query = z.object({
  unread: z.enum(['true', 'false', '1', '0']).optional(),
  kind: z.string().max(48).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Lists the caller's inbox entries and the unread count. */
export async function listInbox(actor: Actor, rawQuery: unknown): Promise<Outcome<{ items: NotificationModel[]; unread: number }>> {
  const parsed = Query.safeParse(rawQuery ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const q = parsed.data;
  const where = { userId: actor.id, ...(q.unread === 'true' || q.unread === '1' ? { readAt: null } : {}), ...(q.kind ? { kind: q.kind } : {}) };
  const items = await NotificationModel.findAll({ where, order: [['id', 'DESC']], limit: q.limit });
  const unread = await NotificationModel.count({ where: { userId: actor.id, readAt: null } });
  return ok({ items, unread });
}
