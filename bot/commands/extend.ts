/** 延期12 两个月 理由: asks the office for more time (1–3 months). */
import { dueDate } from '../../contracts/format';
import type { Turn } from '../turn';
import { askFor, needId } from './util';

/** Requests an extension; the reason is required, the months default to one. */
export async function extend(t: Turn): Promise<void> {
  const id = needId(t, '延期 12 两个月 需要等预算批复');
  if (id === undefined) return;
  const { months, reason } = t.u.slots;
  if (months !== undefined && (months < 1 || months > 3)) return t.say('延期一次可以申请 1 到 3 个月。');
  if (!reason) return askFor(t, 'extend', t.u.slots, 'reason', `请写明延期${months ? ` ${months} 个月` : ''}的理由，例如：需要等待预算批复`);
  const s = await t.api.act(id, 'request-extension', { months: months ?? 1, reason });
  const ext = s.extensions[s.extensions.length - 1];
  t.say(`已申请延期 ${months ?? 1} 个月至${dueDate(ext.toDue)}（理由：${reason}），等待人大审批。`);
}
