/**
 * The questionnaire engine's rules: turning a request into questions (a ballot is one multiple-choice question
 * of candidates, an evaluation one 满意/基本满意/不满意 question) and checking an answer sheet against them.
 */
import type { Question } from '../../contracts/engagement';
import { EVALUATION_OPTIONS, MAJORITY_BASE_LABELS } from '../../contracts/labels';
import type { MajorityBase, QuestionnaireKind } from '../../contracts/enums';
import type { AnswerValue } from '../../contracts/questionnaireRules';

export interface BallotRules {
  maxChoices: number;
  /** The share of those asked who must vote for the ballot to count. */
  quorum: number;
  /** A candidate passes with strictly more than this share of the base (½: 过半数, so 2 of 4 does not pass). */
  passThreshold: number;
  /** The base of the majority: everyone asked to vote, or the valid ballots cast. */
  majorityOf: MajorityBase;
}

/** A ballot's rules as stored, with the defaults of ballots published before `majorityOf` existed. */
export function ballotRules(stored: Partial<BallotRules>): BallotRules {
  return { maxChoices: stored.maxChoices ?? 1, quorum: stored.quorum ?? 0.5, passThreshold: stored.passThreshold ?? 0.5, majorityOf: stored.majorityOf ?? 'eligible' };
}

/** The ballot's rule in a sentence, shown on the ballot and with its results. */
export function describeBallotRule(r: BallotRules): string {
  const share = r.passThreshold === 0.5 ? '半数' : `${Math.round(r.passThreshold * 1000) / 10}%`;
  return `参与投票人数达到应投票人数的 ${Math.round(r.quorum * 1000) / 10}% 方为有效；候选项得票超过${MAJORITY_BASE_LABELS[r.majorityOf]}的${share}为通过`;
}

/** Whether `votes` pass: strictly more than the threshold share of the base (everyone asked, or the ballots cast). */
export function passes(r: BallotRules, votes: number, eligible: number, cast: number): boolean {
  const base = r.majorityOf === 'valid' ? cast : eligible;
  return base > 0 && votes > r.passThreshold * base;
}

export type { AnswerValue };

/** The questions stored for a request, or a message saying what is wrong. */
export function buildQuestions(
  kind: QuestionnaireKind,
  req: { title: string; questions?: Question[]; candidates?: string[]; maxChoices?: number; quorum?: number; passThreshold?: number; majorityOf?: MajorityBase },
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
      rules: ballotRules({ maxChoices, quorum: req.quorum, passThreshold: req.passThreshold, majorityOf: req.majorityOf }),
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
