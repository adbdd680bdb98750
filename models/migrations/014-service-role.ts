/** The chat bot's account gets its own role, `service`, instead of `admin` (it speaks for chat users, nothing else). */
import type { QueryInterface } from 'sequelize';

/** Moves the seeded bot account from admin to service. */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.bulkUpdate('users', { role: 'service' }, { username: 'bot', role: 'admin' });
}

/** Gives the bot account back the admin role. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.bulkUpdate('users', { role: 'admin' }, { username: 'bot', role: 'service' });
}
