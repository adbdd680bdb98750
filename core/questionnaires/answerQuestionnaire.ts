/**
 * A recipient answers: a survey's answers may be changed until it closes; a ballot is cast once and an
 * over-vote is refused; an evaluation is one of 满意 / 基本满意 / 不满意.
 */
import { AnswerRequest, type Question } from '../../contracts/engagement';
import type { QuestionnaireKind } from '../../contracts/enums';
import { formatZodError } from '../../contracts/validation';
import { QuestionnaireModel, RecipientModel, ResponseModel } from '../../models/engagement';
import type { Actor, CoreContext } from '../context';
import { conflict, forbidden, invalid, notFound, ok, type Outcome } from '../result';
import { inTransaction } from '../useCase';
import { checkAnswers, type AnswerValue } from './rules';

/** Stores the caller's answers; returns whether an earlier answer was replaced. */
export async function answerQuestionnaire(ctx: CoreContext, actor: Actor, id: number, input: unknown): Promise<Outcome<{ updated: boolean }>> {
  const parsed = AnswerRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  return inTransaction<{ updated: boolean }>(ctx, async () => {
    const q = Number.isInteger(id) ? await QuestionnaireModel.findByPk(id) : null;
    if (!q) return notFound('没有找到这份问卷');
    if (!(await RecipientModel.findOne({ where: { questionnaireId: id, userId: actor.id } }))) return forbidden('你不在这份问卷的参与范围内');
    const now = ctx.clock.now();
    if (now < q.opensAt) return conflict('还没有开始，请稍后再来');
    if (now >= q.closesAt) return conflict('已经截止，不能再提交');
    const answers = checkAnswers(JSON.parse(q.questions) as Question[], parsed.data.answers as Record<string, AnswerValue>, q.kind as QuestionnaireKind);
    if (typeof answers === 'string') return invalid(answers);
    const existing = await ResponseModel.findOne({ where: { questionnaireId: id, userId: actor.id } });
    if (existing) {
      if (q.kind === 'ballot') return conflict('你已经投过票了，每人只能投一次');
      existing.answers = JSON.stringify(answers);
      existing.updatedAt = now;
      await existing.save();
      return ok({ updated: true });
    }
    await ResponseModel.create({ questionnaireId: id, userId: actor.id, answers: JSON.stringify(answers), createdAt: now, updatedAt: now });
    return ok({ updated: false });
  });
}
