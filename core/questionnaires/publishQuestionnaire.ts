/** The office publishes a survey, ballot or evaluation to an audience; recipients are fixed at publication. */
import { QuestionnaireRequest } from '../../contracts/engagement';
import { QUESTIONNAIRE_KIND_LABELS } from '../../contracts/labels';
import { formatZodError } from '../../contracts/validation';
import { QuestionnaireModel, RecipientModel } from '../../models/engagement';
import type { Actor, CoreContext } from '../context';
import { resolveAudience } from '../notifications/audience';
import { notify } from '../notifications/notify';
import { forbidden, invalid, ok, type Outcome } from '../result';
import { inTransaction } from '../useCase';
import { buildQuestions } from './rules';
import { chinaTime } from '../calendar/workdays';

/** Publishes the questionnaire; returns its id and the number of recipients. */
export async function publishQuestionnaire(ctx: CoreContext, actor: Actor, input: unknown): Promise<Outcome<{ id: number; recipients: number }>> {
  if (actor.role !== 'office' && actor.role !== 'admin') return forbidden('只有人大工作人员可以发布问卷、票决和测评');
  const parsed = QuestionnaireRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const req = parsed.data;
  const built = buildQuestions(req.kind, req);
  if (typeof built === 'string') return invalid(built);
  const now = ctx.clock.now();
  const opensAt = req.opensAt ? new Date(req.opensAt) : now;
  const closesAt = new Date(req.closesAt);
  if (closesAt <= opensAt) return invalid('截止时间必须晚于开始时间');
  if (closesAt <= now) return invalid('截止时间已经过去了');
  return inTransaction(ctx, async () => {
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
    const label = QUESTIONNAIRE_KIND_LABELS[req.kind];
    const deadline = chinaTime(closesAt);
    await notify(userIds, { kind: `${req.kind}.published`, title: `新${label}：${req.title}`, body: `请在 ${deadline} 前完成。`, refType: 'questionnaire', refId: q.id, key: `questionnaire:${q.id}:published` }, now);
    return ok({ id: q.id, recipients: userIds.length });
  });
}
