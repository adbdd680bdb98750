/**
 * The dashboard's counts per bucket of suggestion ids, kept in the database (`dashboard_counts`) so that every API
 * process shares them and they survive restarts, and the dashboards people open (`dashboard_views`: a scope and a
 * period), which the jobs runner keeps counted.
 */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Creates dashboard_views and dashboard_counts. */
export async function up({ context: qi }: { context: QueryInterface }) {
  const longText = qi.sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('long') : DataTypes.TEXT;
  await qi.createTable(
    'dashboard_views',
    {
      view: { type: DataTypes.STRING(191), primaryKey: true, allowNull: false },
      role: { type: DataTypes.STRING(16), allowNull: false },
      regionPath: { type: DataTypes.STRING(128), allowNull: true },
      fromMonth: { type: DataTypes.STRING(7), allowNull: true },
      toMonth: { type: DataTypes.STRING(7), allowNull: true },
      usedAt: { type: DataTypes.DATE, allowNull: false },
    },
    { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  );
  await qi.createTable(
    'dashboard_counts',
    {
      view: { type: DataTypes.STRING(191), primaryKey: true, allowNull: false },
      day: { type: DataTypes.STRING(10), primaryKey: true, allowNull: false },
      size: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
      bucket: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
      countedAt: { type: DataTypes.BIGINT, allowNull: false },
      maxId: { type: DataTypes.INTEGER, allowNull: false },
      seen: { type: longText, allowNull: false },
      counts: { type: longText, allowNull: false },
    },
    { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  );
}

/** Drops them. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('dashboard_counts');
  await qi.dropTable('dashboard_views');
}
