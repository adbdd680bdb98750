/** 我的建议: the person's suggestions (a citizen's opinions) with state and next deadline. */
import { dueDate } from '../../contracts/format';
import type { Turn } from '../turn';

/** Lists the caller's suggestions, newest first. */
export async function mySuggestions(t: Turn): Promise<void> {
  const page = await t.api.listSuggestions({ mine: t.role === 'deputy' ? true : undefined, pageSize: 10 });
  if (!page.items.length) return t.say(t.role === 'citizen' ? '你还没有反映过意见。' : '你还没有建议。发“提建议”开始写一条。', { private: true });
  const lines = page.items.map((s) => {
    const next = s.deadlines.next ? `，${s.deadlines.next.label}${dueDate(s.deadlines.next.date, s.deadlines.next.provisional)}` : '';
    return `${s.id}. ${s.title} —— ${s.stateLabel}${s.lead ? `（${s.lead.name}）` : ''}${next}`;
  });
  t.say(`你的建议（共 ${page.total} 件）：\n${lines.join('\n')}\n发“${page.items[0].id}号建议办到哪了”这样的话看进度。`, { private: true });
}
