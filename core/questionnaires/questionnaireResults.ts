/**
 * Results: counts and percentages per option, rating averages, text answers; for a ballot the votes per
 * candidate, whether the quorum was met and which candidates passed — with strictly more than the threshold
 * share (过半数) of everyone asked or of the valid ballots, as the ballot says. Who reads them: policy.ts.
 */
import type { Question } from '../../contracts/engagement';
import { percent as pct } from '../../contracts/format';
import { QuestionnaireModel, RecipientModel, ResponseModel } from '../../models/engagement';
import { useCase } from '../useCase';
import { questionnaireSubject, resultsNotYet, resultsRefusal } from './policy';
import { ballotRules, describeBallotRule, passes, type AnswerValue, type BallotRules } from './rules';
import { MAJORITY_BASE_LABELS } from '../../contracts/labels';
import type { MajorityBase } from '../../contracts/enums';

export interface QuestionResult {
  id: string;
  type: string;
  title: string;
  answered: number;
  options?: { label: string; count: number; percent: number }[];
  average?: number | null;
  texts?: string[];
}

export interface Results {
  id: number;
  kind: string;
  title: string;
  eligible: number;
  responded: number;
  responseRate: number;
  questions: QuestionResult[];
  ballot?: {
    quorum: number;
    quorumMet: boolean;
    passThreshold: number;
    /** The base of the majority (eligible or valid), its label, its size, and the votes a candidate needs. */
    majorityOf: MajorityBase;
    majorityOfLabel: string;
    base: number;
    votesNeeded: number;
    /** The rule in a sentence. */
    rule: string;
    candidates: { label: string; votes: number; percentOfEligible: number; percentOfBase: number; passed: boolean }[];
  };
}

/** Tallies the answers of questionnaire `q`. */
export async function tally(q: QuestionnaireModel): Promise<Results> {
  const questions = JSON.parse(q.questions) as Question[];
  const responses = await ResponseModel.findAll({ where: { questionnaireId: q.id }, order: [['id', 'ASC']] });
  const eligible = await RecipientModel.count({ where: { questionnaireId: q.id } });
  const sheets = responses.map((r) => JSON.parse(r.answers) as Record<string, AnswerValue>);
  const results: QuestionResult[] = questions.map((question) => {
    const values = sheets.map((s) => s[question.id]).filter((v) => v !== undefined);
    const base = { id: question.id, type: question.type, title: question.title, answered: values.length };
    if (question.type === 'single' || question.type === 'multiple') {
      const counts = (question.options ?? []).map(() => 0);
      for (const v of values) for (const i of Array.isArray(v) ? v : [v as number]) counts[i] += 1;
      return { ...base, options: (question.options ?? []).map((label, i) => ({ label, count: counts[i], percent: pct(counts[i], values.length) })) };
    }
    if (question.type === 'rating') {
      const nums = values as number[];
      const options = [1, 2, 3, 4, 5].map((star) => {
        const count = nums.filter((n) => n === star).length;
        return { label: `${star} 分`, count, percent: pct(count, nums.length) };
      });
      return { ...base, options, average: nums.length ? Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 100) / 100 : null };
    }
    return { ...base, texts: values.map(String) };
  });
  const out: Results = { id: q.id, kind: q.kind, title: q.title, eligible, responded: responses.length, responseRate: pct(responses.length, eligible), questions: results };
  if (q.kind === 'ballot') {
    const rules = ballotRules(JSON.parse(q.rules) as Partial<BallotRules>);
    const quorumMet = eligible > 0 && responses.length / eligible >= rules.quorum;
    const base = rules.majorityOf === 'valid' ? responses.length : eligible;
    out.ballot = {
      quorum: rules.quorum,
      quorumMet,
      passThreshold: rules.passThreshold,
      majorityOf: rules.majorityOf,
      majorityOfLabel: MAJORITY_BASE_LABELS[rules.majorityOf],
      base,
      votesNeeded: Math.floor(rules.passThreshold * base) + 1,
      rule: describeBallotRule(rules),
      candidates: (results[0].options ?? []).map((o) => ({
        label: o.label,
        votes: o.count,
        percentOfEligible: pct(o.count, eligible),
        percentOfBase: pct(o.count, base),
        passed: quorumMet && passes(rules, o.count, eligible, responses.length),
      })),
    };
  }
  return out;
}

/**
 * The results of a questionnaire: the office that manages it sees every result at any time; the voters of a
 * ballot or an evaluation see its results once it has closed (and an evaluation's at once after answering).
 */
export const questionnaireResults = useCase({
  name: 'questionnaires.results',
  readOnly: true,
  ...questionnaireSubject(false),
  who: ({ actor, subject }) => resultsRefusal(actor, subject),
  when: ({ actor, subject, now }) => resultsNotYet(actor, subject, now),
  apply: ({ subject }) => tally(subject.q),
});
