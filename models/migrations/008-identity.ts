/**
 * Identity: one-time invitations by which a person the office imported or created links their WeChat account,
 * and the contact fields a congress keeps for every account (phone, post).
 */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Creates invitations; adds users.phone and users.post. */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable(
    'invitations',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      // HMAC-SHA256 of the normalised code (hex): the code itself is shown once and never stored.
      codeHash: { type: DataTypes.STRING(64), allowNull: false },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      usedAt: { type: DataTypes.DATE, allowNull: true },
      supersededAt: { type: DataTypes.DATE, allowNull: true },
      createdByUserId: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: { type: DataTypes.DATE, allowNull: false },
    },
    { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  );
  await qi.addIndex('invitations', ['codeHash'], { unique: true });
  await qi.addIndex('invitations', ['userId']);
  await qi.addColumn('users', 'phone', { type: DataTypes.STRING(32), allowNull: true });
  await qi.addColumn('users', 'post', { type: DataTypes.STRING(64), allowNull: true });
}

/** Drops invitations and the added user columns. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('users', 'post');
  await qi.removeColumn('users', 'phone');
  await qi.dropTable('invitations');
}
