/**
 * A department records its consultation (面商) with the deputy: how, when and what was said — or, with
 * method `none`, why no consultation was possible. The lead department may publish its answer only after one
 * of these records (policy.ts).
 */
import { ConsultationModel } from '../../models/definitions';
import { CONSULT_METHOD_LABELS } from '../../contracts/labels';
import { invalid } from '../result';
import type { Actor, CoreContext } from '../context';
import { fail } from '../useCase';
import { performAction } from './perform';

/** Records a consultation (or the reason why none was possible); the state does not change. */
export function recordConsultation(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'consult', input, async ({ facts, now, today, input }) => {
    const happenedOn = input.method === 'none' ? (input.happenedOn ?? today) : input.happenedOn!;
    if (happenedOn > today) fail(invalid('面商日期不能晚于今天'));
    const summary = input.summary!;
    await ConsultationModel.create({
      suggestionId: facts.suggestion.id,
      departmentId: actor.departmentId!,
      userId: actor.id,
      method: input.method,
      happenedOn,
      summary,
      createdAt: now,
    });
    const note = input.method === 'none' ? `无法面商，原因：${summary}` : `${happenedOn} ${CONSULT_METHOD_LABELS[input.method]}：${summary}`;
    return { note, data: { method: input.method } };
  });
}
