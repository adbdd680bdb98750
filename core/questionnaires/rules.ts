/**
 * The questionnaire engine's rules: turning a request into questions (a ballot is one multiple-choice question
 * of candidates, an evaluation one 满意/基本满意/不满意 question) and checking an answer sheet against them.
 */
import type { Question } from '../../contracts/engagement';
import { EVALUATION_OPTIONS } from '../../contracts/labels';
import type { QuestionnaireKind } from '../../contracts/enums';
import type { AnswerValue } from '../../contracts/questionnaireRules';

export interface BallotRules {
  maxChoices: number;
  quorum: number;
  passThreshold: number;
}

export type { AnswerValue };

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

export { checkAnswers } from '../../contracts/questionnaireRules';

/** An answer as text, for exports: option labels joined by "；". */
export function answerText(q: Question, v: AnswerValue | undefined): string {
  if (v === undefined) return '';
  if (q.type === 'single' && typeof v === 'number') return q.options?.[v] ?? '';
  if (q.type === 'multiple' && Array.isArray(v)) return v.map((i) => q.options?.[i] ?? '').join('；');
  return String(v);
}
