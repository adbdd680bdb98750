/** The office closes an answered suggestion (for instance when the deputy does not rate it). */
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';

/** answered → closed. */
export function closeSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'close', input, async ({ facts, now, input }) => {
    facts.suggestion.closedAt = now;
    return { to: 'closed', note: input.note ?? '办结' };
  });
}
