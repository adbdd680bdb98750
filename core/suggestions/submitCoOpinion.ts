/** A co-handler sends its written opinion (协办意见) to the lead department. */
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';

/** Records the co-handler's opinion; the state does not change. */
export function submitCoOpinion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'opinion', input, async ({ facts, now, input }) => {
    const mine = facts.assignments.find((a) => a.departmentId === actor.departmentId)!;
    mine.opinion = input.opinion;
    mine.opinionAt = now;
    if (!mine.signedAt) mine.signedAt = now;
    await mine.save();
    return { note: input.opinion };
  });
}
