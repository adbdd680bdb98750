/** 我的任务: a department's open tasks, answer deadline first (the API sorts). */
import { dueDate } from '../../contracts/format';
import type { Turn } from '../turn';

/** Lists open tasks by deadline. */
export async function tasks(t: Turn): Promise<void> {
  const page = await t.api.listSuggestions({ sort: 'deadline', pageSize: 50 });
  const open = page.items.filter((s) => s.state === 'assigned' || s.state === 'handling');
  if (!open.length) return t.say('没有待办的建议。', { private: true });
  const lines = open.map((s) => {
    const n = s.deadlines.next;
    const when = n ? (n.workingDaysLeft < 0 ? `已超期 ${-n.workingDaysLeft} 个工作日` : `${n.label}${dueDate(n.date, n.provisional)}，剩 ${n.workingDaysLeft} 个工作日`) : '';
    return `${s.deadlines.overdue ? '【超期】' : ''}${s.id}. ${s.title} —— ${s.stateLabel}，${when}`;
  });
  t.say(`待办建议 ${open.length} 件（按期限排序）：\n${lines.join('\n')}`, { private: true });
}
