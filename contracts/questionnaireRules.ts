/**
 * The rules of an answer sheet, in one place for the API (which enforces them) and the bot (which checks each
 * chat reply as it comes, so a person hears at once what is wrong): one question at a time, or a whole sheet.
 */
import type { Question } from './engagement';
import type { QuestionnaireKind } from './enums';

export type AnswerValue = string | number | number[];

/** Checks one answer; returns a Chinese message when it does not fit, null when it does (or is an allowed blank). */
export function checkAnswer(q: Question, v: AnswerValue | undefined, kind: QuestionnaireKind): string | null {
  const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  if (empty) return q.required ? `“${q.title}”是必答题` : null;
  const n = q.options?.length ?? 0;
  switch (q.type) {
    case 'single':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= n) return `“${q.title}”请选择 1 到 ${n} 之间的一项`;
      break;
    case 'multiple': {
      if (!Array.isArray(v) || v.some((i) => !Number.isInteger(i) || i < 0 || i >= n)) return `“${q.title}”的选项不对`;
      if (new Set(v).size !== v.length) return `“${q.title}”同一项不能重复选`;
      if (q.max !== undefined && v.length > q.max) return kind === 'ballot' ? `最多只能选 ${q.max} 项，你选了 ${v.length} 项，这张票无效，请重新选择` : `“${q.title}”最多选 ${q.max} 项`;
      if (q.min !== undefined && v.length < q.min) return `“${q.title}”至少选 ${q.min} 项`;
      break;
    }
    case 'rating':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) return `“${q.title}”请打 1 到 5 分`;
      break;
    case 'text':
    case 'longtext':
      if (typeof v !== 'string') return `“${q.title}”请填写文字`;
      if (q.type === 'text' && v.length > 200) return `“${q.title}”不能超过 200 字`;
      break;
  }
  return null;
}

/** Checks an answer sheet; returns the normalised answers or a Chinese message. */
export function checkAnswers(questions: Question[], raw: Record<string, AnswerValue>, kind: QuestionnaireKind): Record<string, AnswerValue> | string {
  const out: Record<string, AnswerValue> = {};
  const known = new Set(questions.map((q) => q.id));
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  if (unknown.length) return `没有这些题目：${unknown.join('、')}`;
  for (const q of questions) {
    const v = raw[q.id];
    const wrong = checkAnswer(q, v, kind);
    if (wrong) return wrong;
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[q.id] = v;
  }
  return out;
}
