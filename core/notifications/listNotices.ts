/** The notices the office has published, newest first, each with how many recipients have read it. */
import { fn, col, Op } from 'sequelize';
import { NoticeModel, NotificationModel } from '../../models/engagement';
import type { Actor } from '../context';
import { regionWhere } from '../directory/scope';
import { plainUseCase } from '../useCase';
import { publishes } from './policy';

export interface NoticeSummary {
  id: number;
  title: string;
  publishedAt: Date;
  total: number;
  read: number;
}

/** The latest 50 notices of the office's region subtree, with their read counts. */
export const listNotices = plainUseCase({
  name: 'notices.list',
  readOnly: true,
  who: ({ actor }) => (publishes(actor) ? null : '只有人大工作人员可以查看已发布的通知'),
  apply: ({ actor }) => summaries(actor),
});

async function summaries(actor: Actor): Promise<NoticeSummary[]> {
  const notices = await NoticeModel.findAll({ where: regionWhere(actor), order: [['id', 'DESC']], limit: 50 });
  if (!notices.length) return [];
  const counts = (await NotificationModel.findAll({
    where: { refType: 'notice', refId: { [Op.in]: notices.map((n) => n.id) } },
    attributes: ['refId', [fn('COUNT', col('id')), 'total'], [fn('COUNT', col('readAt')), 'read']],
    group: ['refId'],
    raw: true,
  })) as unknown as { refId: number; total: number | string; read: number | string }[];
  const byId = new Map(counts.map((c) => [Number(c.refId), c]));
  return notices.map((n) => ({ id: n.id, title: n.title, publishedAt: n.publishedAt, total: Number(byId.get(n.id)?.total ?? 0), read: Number(byId.get(n.id)?.read ?? 0) }));
}
