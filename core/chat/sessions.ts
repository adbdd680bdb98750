/** The bot's conversation state, kept in the database so that a restart loses nothing; it expires when left alone. */
import { ChatSessionRequest } from '../../contracts/engagement';
import { formatZodError } from '../../contracts/validation';
import { ChatSessionModel } from '../../models/chat';
import type { Actor, CoreContext } from '../context';
import { forbidden, invalid, ok, type Outcome } from '../result';

const DEFAULT_TTL_S = 30 * 60;

/** Reads a session; an expired one is reported (once) and removed. */
export async function readChatSession(ctx: CoreContext, actor: Actor, key: string): Promise<Outcome<{ data: Record<string, unknown> | null; expired: boolean }>> {
  if (actor.role !== 'service') return forbidden('只有机器人服务账号可以读写会话');
  const row = await ChatSessionModel.findByPk(key.slice(0, 190));
  if (!row) return ok({ data: null, expired: false });
  if (row.expiresAt < ctx.clock.now()) {
    await row.destroy();
    return ok({ data: JSON.parse(row.data), expired: true });
  }
  return ok({ data: JSON.parse(row.data), expired: false });
}

/**
 * Writes a session with a time to live (30 minutes by default). `expired` says whether the session it replaces
 * had already expired, so that a bot keeping a copy learns it in the same call (and tells the person).
 */
export async function writeChatSession(ctx: CoreContext, actor: Actor, key: string, input: unknown): Promise<Outcome<{ expiresAt: Date; expired: boolean }>> {
  if (actor.role !== 'service') return forbidden('只有机器人服务账号可以读写会话');
  const parsed = ChatSessionRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + (parsed.data.ttlSeconds ?? DEFAULT_TTL_S) * 1000);
  const previous = await ChatSessionModel.findByPk(key.slice(0, 190));
  await ChatSessionModel.upsert({ key: key.slice(0, 190), data: JSON.stringify(parsed.data.data), expiresAt, updatedAt: now });
  return ok({ expiresAt, expired: previous !== null && previous.expiresAt < now });
}

/** Ends a session; `expired` says whether it had already expired. */
export async function deleteChatSession(ctx: CoreContext, actor: Actor, key: string): Promise<Outcome<{ deleted: boolean; expired: boolean }>> {
  if (actor.role !== 'service') return forbidden('只有机器人服务账号可以读写会话');
  const row = await ChatSessionModel.findByPk(key.slice(0, 190));
  if (!row) return ok({ deleted: false, expired: false });
  await row.destroy();
  return ok({ deleted: true, expired: row.expiresAt < ctx.clock.now() });
}
