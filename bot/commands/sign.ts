/** 签收 12 / 12号建议签收. */
import { dueDate } from '../../contracts/format';
import type { Turn } from '../turn';
import { needId } from './util';

/** Signs for a task. */
export async function sign(t: Turn): Promise<void> {
  const id = needId(t, '签收 12');
  if (id === undefined) return;
  const s = await t.api.act(id, 'sign');
  t.say(`已签收建议 ${s.id}，答复期限${s.deadlines.answerBy ? dueDate(s.deadlines.answerBy, s.deadlines.provisional, true) : '待定'}。`);
}
