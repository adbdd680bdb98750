/** A deputy asked to co-sign a suggestion accepts or declines; the lead author hears of it. */
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';

/** Records the co-signer's answer to the invitation; the state does not change. */
export function answerCosign(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'cosign', input, async ({ facts, now, input }) => {
    const row = facts.cosigners.find((c) => c.userId === actor.id && c.kind === 'invited')!;
    await row.update({ status: input.accept ? 'accepted' : 'declined', note: input.note ?? null, respondedAt: now });
    const said = `${actor.name}${input.accept ? '同意附议' : '谢绝附议'}`;
    return { note: input.note ? `${said}：${input.note}` : said, data: { userId: actor.id, accept: input.accept } };
  });
}
