/** The author takes a suggestion back before it is assigned. */
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';

/** received / submitted / accepted → withdrawn. */
export function withdrawSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'withdraw', input, async ({ facts, input, now }) => {
    facts.suggestion.closedAt = now;
    return { to: 'withdrawn', note: input.reason ?? null };
  });
}
