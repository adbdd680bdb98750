/** 改派 12 住房和城乡建设局 财政局: assigns to the departments named (the first leads), in one API call. */
import { dueDate } from '../../contracts/format';
import type { Turn } from '../turn';
import { needId } from './util';

/** Resolves department names (any name, never split at 和) and reassigns. */
export async function reassign(t: Turn): Promise<void> {
  const id = needId(t, '改派 12 住建局 财政局');
  if (id === undefined) return;
  const said = t.u.slots.departments ?? '';
  const index = await t.directory.departmentIndex(t.api);
  const { found, unknown, ambiguous } = index.read(said);
  if (unknown.length) return t.say(`没有找到“${unknown[0]}”这个承办单位。请用单位全称或常用简称，例如：改派 ${id} 住建局 财政局`);
  if (ambiguous.length) return t.say(`“${ambiguous[0].said}”可能是${ambiguous[0].options.map((d) => d.name).join('或')}，请说全称。`);
  if (!found.length) return t.say(`请说改派给哪个单位，例如：改派 ${id} 住建局 财政局（第一个主办，其余协办）`);
  // 主办 after a name makes it the lead whatever the order.
  const leadIdx = found.findIndex((d) => new RegExp(`${d.said}\\s*(?:主办|牵头)`).test(said));
  const ordered = leadIdx > 0 ? [found[leadIdx], ...found.filter((_, i) => i !== leadIdx)] : found;
  const s = await t.api.reassign(id, { lead: ordered[0].code, co: ordered.slice(1).map((d) => d.code) });
  // Said from what was stored: the co-handlers of this assignment.
  const latest = s.assignments.reduce((m, a) => (a.assignedAt > m ? a.assignedAt : m), '');
  const co = s.assignments.filter((a) => a.role !== 'lead' && a.assignedAt === latest).map((a) => a.department.name);
  t.say(`已交办建议 ${s.id}：主办 ${s.lead?.name}${co.length ? `，协办 ${co.join('、')}` : ''}。答复期限${s.deadlines.answerBy ? dueDate(s.deadlines.answerBy, s.deadlines.provisional, true) : '待定'}。`);
}
