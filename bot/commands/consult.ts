/** 面商: 12号昨天电话面商，代表同意方案 — records a consultation with the deputy. */
import { chinaDay } from '../../contracts/format';
import { METHOD_LABEL } from '../replies';
import type { Turn } from '../turn';
import { askFor, needId } from './util';

/** Records a consultation (method and day default to a visit today; the summary is required). */
export async function consult(t: Turn): Promise<void> {
  const id = needId(t, '12号昨天电话面商，代表同意方案');
  if (id === undefined) return;
  const { method = 'visit', date = chinaDay(t.now()), summary } = t.u.slots;
  if (!summary) return askFor(t, 'consult', t.u.slots, 'summary', `请简单说说和代表面商的情况（${METHOD_LABEL[method]}，${date}），例如：代表同意办理方案`);
  await t.api.act(id, 'consult', { method, happenedOn: date, summary });
  t.say(`已记录建议 ${id} 的面商：${date} ${METHOD_LABEL[method]}，${summary}。`);
}
