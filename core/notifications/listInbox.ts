/** A person's inbox: notices and notifications, newest first, unread ones on request. */
import { z } from 'zod';
import { NotificationModel } from '../../models/engagement';
import { plainUseCase } from '../useCase';

const Query = z.object({
  unread: z.enum(['true', 'false', '1', '0']).optional(),
  kind: z.string().max(48).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Lists the caller's inbox entries and the unread count. */
export const listInbox = plainUseCase({
  name: 'inbox.list',
  readOnly: true,
  input: Query,
  apply: async ({ actor, input: q }) => {
    const where = { userId: actor.id, ...(q.unread === 'true' || q.unread === '1' ? { readAt: null } : {}), ...(q.kind ? { kind: q.kind } : {}) };
    const items = await NotificationModel.findAll({ where, order: [['id', 'DESC']], limit: q.limit });
    const unread = await NotificationModel.count({ where: { userId: actor.id, readAt: null } });
    return { items, unread };
  },
});
