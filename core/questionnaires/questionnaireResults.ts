/**
 * Results: counts and percentages per option, rating averages, text answers; for a ballot the votes per
 * candidate, whether the quorum was met and which candidates passed. Office accounts see every result; a
 * recipient sees an evaluation's results at once after answering.
 */
import type { Question } from '../../contracts/engagement';
import { percent as pct } from '../../contracts/format';
import { QuestionnaireModel, RecipientModel, ResponseModel } from '../../models/engagement';
import { useCase } from '../useCase';
import { manages, questionnaireSubject } from './policy';
import type { AnswerValue, BallotRules } from './rules';

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
  ballot?: { quorum: number; quorumMet: boolean; passThreshold: number; candidates: { label: string; votes: number; percentOfEligible: number; passed: boolean }[] };
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
    const rules = JSON.parse(q.rules) as BallotRules;
    const quorumMet = eligible > 0 && responses.length / eligible >= rules.quorum;
    out.ballot = {
      quorum: rules.quorum,
      quorumMet,
      passThreshold: rules.passThreshold,
      candidates: (results[0].options ?? []).map((o) => ({
        label: o.label,
        votes: o.count,
        percentOfEligible: pct(o.count, eligible),
        passed: quorumMet && o.count / eligible >= rules.passThreshold,
      })),
    };
  }
  return out;
}

/** The results of a questionnaire: the office that manages it sees every result; a recipient sees an evaluation's after answering. */
export const questionnaireResults = useCase({
  name: 'questionnaires.results',
  readOnly: true,
  ...questionnaireSubject(false),
  who: ({ actor, subject }) => (manages(actor, subject) || (subject.q.kind === 'evaluation' && subject.mine) ? null : '结果由人大工作人员汇总发布'),
  apply: ({ subject }) => tally(subject.q),
});
