/**
 * A department says "not ours" (退回) within the return window. The lead's return sends the suggestion back
 * to the office for re-routing; a co-handler's return only removes that co-handler. Either way the stored
 * proposal is re-ranked at once without the departments that returned it, and the return is training data
 * (a negative example at the next retrain).
 */
import { DepartmentModel } from '../../models/definitions';
import { recordRoutingExample } from '../routing/departmentModel';
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';
import { attachRoutingProposal } from './routingProposal';

/** assigned / handling → accepted (lead) or unchanged (co-handler). */
export function returnSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'return', input, async ({ facts, now, input }) => {
    const s = facts.suggestion;
    const mine = facts.assignments.find((a) => a.departmentId === actor.departmentId)!;
    const dept = await DepartmentModel.findByPk(mine.departmentId);
    await recordRoutingExample(s, dept?.code ?? '', 'negative', 'return', now);
    const returned = mine.role === 'lead' ? facts.assignments : [mine];
    for (const a of returned) {
      a.active = false;
      a.returnedAt = now;
      a.returnReason = input.reason;
      await a.save();
    }
    await attachRoutingProposal(ctx, s);
    if (mine.role !== 'lead') return { note: `协办单位退回：${input.reason}`, data: { department: dept?.code } };
    s.leadDepartmentId = null;
    s.assignedAt = null;
    s.assignedOn = null;
    s.returnDueOn = null;
    s.coOpinionDueOn = null;
    s.answerDueOn = null;
    return { to: 'accepted', note: `主办单位退回：${input.reason}`, data: { department: dept?.code } };
  });
}
