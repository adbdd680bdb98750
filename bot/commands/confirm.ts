/** 确认 12 / 确认12号的分办: assigns a suggestion as the classifier proposed. */
import { dueDate } from '../../contracts/format';
import type { Turn } from '../turn';
import { needId } from './util';

/** Confirms the routing proposal. */
export async function confirm(t: Turn): Promise<void> {
  const id = needId(t, '确认 12');
  if (id === undefined) return;
  const s = await t.api.act(id, 'confirm');
  t.say(`已交办建议 ${s.id} 给${s.lead?.name}，答复期限${s.deadlines.answerBy ? dueDate(s.deadlines.answerBy, s.deadlines.provisional, true) : '待定'}。`);
}
