/** Computing and storing the router's proposal when a suggestion enters the office's queue. */
import type { CoreContext } from '../context';
import type { SuggestionModel } from '../../models/definitions';

/** Asks the router for a proposal and stores it on the suggestion (not saved). */
export async function attachRoutingProposal(ctx: CoreContext, s: SuggestionModel): Promise<void> {
  const proposal = await ctx.router.propose(s.title, s.body);
  s.routing = JSON.stringify(proposal);
  s.routingNeedsReview = proposal.needsReview;
}
