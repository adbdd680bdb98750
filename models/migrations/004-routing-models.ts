/** Routing model versions (with their training summary and held-out scores) and a title on labelled examples. */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Creates routing_models and adds routing_examples.title. */
export async function up({ context: qi }: { context: QueryInterface }) {
  const mysql = qi.sequelize.getDialect() === 'mysql';
  const opts = { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' };
  await qi.createTable(
    'routing_models',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
      status: { type: DataTypes.STRING(16), allowNull: false },
      reason: { type: DataTypes.STRING(16), allowNull: false },
      note: { type: DataTypes.STRING(255), allowNull: true },
      createdBy: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: { type: DataTypes.DATE, allowNull: false },
      activatedAt: { type: DataTypes.DATE, allowNull: true },
      activatedBy: { type: DataTypes.INTEGER, allowNull: true },
      lastExampleId: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      summary: { type: DataTypes.TEXT, allowNull: false },
      scores: { type: DataTypes.TEXT, allowNull: false },
      model: { type: mysql ? DataTypes.TEXT('long') : DataTypes.TEXT, allowNull: false },
    },
    opts,
  );
  await qi.addIndex('routing_models', ['status']);
  await qi.addColumn('routing_examples', 'title', { type: DataTypes.STRING(255), allowNull: true });
}

/** Drops what `up` added. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('routing_examples', 'title');
  await qi.dropTable('routing_models');
}
