/** Photos handed in with an opinion or a suggestion (bytes in the database, like every other record). */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Creates photos. */
export async function up({ context: qi }: { context: QueryInterface }) {
  const mysql = qi.sequelize.getDialect() === 'mysql';
  await qi.createTable(
    'photos',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
      suggestionId: { type: DataTypes.INTEGER, allowNull: true },
      uploaderUserId: { type: DataTypes.INTEGER, allowNull: false },
      contentType: { type: DataTypes.STRING(32), allowNull: false },
      size: { type: DataTypes.INTEGER, allowNull: false },
      data: { type: mysql ? DataTypes.BLOB('medium') : DataTypes.BLOB, allowNull: false },
      createdAt: { type: DataTypes.DATE, allowNull: false },
    },
    { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  );
  await qi.addIndex('photos', ['suggestionId']);
}

/** Drops photos. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('photos');
}
