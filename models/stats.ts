/** The Sequelize models of the dashboard's stored counts (see core/stats/statsBuckets.ts). */
import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** A dashboard someone opened: a scope (`admin`, or an office's region) and a period, with when it was last asked for. */
export class DashboardViewModel extends Model<InferAttributes<DashboardViewModel>, InferCreationAttributes<DashboardViewModel>> {
  declare view: string;
  declare role: string;
  declare regionPath: string | null;
  declare fromMonth: string | null;
  declare toMonth: string | null;
  declare usedAt: Date;
}

/**
 * One bucket of suggestion ids counted for a view on a day (the overdue figures depend on the day): when the counting
 * started (ms), the highest suggestion id then, the rows of the slack window it already saw (JSON id → updatedAt ms)
 * and the grouped counts (JSON).
 */
export class DashboardCountModel extends Model<InferAttributes<DashboardCountModel>, InferCreationAttributes<DashboardCountModel>> {
  declare view: string;
  declare day: string;
  declare size: number;
  declare bucket: number;
  declare countedAt: number;
  declare maxId: number;
  declare seen: string;
  declare counts: string;
}

/** Registers the dashboard models on a Sequelize instance. */
export function defineStatsModels(sequelize: Sequelize) {
  const longText = sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('long') : DataTypes.TEXT;
  DashboardViewModel.init(
    {
      view: { type: DataTypes.STRING(191), primaryKey: true },
      role: DataTypes.STRING(16),
      regionPath: DataTypes.STRING(128),
      fromMonth: DataTypes.STRING(7),
      toMonth: DataTypes.STRING(7),
      usedAt: DataTypes.DATE,
    },
    { sequelize, tableName: 'dashboard_views', timestamps: false },
  );
  DashboardCountModel.init(
    {
      view: { type: DataTypes.STRING(191), primaryKey: true },
      day: { type: DataTypes.STRING(10), primaryKey: true },
      size: { type: DataTypes.INTEGER, primaryKey: true },
      bucket: { type: DataTypes.INTEGER, primaryKey: true },
      // Milliseconds fit a JavaScript number; mysql2 hands BIGINT back as a number too (below 2^53).
      countedAt: { type: DataTypes.BIGINT, get(this: DashboardCountModel) { return Number(this.getDataValue('countedAt')); } },
      maxId: DataTypes.INTEGER,
      seen: longText,
      counts: longText,
    },
    { sequelize, tableName: 'dashboard_counts', timestamps: false },
  );
}
