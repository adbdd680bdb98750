/** Read receipts of a notice: who read it and when, who has not yet. */
import { NoticeModel, NotificationModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import { useCase } from '../useCase';
import { canSeeNotice, loadNotice, NOTICE_NOT_FOUND, publishes } from './policy';

export interface Receipt {
  username: string;
  name: string;
  readAt: Date | null;
}

/** The notice with its recipients' read times (for the office that published in that region). */
export const noticeReceipts = useCase({
  name: 'notices.receipts',
  readOnly: true,
  load: (id: number) => loadNotice(id),
  notFound: NOTICE_NOT_FOUND,
  visible: canSeeNotice,
  who: ({ actor }) => (publishes(actor) ? null : '只有人大工作人员可以查看阅读情况'),
  apply: async ({ subject: { notice } }): Promise<{ notice: NoticeModel; receipts: Receipt[] }> => {
    const rows = await NotificationModel.findAll({ where: { refType: 'notice', refId: notice.id }, order: [['userId', 'ASC']] });
    const users = new Map((await UserModel.findAll({ where: { id: rows.map((r) => r.userId) } })).map((u) => [u.id, u]));
    return { notice, receipts: rows.map((r) => ({ username: users.get(r.userId)?.username ?? '', name: users.get(r.userId)?.name ?? '', readAt: r.readAt })) };
  },
});
