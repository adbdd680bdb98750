/**
 * Chat transport idempotency: the bot hands the API each message's transport id (and the envelope's nonce) with
 * the token call it makes anyway; the first one is recorded, any later one is a replay (a restarted bot, another
 * bot process, the platform's retry) and is refused, so the message is acted on once. Kept a day.
 */
import { Op, UniqueConstraintError } from 'sequelize';
import { ChatMessageModel } from '../../models/chat';
import type { CoreContext } from '../context';

/** How long message ids are kept: far beyond any platform retry or accepted timestamp skew. */
export const CHAT_MESSAGE_KEEP_MS = 24 * 3_600_000;

/** Records a message; false when its id or nonce was already recorded for that transport (a replay). */
export async function claimChatMessage(ctx: CoreContext, transport: string, messageId: string, nonce: string | undefined): Promise<boolean> {
  const seen = await ChatMessageModel.findOne({
    where: { transport, ...(nonce ? { [Op.or]: [{ messageId }, { nonce }] } : { messageId }) },
    attributes: ['id'],
  });
  if (seen) return false;
  try {
    await ChatMessageModel.create({ transport, messageId, nonce: nonce ?? null, createdAt: ctx.clock.now() });
    return true;
  } catch (e) {
    // Two bot processes with the same message at once: the unique indexes let one through.
    if (e instanceof UniqueConstraintError) return false;
    throw e;
  }
}

/** Deletes message ids older than CHAT_MESSAGE_KEEP_MS (a jobs sweep); returns how many went. */
export async function pruneChatMessages(ctx: CoreContext): Promise<number> {
  return ChatMessageModel.destroy({ where: { createdAt: { [Op.lt]: new Date(ctx.clock.now().getTime() - CHAT_MESSAGE_KEEP_MS) } } });
}
