/** An answer to a suggestion: class → text → preview (saved as a draft answer) → 确认发布. */
import type { Turn } from '../turn';
import type { Flow } from '../session';

type AnswerFlow = Extract<Flow, { flow: 'answer' }>;

/** Saves the draft answer and shows it; 确认 publishes it. */
export async function previewAnswer(t: Turn, s: AnswerFlow): Promise<void> {
  const next: AnswerFlow = { ...s, step: 'confirm' };
  if (!(await t.start(next))) return;
  await t.api.act(s.id, 'draft-answer', { answerClass: s.answerClass as 'A', text: s.text! });
  t.say(`答复预览（建议 ${s.id}，${s.answerClass} 类）：\n${s.text}\n回复“确认”正式答复，“取消”暂不发布（草稿已保存）。`, { private: true });
}

/** One message inside the answer flow. */
export async function answerStep(t: Turn, s: AnswerFlow): Promise<void> {
  if (s.step === 'class') {
    const c = t.u.text.trim().replace(/类$/, '').toUpperCase();
    if (!/^[ABCD]$/.test(c)) return t.say('请回复 A、B、C 或 D。', { private: true });
    if (!(await t.start({ ...s, answerClass: c, step: 'text' }))) return;
    return t.say('请发答复正文。', { private: true });
  }
  if (s.step === 'text') return previewAnswer(t, { ...s, text: t.u.text });
  if (t.u.intent === 'yes' || t.u.intent === 'ack') {
    if (!(await t.finish())) return;
    const r = await t.api.act(s.id, 'publish-answer', {});
    return t.say(`已正式答复建议 ${r.id}，代表将收到通知并测评。`);
  }
  t.say('回复“确认”正式答复，或“取消”。', { private: true });
}
