/** Chat identities bound to users, one-time binding codes, and the bot's multi-turn sessions. */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Creates the chat tables. */
export async function up({ context: qi }: { context: QueryInterface }) {
  const opts = { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' };
  await qi.createTable(
    'chat_bindings',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
      transport: { type: DataTypes.STRING(16), allowNull: false },
      chatUserId: { type: DataTypes.STRING(128), allowNull: false },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: { type: DataTypes.DATE, allowNull: false },
    },
    opts,
  );
  await qi.addIndex('chat_bindings', ['transport', 'chatUserId'], { unique: true });
  await qi.addIndex('chat_bindings', ['userId']);
  await qi.createTable(
    'chat_bind_codes',
    {
      code: { type: DataTypes.STRING(16), primaryKey: true, allowNull: false },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
    },
    opts,
  );
  await qi.createTable(
    'chat_sessions',
    {
      key: { type: DataTypes.STRING(190), primaryKey: true, allowNull: false },
      data: { type: DataTypes.TEXT, allowNull: false },
      expiresAt: { type: DataTypes.DATE, allowNull: false },
      updatedAt: { type: DataTypes.DATE, allowNull: false },
    },
    opts,
  );
}

/** Drops the chat tables. */
export async function down({ context: qi }: { context: QueryInterface }) {
  for (const t of ['chat_sessions', 'chat_bind_codes', 'chat_bindings']) await qi.dropTable(t);
}
