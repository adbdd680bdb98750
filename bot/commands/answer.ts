/** 答复 12 B 正文: starts an answer (class and text), previewed before it is published. */
import { previewAnswer } from '../flows/answer';
import type { Turn } from '../turn';
import { needId } from './util';

/** Starts the answer flow at the first missing step. */
export async function answer(t: Turn): Promise<void> {
  const id = needId(t, '答复 12 B 已列入明年计划');
  if (id === undefined) return;
  const { answerClass, text } = t.u.slots;
  if (answerClass && text) return previewAnswer(t, { flow: 'answer', id, step: 'confirm', answerClass, text });
  await t.api.getSuggestion(id);
  if (!(await t.start({ flow: 'answer', id, step: answerClass ? 'text' : 'class', answerClass }))) return;
  t.say(answerClass ? '请发答复正文。' : '请选择答复类别：A 已解决或采纳，B 正在解决或列入计划，C 因条件限制暂难解决，D 留作参考。回复字母。', { private: true });
}
