/** 满意度测评: 12号满意 / 基本满意 / 不满意（理由）. */
import type { Turn } from '../turn';
import { askFor, needId } from './util';

/** Rates the answer of a suggestion; 不满意 asks for the reason first (the department redoes it). */
export async function rate(t: Turn): Promise<void> {
  const id = needId(t, '12号满意');
  if (id === undefined) return;
  const { rating, comment } = t.u.slots;
  if (!rating) return askFor(t, 'rate', t.u.slots, 'comment', `请回复对建议 ${id} 答复的评价：满意、基本满意或不满意（不满意请说明理由）。`);
  if (rating === 'dissatisfied' && !comment) return askFor(t, 'rate', t.u.slots, 'comment', `请说说对建议 ${id} 答复不满意的理由，承办单位会据此重新办理。`);
  const s = await t.api.act(id, 'rate', { rating, comment });
  t.say(s.state === 'closed' ? `谢谢评价，建议 ${s.id} 已办结。` : `已记录你的意见，承办单位将重新办理，${s.deadlines.redoBy} 前再次答复。`);
}
