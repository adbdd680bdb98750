/** A survey or ballot answered question by question; each reply is checked by the contracts' rules at once. */
import type { QuestionnaireDetail } from '../../contracts/client';
import type { Question } from '../../contracts/engagement';
import type { QuestionnaireKind } from '../../contracts/enums';
import { checkAnswer, type AnswerValue } from '../../contracts/questionnaireRules';
import type { Turn } from '../turn';
import type { Flow } from '../session';

type QuestionnaireFlow = Extract<Flow, { flow: 'questionnaire' }>;

/** The text of question `i`. */
export function questionText(q: { questions: QuestionnaireDetail['questions'] }, i: number): string {
  const x = q.questions[i];
  const head = `第 ${i + 1}/${q.questions.length} 题：${x.title}${x.required ? '' : '（可回复“跳过”）'}`;
  if (x.type === 'single') return `${head}\n${x.options!.map((o, k) => `${k + 1}. ${o}`).join('\n')}\n回复一个编号。`;
  if (x.type === 'multiple') return `${head}\n${x.options!.map((o, k) => `${k + 1}. ${o}`).join('\n')}\n回复编号，多个用空格分开${x.max ? `（最多 ${x.max} 项）` : ''}。`;
  if (x.type === 'rating') return `${head}\n回复 1 到 5 分。`;
  return `${head}\n直接回复文字。`;
}

/** Reads a chat reply as the value of question `x` (numbers are 1-based in chat), or a message. */
function valueOf(x: QuestionnaireDetail['questions'][number], t: Turn): AnswerValue | { wrong: string } {
  const nums = t.u.intent === 'numbers' ? (t.u.slots.values ?? []) : [];
  const n = x.options?.length ?? 0;
  if (x.type === 'single') return nums.length === 1 ? nums[0] - 1 : { wrong: `请回复 1 到 ${n} 之间的一个编号。` };
  if (x.type === 'multiple') {
    if (!nums.length || nums.some((v) => v < 1 || v > n)) return { wrong: `请回复 1 到 ${n} 之间的编号，多个用空格分开。` };
    return [...new Set(nums)].map((v) => v - 1);
  }
  if (x.type === 'rating') return nums.length === 1 ? nums[0] : { wrong: '请回复 1 到 5 分。' };
  return t.u.text || { wrong: '请直接回复文字。' };
}

/** Opens a questionnaire (its questions are kept in the session, so each answer costs one call at most). */
export async function startQuestionnaire(t: Turn, id: number): Promise<void> {
  const q = await t.api.questionnaire(id);
  if (!(await t.start({ flow: 'questionnaire', id, kind: q.kind, title: q.title, index: 0, answers: {}, questions: q.questions }))) return;
  t.say(`${q.kindLabel}：${q.title}（共 ${q.questions.length} 题，随时回复“取消”退出，进度会保留 30 分钟）`, { private: true });
  t.say(questionText(q, 0), { private: true });
}

/** One reply inside a questionnaire. */
export async function questionnaireStep(t: Turn, s: QuestionnaireFlow): Promise<void> {
  const question = s.questions[s.index];
  const answers = { ...s.answers };
  if (t.u.intent === 'skip') {
    if (question.required) return t.say('这道题必须回答。', { private: true });
  } else {
    const value = valueOf(question, t);
    if (typeof value === 'object' && !Array.isArray(value)) return t.say(value.wrong, { private: true });
    const wrong = checkAnswer(question as Question, value, s.kind as QuestionnaireKind);
    if (wrong) return t.say(question.max && Array.isArray(value) && value.length > question.max ? `最多只能选 ${question.max} 项，请重新选择。` : wrong, { private: true });
    answers[question.id] = value;
  }
  const index = s.index + 1;
  if (index < s.questions.length) {
    if (!(await t.start({ ...s, index, answers }))) return;
    return t.say(questionText(s, index), { private: true });
  }
  if (!(await t.finish())) return;
  try {
    await t.api.answer(s.id, answers);
  } catch (e) {
    await t.start({ ...s, answers });
    throw e;
  }
  t.say(s.kind === 'ballot' ? '投票成功，谢谢！' : '已提交，谢谢你的参与！');
}

/** Picking one of several open questionnaires by its number. */
export async function pickQuestionnaireStep(t: Turn, s: Extract<Flow, { flow: 'pick-questionnaire' }>): Promise<void> {
  const i = t.u.intent === 'numbers' ? (t.u.slots.values?.[0] ?? 0) - 1 : -1;
  if (i < 0 || i >= s.ids.length) return t.say(`请回复 1 到 ${s.ids.length} 之间的序号。`, { private: true });
  return startQuestionnaire(t, s.ids[i]);
}
