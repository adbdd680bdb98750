/** A deputy takes up a citizen's opinion as their own suggestion; the citizen keeps following it. */
import { UserModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';
import { attachRoutingProposal } from './routingProposal';

/** received → submitted, with the forwarding deputy as lead author. */
export function forwardOpinion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'forward', input, async ({ facts, input }) => {
    const s = facts.suggestion;
    const deputy = await UserModel.findByPk(actor.id);
    s.deputyUserId = actor.id;
    s.regionId = deputy?.regionId ?? s.regionId;
    await attachRoutingProposal(ctx, s);
    return { to: 'submitted', note: input.note ?? null };
  });
}
