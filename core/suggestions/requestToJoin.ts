/**
 * A deputy who finds a similar suggestion asks its lead author to let them join as a co-signer; the author
 * approves or declines (`decide-join`).
 */
import { CosignerModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';

/** Records a pending request to join; the state does not change. */
export function requestToJoin(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'join', input, async ({ facts, now, input }) => {
    const fields = { kind: 'request', status: 'pending', note: input.note ?? null, askedAt: now, respondedAt: null };
    const row = facts.cosigners.find((c) => c.userId === actor.id);
    if (row) await row.update(fields);
    else await CosignerModel.create({ suggestionId: facts.suggestion.id, userId: actor.id, ...fields });
    const said = `${actor.name}申请附议`;
    return { note: input.note ? `${said}：${input.note}` : said, data: { userId: actor.id } };
  });
}
