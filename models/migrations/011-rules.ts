/**
 * Joint filing as the rules have it: every co-signer is asked and answers (pending → accepted or declined), and
 * a deputy may ask a suggestion's lead author to join it (a request the author approves or declines). Rows from
 * before this migration were named by the author without being asked; they stay as accepted invitations.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Adds status, kind, note and the times of asking and answering to suggestion_cosigners. */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('suggestion_cosigners', 'kind', { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'invited' });
  await qi.addColumn('suggestion_cosigners', 'status', { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'accepted' });
  await qi.addColumn('suggestion_cosigners', 'note', { type: DataTypes.TEXT, allowNull: true });
  await qi.addColumn('suggestion_cosigners', 'askedAt', { type: DataTypes.DATE, allowNull: true });
  await qi.addColumn('suggestion_cosigners', 'respondedAt', { type: DataTypes.DATE, allowNull: true });
}

/** Removes the columns again. */
export async function down({ context: qi }: { context: QueryInterface }) {
  for (const column of ['respondedAt', 'askedAt', 'note', 'status', 'kind']) await qi.removeColumn('suggestion_cosigners', column);
}
