/** Password sign-in attempts (the name tried, from where, whether it succeeded), counted for the sign-in rate limits. */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Creates sign_in_attempts. */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable(
    'sign_in_attempts',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
      username: { type: DataTypes.STRING(64), allowNull: false },
      address: { type: DataTypes.STRING(64), allowNull: false },
      succeeded: { type: DataTypes.BOOLEAN, allowNull: false },
      createdAt: { type: DataTypes.DATE, allowNull: false },
    },
    { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  );
  await qi.addIndex('sign_in_attempts', ['username', 'createdAt']);
  await qi.addIndex('sign_in_attempts', ['address', 'createdAt']);
}

/** Drops sign_in_attempts. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('sign_in_attempts');
}
