/**
 * Linking chat identities to users: a signed-in user asks for a one-time code (shown in the mini-program or
 * issued by the office), says it to the bot, and the bot binds the chat identity. The bot then acts as that
 * user with a token it asks for. In demo mode a chat id equal to a demo username is that user already.
 */
import { randomInt } from 'node:crypto';
import { Op } from 'sequelize';
import { ChatBindRequest, ChatTokenRequest } from '../../contracts/engagement';
import { ChatBindCodeModel, ChatBindingModel } from '../../models/chat';
import { UserModel } from '../../models/definitions';
import { issueToken } from '../auth/tokens';
import type { Actor, CoreContext } from '../context';
import { conflict, invalid, notFound, ok, type Outcome } from '../result';
import { plainUseCase } from '../useCase';
import { botOnly } from '../directory/scope';
import { claimChatMessage } from './messages';
import { readChatSession } from './sessions';

const CODE_TTL_MS = 10 * 60_000;

/** Issues a 6-digit binding code for the caller, valid for 10 minutes. */
export async function issueBindCode(ctx: CoreContext, actor: Actor): Promise<Outcome<{ code: string; expiresAt: Date }>> {
  const now = ctx.clock.now();
  await ChatBindCodeModel.destroy({ where: { [Op.or]: [{ userId: actor.id }, { expiresAt: { [Op.lt]: now } }] } });
  for (;;) {
    const code = String(randomInt(100000, 1000000));
    if (await ChatBindCodeModel.findByPk(code)) continue;
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    await ChatBindCodeModel.create({ code, userId: actor.id, expiresAt });
    return ok({ code, expiresAt });
  }
}

/** The bot binds a chat identity with the code its owner said; the code is used up (by one binding only). */
export const bindChatIdentity = plainUseCase({
  name: 'chat.bind',
  input: ChatBindRequest,
  who: botOnly('绑定聊天账号'),
  apply: async ({ input: { transport, chatUserId, code }, now }) => {
    const row = await ChatBindCodeModel.findByPk(code, { lock: true });
    if (!row || row.expiresAt < now) return invalid('绑定码不对或已过期，请在小程序里重新获取');
    const user = await UserModel.findByPk(row.userId);
    if (!user || !user.active) return invalid('绑定码对应的账号已停用');
    // Claim the code: of two binds at once, only the one that deletes it goes on.
    if ((await ChatBindCodeModel.destroy({ where: { code } })) === 0) return conflict('这个绑定码刚刚已经用过了，请重新获取');
    await ChatBindingModel.destroy({ where: { transport, chatUserId } });
    await ChatBindingModel.create({ transport, chatUserId, userId: user.id, createdAt: now });
    return { username: user.username, name: user.name, role: user.role };
  },
});

/**
 * The bot asks for a token of the user bound to a chat identity (demo users are pre-bound by username). With
 * `session` it gets that conversation's state in the same call, so a message costs the bot one call, not two;
 * `now` is the API's clock (the bot reads 昨天 and 下周三 by it). With `messageId` (and `nonce`) the message is
 * recorded first: one already recorded for the transport is a replay and answers 409, which the bot drops.
 */
export const chatToken = plainUseCase({
  name: 'chat.token',
  // Reads only (the session's expiry is a single delete): no transaction, as it runs for every chat message.
  readOnly: true,
  input: ChatTokenRequest,
  who: botOnly('代表聊天用户操作'),
  apply: async ({ ctx, actor, input: { transport, chatUserId, session, messageId, nonce }, now }) => {
    if (messageId && !(await claimChatMessage(ctx, transport, messageId, nonce))) return conflict('这条消息已经处理过');
    const binding = await ChatBindingModel.findOne({ where: { transport, chatUserId } });
    let user = binding ? await UserModel.findByPk(binding.userId) : null;
    if (!user && ctx.config.demoMode) {
      const demo = await UserModel.findOne({ where: { username: chatUserId } });
      // Demo people only: never the admin or the bot's service account.
      if (demo && !demo.system && demo.passwordHash && demo.role !== 'admin' && demo.role !== 'service') user = demo;
    }
    if (!user || !user.active) return notFound('这个聊天账号还没有绑定');
    const state = session ? await readChatSession(ctx, actor, session) : null;
    return { token: issueToken(ctx.config, user), username: user.username, name: user.name, role: user.role, ...(state?.ok ? { session: state.value } : {}), now: now.toISOString() };
  },
});
