/** The office publishes a notice (通知公告) to an audience; each recipient gets an inbox entry with a read receipt. */
import { PublishNoticeRequest } from '../../contracts/engagement';
import { NoticeModel } from '../../models/engagement';
import { invalid } from '../result';
import { plainUseCase } from '../useCase';
import { resolveAudience } from './audience';
import { publishes } from './policy';

/** Publishes the notice; returns its id and how many people it reached. */
export const publishNotice = plainUseCase({
  name: 'notices.publish',
  input: PublishNoticeRequest,
  who: ({ actor }) => (publishes(actor) ? null : '只有人大工作人员可以发布通知'),
  apply: async ({ actor, input: { title, body, audience }, now, emit }) => {
    const userIds = await resolveAudience(audience, actor);
    if (typeof userIds === 'string') return invalid(userIds);
    if (!userIds.length) return invalid('按这个条件没有找到任何接收人');
    const notice = await NoticeModel.create({ title, body, audience: JSON.stringify(audience), createdByUserId: actor.id, regionId: actor.regionId, publishedAt: now });
    emit({ type: 'notice.published', ref: { type: 'notice', id: notice.id }, data: { userIds } });
    return { id: notice.id, recipients: userIds.length };
  },
});
