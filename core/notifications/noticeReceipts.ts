/** Read receipts of a notice: who read it and when, who has not yet. */
import { NoticeModel, NotificationModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import type { Actor } from '../context';
import { forbidden, notFound, ok, type Outcome } from '../result';

export interface Receipt {
  username: string;
  name: string;
  readAt: Date | null;
}

/** The notice with its recipients' read times. */
export async function noticeReceipts(actor: Actor, id: number): Promise<Outcome<{ notice: NoticeModel; receipts: Receipt[] }>> {
  if (actor.role !== 'office' && actor.role !== 'admin') return forbidden('只有人大工作人员可以查看阅读情况');
  const notice = Number.isInteger(id) ? await NoticeModel.findByPk(id) : null;
  if (!notice) return notFound('没有找到这条通知');
  const rows = await NotificationModel.findAll({ where: { refType: 'notice', refId: id }, order: [['userId', 'ASC']] });
  const users = new Map((await UserModel.findAll({ where: { id: rows.map((r) => r.userId) } })).map((u) => [u.id, u]));
  return ok({ notice, receipts: rows.map((r) => ({ username: users.get(r.userId)?.username ?? '', name: users.get(r.userId)?.name ?? '', readAt: r.readAt })) });
}
