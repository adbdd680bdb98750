/** The office assigns an accepted suggestion to the departments it chooses. */
import type { Actor, CoreContext } from '../context';
import { assignDepartments, assignmentNote } from './assignment';
import { performAction } from './perform';

/** accepted → assigned, with an explicit lead and co-handlers. */
export function assignSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'assign', input, async (run) => {
    const { lead, co } = await assignDepartments(run, run.input.lead, run.input.co ?? []);
    const note = await assignmentNote(lead, co);
    return { to: 'assigned', note: run.input.note ? `${note}。${run.input.note}` : note, data: { lead, co } };
  });
}
