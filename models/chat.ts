/** Sequelize models of chat bindings, binding codes and bot sessions. */
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A chat identity (transport + the chat's user id) bound to one user. */
export class ChatBindingModel extends Model<InferAttributes<ChatBindingModel>, InferCreationAttributes<ChatBindingModel>> {
  declare id: CreationOptional<number>;
  declare transport: string;
  declare chatUserId: string;
  declare userId: number;
  declare createdAt: Date;
}

/** A one-time code a user shows in the mini-program to bind a chat identity. */
export class ChatBindCodeModel extends Model<InferAttributes<ChatBindCodeModel>, InferCreationAttributes<ChatBindCodeModel>> {
  declare code: string;
  declare userId: number;
  declare expiresAt: Date;
}

/** A bot conversation's state (a suggestion being written, a survey half answered), kept in the database. */
export class ChatSessionModel extends Model<InferAttributes<ChatSessionModel>, InferCreationAttributes<ChatSessionModel>> {
  declare key: string;
  declare data: string;
  declare expiresAt: Date;
  declare updatedAt: Date;
}

/** A chat message already handed to the API by the bot: a second one with the same id (or nonce) is a replay. */
export class ChatMessageModel extends Model<InferAttributes<ChatMessageModel>, InferCreationAttributes<ChatMessageModel>> {
  declare id: CreationOptional<number>;
  declare transport: string;
  declare messageId: string;
  declare nonce: string | null;
  declare createdAt: Date;
}

/** Registers the chat models on a Sequelize instance. */
export function defineChatModels(sequelize: Sequelize) {
  const opts = (tableName: string) => ({ sequelize, tableName, timestamps: false });
  ChatBindingModel.init(
    { id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true }, transport: DataTypes.STRING, chatUserId: DataTypes.STRING, userId: DataTypes.INTEGER, createdAt: DataTypes.DATE },
    opts('chat_bindings'),
  );
  ChatBindCodeModel.init({ code: { type: DataTypes.STRING, primaryKey: true }, userId: DataTypes.INTEGER, expiresAt: DataTypes.DATE }, opts('chat_bind_codes'));
  ChatMessageModel.init(
    { id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true }, transport: DataTypes.STRING(32), messageId: DataTypes.STRING(128), nonce: DataTypes.STRING(64), createdAt: DataTypes.DATE },
    opts('chat_messages'),
  );
  ChatSessionModel.init({ key: { type: DataTypes.STRING, primaryKey: true }, data: DataTypes.TEXT, expiresAt: DataTypes.DATE, updatedAt: DataTypes.DATE }, opts('chat_sessions'));
}
