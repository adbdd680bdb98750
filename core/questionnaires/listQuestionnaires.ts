/** The questionnaires a person was asked to answer (or, for an office, those of its region), with "answered" flags. */
import { Op } from 'sequelize';
import type { Question } from '../../contracts/engagement';
import { QuestionnaireModel, RecipientModel, ResponseModel } from '../../models/engagement';
import { regionWhere } from '../directory/scope';
import { plainUseCase, useCase } from '../useCase';
import { isOpen, manages, NOT_RECIPIENT, publishes, questionnaireSubject } from './policy';
import { ballotRules, describeBallotRule, type BallotRules } from './rules';
import { MAJORITY_BASE_LABELS } from '../../contracts/labels';

/** The caller's questionnaires, newest first. */
export const listQuestionnaires = plainUseCase({
  name: 'questionnaires.list',
  readOnly: true,
  apply: async ({ actor, now }) => {
    const office = publishes(actor);
    const ids = office ? null : (await RecipientModel.findAll({ where: { userId: actor.id } })).map((r) => r.questionnaireId);
    const qs = await QuestionnaireModel.findAll({ where: ids ? { id: { [Op.in]: ids } } : regionWhere(actor), order: [['id', 'DESC']], limit: 200 });
    const answered = new Set((await ResponseModel.findAll({ where: { userId: actor.id, questionnaireId: qs.map((q) => q.id) } })).map((r) => r.questionnaireId));
    return qs.map((q) => ({ q, answered: answered.has(q.id), open: isOpen(q, now) }));
  },
});

/** The stored rules; a ballot's with its defaults and its rule in a sentence (`rule`), so that voters see how it is decided. */
function rulesOf(q: QuestionnaireModel): object {
  const stored = JSON.parse(q.rules) as Partial<BallotRules>;
  if (q.kind !== 'ballot') return stored;
  const rules = ballotRules(stored);
  return { ...rules, majorityOfLabel: MAJORITY_BASE_LABELS[rules.majorityOf], rule: describeBallotRule(rules) };
}

/** One questionnaire with its questions and the caller's own answers. */
export const getQuestionnaire = useCase({
  name: 'questionnaires.get',
  readOnly: true,
  ...questionnaireSubject(false),
  who: ({ actor, subject }) => (subject.recipient || manages(actor, subject) ? null : NOT_RECIPIENT),
  apply: async ({ subject: { q, mine }, now }) => ({
    q,
    questions: JSON.parse(q.questions) as Question[],
    rules: rulesOf(q),
    myAnswers: mine ? JSON.parse(mine.answers) : null,
    open: isOpen(q, now),
  }),
});
