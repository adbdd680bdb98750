/**
 * The questionnaire engine's rules: turning a request into questions (a ballot is one multiple-choice question
 * of candidates, an evaluation one 满意/基本满意/不满意 question) and checking an answer sheet against them.
 */
import type { Question } from '../../contracts/engagement';
import { EVALUATION_OPTIONS } from '../../contracts/labels';
import type { QuestionnaireKind } from '../../contracts/enums';

export interface BallotRules {
  maxChoices: number;
  quorum: number;
  passThreshold: number;
}

export type AnswerValue = string | number | number[];

/** The questions stored for a request, or a message saying what is wrong. */
export function buildQuestions(
  kind: QuestionnaireKind,
  req: { title: string; questions?: Question[]; candidates?: string[]; maxChoices?: number; quorum?: number; passThreshold?: number },
): { questions: Question[]; rules: Partial<BallotRules> } | string {
  if (kind === 'evaluation') {
    return { questions: [{ id: 'rating', type: 'single', title: req.title, options: [...EVALUATION_OPTIONS], required: true }], rules: {} };
  }
  if (kind === 'ballot') {
    const candidates = req.candidates ?? [];
    if (candidates.length < 2) return '票决至少要有 2 个候选项';
    const maxChoices = req.maxChoices ?? 1;
    if (maxChoices > candidates.length) return `可选数目（${maxChoices}）不能多于候选项（${candidates.length}）`;
    return {
      questions: [{ id: 'choice', type: 'multiple', title: req.title, options: candidates, required: true, min: 1, max: maxChoices }],
      rules: { maxChoices, quorum: req.quorum ?? 0.5, passThreshold: req.passThreshold ?? 0.5 },
    };
  }
  const questions = req.questions ?? [];
  if (!questions.length) return '问卷至少要有一道题';
  const ids = new Set<string>();
  for (const q of questions) {
    if (ids.has(q.id)) return `题目编号重复：${q.id}`;
    ids.add(q.id);
    if ((q.type === 'single' || q.type === 'multiple') && (q.options?.length ?? 0) < 2) return `“${q.title}”至少要有 2 个选项`;
    if (q.type === 'multiple' && q.min !== undefined && q.max !== undefined && q.min > q.max) return `“${q.title}”的最少选择数不能大于最多选择数`;
  }
  return { questions, rules: {} };
}

/** Checks an answer sheet; returns the normalised answers or a Chinese message. */
export function checkAnswers(questions: Question[], raw: Record<string, AnswerValue>, kind: QuestionnaireKind): Record<string, AnswerValue> | string {
  const out: Record<string, AnswerValue> = {};
  const known = new Set(questions.map((q) => q.id));
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  if (unknown.length) return `没有这些题目：${unknown.join('、')}`;
  for (const q of questions) {
    const v = raw[q.id];
    const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (q.required) return `“${q.title}”是必答题`;
      continue;
    }
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
    out[q.id] = v;
  }
  return out;
}

/** An answer as text, for exports: option labels joined by "；". */
export function answerText(q: Question, v: AnswerValue | undefined): string {
  if (v === undefined) return '';
  if (q.type === 'single' && typeof v === 'number') return q.options?.[v] ?? '';
  if (q.type === 'multiple' && Array.isArray(v)) return v.map((i) => q.options?.[i] ?? '').join('；');
  return String(v);
}
