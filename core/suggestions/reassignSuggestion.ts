/**
 * 改派 in one call: the office names the departments for a suggestion still in the routing queue. A submitted
 * suggestion is accepted (立案) first, as confirming the proposal does; each step is its own action with its own
 * timeline entry, so a failure after acceptance leaves a valid, recorded state.
 */
import { SuggestionModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { conflict } from '../result';
import { acceptSuggestion } from './acceptSuggestion';
import { assignSuggestion } from './assignSuggestion';

/** submitted / accepted → assigned, to the lead and co-handlers given (`{"lead","co"}` as for assign). */
export async function reassignSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  const first = await assignSuggestion(ctx, actor, id, input);
  if (first.ok || first.kind !== 'conflict') return first;
  // A conflict means the office may see and assign it, but it has left the routing queue: say how it comes back.
  const state = (await SuggestionModel.findByPk(id, { attributes: ['state'] }))?.state;
  if (state && state !== 'submitted' && state !== 'accepted') {
    const how = state === 'assigned' ? '：承办单位可在退回期限内退回，退回后再重新分办' : '';
    return conflict(`${first.message.replace(/不能交办$/, '不能再改派')}${how}`);
  }
  const accepted = await acceptSuggestion(ctx, actor, id, {});
  if (!accepted.ok) return first;
  return assignSuggestion(ctx, actor, id, input);
}
