/** Computing and storing the router's proposal for a suggestion: when it enters the office's queue, and after a return. */
import { Op } from 'sequelize';
import type { CoreContext } from '../context';
import { AssignmentModel, RoutingExampleModel, type SuggestionModel } from '../../models/definitions';

/**
 * Asks the router for a proposal and stores it on the suggestion (not saved). Departments that have returned
 * this suggestion are never proposed for it again, and the departments their return reasons name
 * ("建议由财政局主办") count as named in the text.
 */
export async function attachRoutingProposal(ctx: CoreContext, s: SuggestionModel): Promise<void> {
  const [returned, reasons] = s.id
    ? await Promise.all([
        RoutingExampleModel.findAll({ where: { suggestionId: s.id, label: 'negative' }, attributes: ['departmentCode'] }),
        AssignmentModel.findAll({ where: { suggestionId: s.id, returnReason: { [Op.ne]: null } }, attributes: ['returnReason'] }),
      ])
    : [[], []];
  const proposal = await ctx.router.propose(s.title, s.body, {
    exclude: [...new Set(returned.map((r) => r.departmentCode))],
    hint: [...new Set(reasons.map((a) => a.returnReason))].join('\n'),
  });
  s.routing = JSON.stringify(proposal);
  s.routingNeedsReview = proposal.needsReview;
}
