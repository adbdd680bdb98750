/** 满意度测评: 12号满意 / 基本满意 / 不满意（理由）. */
import { dueDate } from '../../contracts/format';
import { RATING_LABEL } from '../replies';
import { describe } from './describe';
import type { Turn } from '../turn';
import { askFor, needId } from './util';

/** Rates the answer of a suggestion; 不满意 asks for the reason first (the department redoes it). */
export async function rate(t: Turn): Promise<void> {
  // 居民很不满意 inside a problem told without a suggestion's number is a description, not a rating.
  if (t.u.slots.id === undefined && t.role === 'deputy' && (await describe(t))) return;
  const id = needId(t, '12号满意');
  if (id === undefined) return;
  const { rating, comment } = t.u.slots;
  if (!rating || (rating === 'dissatisfied' && !comment)) {
    // Nothing is asked for what cannot be done: the API says which actions this deputy has on it now.
    const s = await t.api.getSuggestion(id);
    if (!s.actions.includes('rate')) {
      const answered = s.answers.some((a) => a.state === 'published');
      return t.say(
        answered
          ? `建议 ${id} 现在是“${s.stateLabel}”，现在不能由你测评。发“${id}号建议办到哪了”可以看进展。`
          : `建议 ${id} 现在是“${s.stateLabel}”，还没有答复，答复后才能测评；答复时会通知你。`,
      );
    }
  }
  if (!rating) return askFor(t, 'rate', t.u.slots, 'comment', `请回复对建议 ${id} 答复的评价：满意、基本满意或不满意（不满意请说明理由）。`);
  if (rating === 'dissatisfied' && !comment) return askFor(t, 'rate', t.u.slots, 'comment', `请说说对建议 ${id} 答复不满意的理由，承办单位会据此重新办理。`);
  const s = await t.api.act(id, 'rate', { rating, comment });
  // Say back what was recorded: 挺满意的 and 还行吧 are read, not typed from a menu.
  t.say(
    s.state === 'closed'
      ? `已记录你对建议 ${s.id} 答复的评价：${RATING_LABEL[rating]}。谢谢，建议已办结。`
      : `已记录你对建议 ${s.id} 答复的评价：${RATING_LABEL[rating]}。承办单位将重新办理，${s.deadlines.redoBy ? dueDate(s.deadlines.redoBy, s.deadlines.provisional, true) : '规定期限'}前再次答复。`,
  );
}
