/** A department signs for (签收) its task; the lead's signature starts the handling. The clock already runs. */
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';

/** assigned → handling when the lead signs; a co-handler's signature leaves the state as it is. */
export function signSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'sign', input, async ({ facts, now, input }) => {
    const mine = facts.assignments.find((a) => a.departmentId === actor.departmentId)!;
    mine.signedAt = now;
    await mine.save();
    const role = mine.role === 'lead' ? '主办单位' : '协办单位';
    return { to: mine.role === 'lead' ? 'handling' : facts.state, note: input.note ? `${role}签收。${input.note}` : `${role}签收` };
  });
}
