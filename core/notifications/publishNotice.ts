/** The office publishes a notice (通知公告) to an audience; each recipient gets an inbox entry with a read receipt. */
import { PublishNoticeRequest } from '../../contracts/engagement';
import { formatZodError } from '../../contracts/validation';
import { NoticeModel } from '../../models/engagement';
import type { Actor, CoreContext } from '../context';
import { forbidden, invalid, ok, type Outcome } from '../result';
import { inTransaction } from '../useCase';
import { resolveAudience } from './audience';
import { notify } from './notify';

/** Publishes the notice; returns its id and how many people it reached. */
export async function publishNotice(ctx: CoreContext, actor: Actor, input: unknown): Promise<Outcome<{ id: number; recipients: number }>> {
  if (actor.role !== 'office' && actor.role !== 'admin') return forbidden('只有人大工作人员可以发布通知');
  const parsed = PublishNoticeRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const { title, body, audience } = parsed.data;
  return inTransaction(ctx, async () => {
    const userIds = await resolveAudience(audience, actor);
    if (typeof userIds === 'string') return invalid(userIds);
    if (!userIds.length) return invalid('按这个条件没有找到任何接收人');
    const now = ctx.clock.now();
    const notice = await NoticeModel.create({ title, body, audience: JSON.stringify(audience), createdByUserId: actor.id, regionId: actor.regionId, publishedAt: now });
    await notify(userIds, { kind: 'notice', title, body, refType: 'notice', refId: notice.id, key: `notice:${notice.id}` }, now);
    return ok({ id: notice.id, recipients: userIds.length });
  });
}
