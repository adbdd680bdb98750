/** Chat messages the bot has already handed to the API (transport + message id, and the envelope's nonce), so that a replay is refused. */
import { DataTypes, type QueryInterface } from 'sequelize';

/** Creates chat_messages, unique on transport + message id and on transport + nonce. */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable(
    'chat_messages',
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true, allowNull: false },
      transport: { type: DataTypes.STRING(32), allowNull: false },
      messageId: { type: DataTypes.STRING(128), allowNull: false },
      nonce: { type: DataTypes.STRING(64), allowNull: true },
      createdAt: { type: DataTypes.DATE, allowNull: false },
    },
    { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
  );
  await qi.addIndex('chat_messages', ['transport', 'messageId'], { unique: true, name: 'chat_messages_transport_message' });
  await qi.addIndex('chat_messages', ['transport', 'nonce'], { unique: true, name: 'chat_messages_transport_nonce' });
  await qi.addIndex('chat_messages', ['createdAt'], { name: 'chat_messages_created' });
}

/** Drops chat_messages. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('chat_messages');
}
