/** The office publishes a survey, ballot or evaluation to an audience; recipients are fixed at publication. */
import { QuestionnaireRequest } from '../../contracts/engagement';
import { QuestionnaireModel, RecipientModel } from '../../models/engagement';
import { resolveAudience } from '../notifications/audience';
import { invalid } from '../result';
import { plainUseCase } from '../useCase';
import { publishes } from './policy';
import { buildQuestions } from './rules';

/** Publishes the questionnaire; returns its id and the number of recipients. */
export const publishQuestionnaire = plainUseCase({
  name: 'questionnaires.publish',
  input: QuestionnaireRequest,
  who: ({ actor }) => (publishes(actor) ? null : '只有人大工作人员可以发布问卷、票决和测评'),
  apply: async ({ actor, input: req, now, emit }) => {
    const built = buildQuestions(req.kind, req);
    if (typeof built === 'string') return invalid(built);
    const opensAt = req.opensAt ? new Date(req.opensAt) : now;
    const closesAt = new Date(req.closesAt);
    if (closesAt <= opensAt) return invalid('截止时间必须晚于开始时间');
    if (closesAt <= now) return invalid('截止时间已经过去了');
    const userIds = await resolveAudience(req.audience, actor);
    if (typeof userIds === 'string') return invalid(userIds);
    if (!userIds.length) return invalid('按这个条件没有找到任何参与人');
    const q = await QuestionnaireModel.create({
      kind: req.kind,
      title: req.title,
      description: req.description ?? '',
      audience: JSON.stringify(req.audience),
      questions: JSON.stringify(built.questions),
      rules: JSON.stringify(built.rules),
      anonymous: req.anonymous ?? false,
      opensAt,
      closesAt,
      createdByUserId: actor.id,
      regionId: actor.regionId,
      createdAt: now,
    });
    await RecipientModel.bulkCreate(userIds.map((userId) => ({ questionnaireId: q.id, userId })));
    emit({ type: 'questionnaire.published', ref: { type: 'questionnaire', id: q.id } });
    return { id: q.id, recipients: userIds.length };
  },
});
