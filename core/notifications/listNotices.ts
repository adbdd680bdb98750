/** The notices the office has published, newest first, each with how many recipients have read it. */
import { fn, col, Op } from 'sequelize';
import { NoticeModel, NotificationModel } from '../../models/engagement';
import type { Actor } from '../context';
import { forbidden, ok, type Outcome } from '../result';

export interface NoticeSummary {
  id: number;
  title: string;
  publishedAt: Date;
  total: number;
  read: number;
}

/** The latest 50 notices with their read counts. */
export async function listNotices(actor: Actor): Promise<Outcome<NoticeSummary[]>> {
  if (actor.role !== 'office' && actor.role !== 'admin') return forbidden('只有人大工作人员可以查看已发布的通知');
  const notices = await NoticeModel.findAll({ order: [['id', 'DESC']], limit: 50 });
  if (!notices.length) return ok([]);
  const counts = (await NotificationModel.findAll({
    where: { refType: 'notice', refId: { [Op.in]: notices.map((n) => n.id) } },
    attributes: ['refId', [fn('COUNT', col('id')), 'total'], [fn('COUNT', col('readAt')), 'read']],
    group: ['refId'],
    raw: true,
  })) as unknown as { refId: number; total: number | string; read: number | string }[];
  const byId = new Map(counts.map((c) => [Number(c.refId), c]));
  return ok(notices.map((n) => ({ id: n.id, title: n.title, publishedAt: n.publishedAt, total: Number(byId.get(n.id)?.total ?? 0), read: Number(byId.get(n.id)?.read ?? 0) })));
}
