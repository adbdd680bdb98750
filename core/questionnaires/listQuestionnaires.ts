/** The questionnaires a person was asked to answer (or, for an office, those of its region), with "answered" flags. */
import { Op } from 'sequelize';
import type { Question } from '../../contracts/engagement';
import { QuestionnaireModel, RecipientModel, ResponseModel } from '../../models/engagement';
import { regionWhere } from '../directory/scope';
import { plainUseCase, useCase } from '../useCase';
import { isOpen, manages, NOT_RECIPIENT, publishes, questionnaireSubject } from './policy';

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

/** One questionnaire with its questions and the caller's own answers. */
export const getQuestionnaire = useCase({
  name: 'questionnaires.get',
  readOnly: true,
  ...questionnaireSubject(false),
  who: ({ actor, subject }) => (subject.recipient || manages(actor, subject) ? null : NOT_RECIPIENT),
  apply: async ({ subject: { q, mine }, now }) => ({
    q,
    questions: JSON.parse(q.questions) as Question[],
    rules: JSON.parse(q.rules) as object,
    myAnswers: mine ? JSON.parse(mine.answers) : null,
    open: isOpen(q, now),
  }),
});
