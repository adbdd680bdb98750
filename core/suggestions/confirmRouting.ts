/** One tap: the office confirms the classifier's proposal (accepting the suggestion first if needed). */
import type { RoutingProposal } from '../../contracts/schemas';
import type { Actor, CoreContext } from '../context';
import { assignDepartments, assignmentNote } from './assignment';
import { performAction } from './perform';

/** submitted / accepted → assigned, to the proposed lead and co-handlers. */
export function confirmRouting(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'confirm', input, async (run) => {
    const proposal = JSON.parse(run.facts.suggestion.routing!) as RoutingProposal;
    const { lead, co } = await assignDepartments(run, proposal.lead!.code, proposal.co.map((d) => d.code));
    // The confidence stays in the event's data; people read the level where the proposal is presented, not a percentage.
    const note = `按分办建议交办。${await assignmentNote(lead, co)}`;
    return { to: 'assigned', note: run.input.note ? `${note}。${run.input.note}` : note, data: { lead, co, confidence: proposal.confidence } };
  });
}
