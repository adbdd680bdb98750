/**
 * 改派 in one call: the office names the departments for a suggestion still in the routing queue. A submitted
 * suggestion is accepted (立案) first, as confirming the proposal does; each step is its own action with its own
 * timeline entry, so a failure after acceptance leaves a valid, recorded state.
 */
import type { Actor, CoreContext } from '../context';
import { acceptSuggestion } from './acceptSuggestion';
import { assignSuggestion } from './assignSuggestion';

/** submitted / accepted → assigned, to the lead and co-handlers given (`{"lead","co"}` as for assign). */
export async function reassignSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  const first = await assignSuggestion(ctx, actor, id, input);
  if (first.ok || first.kind !== 'conflict') return first;
  const accepted = await acceptSuggestion(ctx, actor, id, {});
  if (!accepted.ok) return first;
  return assignSuggestion(ctx, actor, id, input);
}
