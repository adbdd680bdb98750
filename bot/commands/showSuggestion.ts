/** 建议 12 / 12号建议办到哪一步了: one suggestion's state, deadline, answer and timeline (Beijing time). */
import { dueDate } from '../../contracts/format';
import { timelineTime } from '../replies';
import type { Turn } from '../turn';
import { needId } from './util';

/** Shows a suggestion's progress. */
export async function showSuggestion(t: Turn): Promise<void> {
  const id = needId(t, '12号建议办到哪了');
  if (id === undefined) return;
  const s = await t.api.getSuggestion(id);
  const timeline = s.timeline.slice(-6).map((e) => `${timelineTime(e.at)} ${e.actor.name} ${e.label}${e.note ? `：${e.note.slice(0, 40)}` : ''}`);
  const answer = s.answers.filter((a) => a.state === 'published').pop();
  const next = s.deadlines.next;
  t.say(
    [
      `建议 ${s.id}《${s.title}》`,
      `状态：${s.stateLabel}${s.lead ? `，主办：${s.lead.name}` : ''}`,
      ...(next ? [`${next.label}：${dueDate(next.date, next.provisional, true)}（${next.workingDaysLeft < 0 ? `已超期 ${-next.workingDaysLeft} 个工作日` : `还有 ${next.workingDaysLeft} 个工作日`}）`] : []),
      ...(answer ? [`答复（${answer.answerClass} 类 ${answer.answerClassLabel}）：${answer.text}`] : []),
      '进展：',
      ...timeline,
      ...(s.actions.includes('rate') ? [`请测评：${s.id}号满意 / 基本满意 / 不满意 理由`] : []),
    ].join('\n'),
    { private: true },
  );
}
