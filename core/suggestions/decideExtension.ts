/** The office approves or refuses a pending extension; approval moves the answer deadline. */
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';
import { chinaDate } from '../../contracts/format';

/** Decides the pending extension; the state does not change. */
export function decideExtension(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'decide-extension', input, async ({ facts, now, input }) => {
    const ext = facts.pendingExtension!;
    ext.state = input.approve ? 'approved' : 'refused';
    ext.decidedByUserId = actor.id;
    ext.decidedAt = now;
    ext.note = input.note ?? null;
    await ext.save();
    if (input.approve) facts.suggestion.answerDueOn = ext.toDueOn;
    const verdict = input.approve ? `同意延期，答复期限改为${chinaDate(ext.toDueOn)}` : `不同意延期，答复期限仍为${chinaDate(ext.fromDueOn)}`;
    return { note: input.note ? `${verdict}。${input.note}` : verdict, data: { approve: input.approve, extensionId: ext.id } };
  });
}
