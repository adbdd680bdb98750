/** The lead author approves or declines a deputy's request to join as a co-signer; the deputy hears of it. */
import { UserModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { conflict } from '../result';
import { fail } from '../useCase';
import { performAction } from './perform';

/** Answers the pending request of `user` (username or user id); the state does not change. */
export function decideJoin(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'decide-join', input, async ({ facts, now, input }) => {
    const pending = facts.cosigners.filter((c) => c.kind === 'request' && c.status === 'pending');
    const users = await UserModel.findAll({ where: { id: pending.map((c) => c.userId) } });
    const user = users.find((u) => (typeof input.user === 'number' ? u.id === input.user : u.username === input.user));
    if (!user) fail(conflict('这位代表没有待同意的附议申请'));
    const row = pending.find((c) => c.userId === user.id)!;
    await row.update({ status: input.approve ? 'accepted' : 'declined', respondedAt: now });
    const said = `${input.approve ? '同意' : '谢绝'}${user.name}附议`;
    return { note: input.note ? `${said}：${input.note}` : said, data: { userId: user.id, approve: input.approve } };
  });
}
