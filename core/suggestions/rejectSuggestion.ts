/** The office does not accept a suggestion: it becomes a reference item, with the reason kept. */
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';

/** submitted / accepted → referenced. */
export function rejectSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'reject', input, async ({ facts, input, now }) => {
    facts.suggestion.rejectReason = input.reason;
    facts.suggestion.closedAt = now;
    return { to: 'referenced', note: input.reason };
  });
}
