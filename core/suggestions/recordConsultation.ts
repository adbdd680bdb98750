/** A department records its consultation (面商) with the deputy: how, when and what was said. */
import { ConsultationModel } from '../../models/definitions';
import { CONSULT_METHOD_LABELS } from '../../contracts/labels';
import { invalid } from '../result';
import type { Actor, CoreContext } from '../context';
import { fail } from '../useCase';
import { performAction } from './perform';

/** Records a consultation; the state does not change. */
export function recordConsultation(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'consult', input, async ({ facts, now, today, input }) => {
    if (input.happenedOn > today) fail(invalid('面商日期不能晚于今天'));
    await ConsultationModel.create({
      suggestionId: facts.suggestion.id,
      departmentId: actor.departmentId!,
      userId: actor.id,
      method: input.method,
      happenedOn: input.happenedOn,
      summary: input.summary,
      createdAt: now,
    });
    return { note: `${input.happenedOn} ${CONSULT_METHOD_LABELS[input.method]}：${input.summary}` };
  });
}
