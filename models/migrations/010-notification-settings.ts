/**
 * A person's notification settings (which push channels, quiet hours) and the outbox's urgency flag, which lets
 * urgent deliveries through quiet hours.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Creates notification_settings and adds outbox.urgent. */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable(
    'notification_settings',
    {
      userId: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
      chat: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      wechat: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      quietHours: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      updatedAt: { type: DataTypes.DATE, allowNull: false },
    },
    { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  );
  await qi.addColumn('outbox', 'urgent', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false });
}

/** Drops them again. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('outbox', 'urgent');
  await qi.dropTable('notification_settings');
}
