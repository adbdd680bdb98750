/** Departments get the other names people use for them (住建局 = 住房和城乡建设局), as a JSON array of strings. */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Adds departments.aliases. */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn('departments', 'aliases', { type: DataTypes.TEXT, allowNull: true });
}

/** Drops departments.aliases. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn('departments', 'aliases');
}
