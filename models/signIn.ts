/** The Sequelize model of password sign-in attempts. */
import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One password sign-in attempt: the username tried, the client's address, whether it succeeded, when. */
export class SignInAttemptModel extends Model<InferAttributes<SignInAttemptModel>, InferCreationAttributes<SignInAttemptModel>> {
  declare id: CreationOptional<number>;
  declare username: string;
  declare address: string;
  declare succeeded: boolean;
  declare createdAt: Date;
}

/** Registers the sign-in model on a Sequelize instance. */
export function defineSignInModels(sequelize: Sequelize) {
  SignInAttemptModel.init(
    {
      id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
      username: DataTypes.STRING(64),
      address: DataTypes.STRING(64),
      succeeded: DataTypes.BOOLEAN,
      createdAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'sign_in_attempts', timestamps: false },
  );
}
