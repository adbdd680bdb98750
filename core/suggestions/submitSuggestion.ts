/** Submits a draft: a deputy's goes to the office for review (and its co-signers are asked), a citizen's opinion to the deputy or station it names. */
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';
import { attachRoutingProposal } from './routingProposal';

/** draft → submitted (deputy) or received (citizen opinion). */
export function submitSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'submit', input, async ({ facts, now }) => {
    const s = facts.suggestion;
    s.submittedAt = now;
    for (const c of facts.cosigners) if (c.kind === 'invited' && c.status === 'pending') await c.update({ askedAt: now });
    if (s.deputyUserId === null) return { to: 'received' };
    await attachRoutingProposal(ctx, s);
    return { to: 'submitted' };
  });
}
