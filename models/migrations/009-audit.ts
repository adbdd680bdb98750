/**
 * The audit log (every administrative change and every sign-in: who, when, what, before → after) and the
 * switch that lets the admin deactivate a liaison station instead of deleting it.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Creates audit_log and adds stations.active. */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable(
    'audit_log',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
      actorUserId: { type: DataTypes.INTEGER, allowNull: true },
      username: { type: DataTypes.STRING(64), allowNull: true },
      action: { type: DataTypes.STRING(64), allowNull: false },
      objectType: { type: DataTypes.STRING(32), allowNull: true },
      objectId: { type: DataTypes.STRING(64), allowNull: true },
      before: { type: DataTypes.TEXT, allowNull: true },
      after: { type: DataTypes.TEXT, allowNull: true },
      clientAddress: { type: DataTypes.STRING(64), allowNull: true },
      createdAt: { type: DataTypes.DATE, allowNull: false },
    },
    { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  );
  await qi.addIndex('audit_log', ['createdAt']);
  await qi.addIndex('audit_log', ['actorUserId']);
  await qi.addIndex('audit_log', ['action']);
  await qi.addIndex('audit_log', ['objectType', 'objectId']);
  await qi.addColumn('stations', 'active', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true });
}

/** Drops audit_log and stations.active. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('stations', 'active');
  await qi.dropTable('audit_log');
}
