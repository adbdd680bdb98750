/** The Sequelize model of the audit log. */
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * One audited event: an administrative change or a sign-in. `before`/`after` are JSON snapshots (no secrets);
 * `username` is the acting user's, or the name tried at a failed sign-in. `objectId` is text (ids and usernames).
 */
export class AuditModel extends Model<InferAttributes<AuditModel>, InferCreationAttributes<AuditModel>> {
  declare id: CreationOptional<number>;
  declare actorUserId: number | null;
  declare username: string | null;
  declare action: string;
  declare objectType: string | null;
  declare objectId: string | null;
  declare before: string | null;
  declare after: string | null;
  declare clientAddress: string | null;
  declare createdAt: Date;
}

/** Registers the audit model on a Sequelize instance. */
export function defineAuditModels(sequelize: Sequelize) {
  AuditModel.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      actorUserId: DataTypes.INTEGER,
      username: DataTypes.STRING(64),
      action: DataTypes.STRING(64),
      objectType: DataTypes.STRING(32),
      objectId: DataTypes.STRING(64),
      before: DataTypes.TEXT,
      after: DataTypes.TEXT,
      clientAddress: DataTypes.STRING(64),
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'audit_log', timestamps: false },
  );
}
