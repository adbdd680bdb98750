/** The system issues the order (责令书) for a suggestion still unanswered after its urge; recorded in the timeline. */
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';

/** Records the order; the state does not change. */
export function orderSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'order', input, async ({ facts, input }) => ({
    note: input.note ?? `催办后仍未答复（期限 ${facts.suggestion.answerDueOn}），责令限期答复并说明原因。`,
  }));
}
