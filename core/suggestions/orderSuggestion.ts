/** The system issues the order (责令书) for a suggestion still unanswered after its urge; recorded in the timeline. */
import type { Actor, CoreContext } from '../context';
import { performAction, performActions, type ActionRun } from './perform';
import { chinaDate } from '../../contracts/format';

const order = async ({ facts, input }: ActionRun<{ note?: string | null }>) => ({
  note: input.note ?? `催办后仍未答复（期限${chinaDate(facts.suggestion.answerDueOn)}），责令限期答复并说明原因。`,
});

/** Records the order; the state does not change. */
export function orderSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'order', input, order);
}

/** Issues many orders at once (the overdue sweep's batch); one outcome per item, as `orderSuggestion` would give. */
export function orderSuggestions(ctx: CoreContext, actor: Actor, items: { id: number; input?: unknown }[]) {
  return performActions(ctx, actor, 'order', items, order);
}
