/** The Sequelize model of the dashboard's tallies (kept by triggers on `suggestions`; see migration 021). */
import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/**
 * How many suggestions have one key of a grain (`all`, `month` or `share`: see migration 021), and how many of them
 * were answered, answered with an answer deadline, and answered on or before it. Written only by the database's
 * triggers; the columns that scope it are named as on `suggestions`, so the one scoping rule applies to both.
 */
export class SuggestionTallyModel extends Model<InferAttributes<SuggestionTallyModel>, InferCreationAttributes<SuggestionTallyModel>> {
  declare k: string;
  declare grain: string;
  declare regionId: number | null;
  declare month: string | null;
  declare leadDepartmentId: number | null;
  declare state: string;
  declare latestAnswerClass: string | null;
  declare latestRating: string | null;
  declare n: number;
  declare answered: number;
  declare answeredWithDeadline: number;
  declare answeredOnTime: number;
}

/** Registers the dashboard model on a Sequelize instance. */
export function defineStatsModels(sequelize: Sequelize) {
  SuggestionTallyModel.init(
    {
      k: { type: DataTypes.STRING(191), primaryKey: true },
      grain: DataTypes.STRING(8),
      regionId: DataTypes.INTEGER,
      month: DataTypes.STRING(7),
      leadDepartmentId: DataTypes.INTEGER,
      state: DataTypes.STRING(16),
      latestAnswerClass: DataTypes.STRING(1),
      latestRating: DataTypes.STRING(32),
      n: DataTypes.INTEGER,
      answered: DataTypes.INTEGER,
      answeredWithDeadline: DataTypes.INTEGER,
      answeredOnTime: DataTypes.INTEGER,
    },
    { sequelize, tableName: 'suggestion_tallies', timestamps: false },
  );
}
