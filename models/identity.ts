/** Sequelize model of invitations (the one-time codes that link a WeChat account to an existing person). */
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A one-time invitation for one user: its code is stored only as a keyed hash. */
export class InvitationModel extends Model<InferAttributes<InvitationModel>, InferCreationAttributes<InvitationModel>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare codeHash: string;
  declare expiresAt: Date;
  declare usedAt: Date | null;
  /** Set when a newer invitation for the same user replaced this one before it was used. */
  declare supersededAt: Date | null;
  declare createdByUserId: number | null;
  declare createdAt: Date;
}

/** Registers the identity models on a Sequelize instance. */
export function defineIdentityModels(sequelize: Sequelize) {
  InvitationModel.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      userId: DataTypes.INTEGER,
      codeHash: DataTypes.STRING(64),
      expiresAt: DataTypes.DATE,
      usedAt: DataTypes.DATE,
      supersededAt: DataTypes.DATE,
      createdByUserId: DataTypes.INTEGER,
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'invitations', timestamps: false },
  );
}
