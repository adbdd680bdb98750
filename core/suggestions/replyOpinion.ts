/** A deputy answers a citizen's opinion directly, without making it a suggestion. */
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';

/** received → replied; the reply is the event's note, which the citizen sees in the timeline. */
export function replyOpinion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'reply', input, async ({ facts, input, now }) => {
    facts.suggestion.closedAt = now;
    return { to: 'replied', note: input.text };
  });
}
