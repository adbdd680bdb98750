/** The official holiday schedules the admin enters, year by year: holidays and make-up working days. */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Creates calendar_years and calendar_days. */
export async function up({ context: qi }: { context: QueryInterface }) {
  const opts = { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' };
  await qi.createTable(
    'calendar_years',
    {
      year: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
      version: { type: DataTypes.INTEGER, allowNull: false },
      enteredByUserId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: { type: DataTypes.DATE, allowNull: false },
      updatedAt: { type: DataTypes.DATE, allowNull: false },
    },
    opts,
  );
  await qi.createTable(
    'calendar_days',
    {
      day: { type: DataTypes.DATEONLY, primaryKey: true, allowNull: false },
      year: { type: DataTypes.INTEGER, allowNull: false },
      kind: { type: DataTypes.STRING(16), allowNull: false },
    },
    opts,
  );
  await qi.addIndex('calendar_days', ['year']);
}

/** Drops the calendar tables. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('calendar_days');
  await qi.dropTable('calendar_years');
}
