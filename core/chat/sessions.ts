/** The bot's conversation state, kept in the database so that a restart loses nothing; it expires when left alone. */
import { ChatSessionRequest } from '../../contracts/engagement';
import { ChatSessionModel } from '../../models/chat';
import { useCase } from '../useCase';
import { botOnly } from '../directory/scope';

const DEFAULT_TTL_S = 30 * 60;

/** The session under `key` (which may not exist yet: a missing session is not an error here). */
const session = {
  load: async (key: string) => {
    const k = String(key ?? '').slice(0, 190);
    return { key: k, row: await ChatSessionModel.findByPk(k) };
  },
  who: botOnly('读写会话'),
};

/** Reads a session; an expired one is reported (once) and removed. */
export const readChatSession = useCase({
  name: 'chat.session.read',
  // One row read (and at most one delete): no transaction, as it runs for every chat message.
  readOnly: true,
  ...session,
  apply: async ({ subject: { row }, now }) => {
    if (!row) return { data: null as Record<string, unknown> | null, expired: false };
    if (row.expiresAt < now) await row.destroy();
    return { data: JSON.parse(row.data) as Record<string, unknown> | null, expired: row.expiresAt < now };
  },
});

/**
 * Writes a session with a time to live (30 minutes by default). `expired` says whether the session it replaces
 * had already expired, so that a bot keeping a copy learns it in the same call (and tells the person).
 */
export const writeChatSession = useCase({
  name: 'chat.session.write',
  input: ChatSessionRequest,
  ...session,
  apply: async ({ subject: { key, row }, input, now }) => {
    const expiresAt = new Date(now.getTime() + (input.ttlSeconds ?? DEFAULT_TTL_S) * 1000);
    await ChatSessionModel.upsert({ key, data: JSON.stringify(input.data), expiresAt, updatedAt: now });
    return { expiresAt, expired: row !== null && row.expiresAt < now };
  },
});

/** Ends a session; `expired` says whether it had already expired. */
export const deleteChatSession = useCase({
  name: 'chat.session.delete',
  ...session,
  apply: async ({ subject: { row }, now }) => {
    if (!row) return { deleted: false, expired: false };
    await row.destroy();
    return { deleted: true, expired: row.expiresAt < now };
  },
});
