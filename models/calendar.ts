/** Sequelize models of the official holiday schedules the admin enters (国务院办公厅 放假安排). */
import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';

/** One year whose official schedule has been entered; a new `version` tells other processes to reload it. */
export class CalendarYearModel extends Model<InferAttributes<CalendarYearModel>, InferCreationAttributes<CalendarYearModel>> {
  declare year: number;
  declare version: number;
  declare enteredByUserId: number;
  declare createdAt: Date;
  declare updatedAt: Date;
}

/** One day of an entered schedule: a holiday (放假) or a make-up working day (调休上班). */
export class CalendarDayModel extends Model<InferAttributes<CalendarDayModel>, InferCreationAttributes<CalendarDayModel>> {
  declare day: string;
  declare year: number;
  declare kind: 'holiday' | 'workday';
}

/** Registers the calendar models on a Sequelize instance. */
export function defineCalendarModels(sequelize: Sequelize) {
  CalendarYearModel.init(
    { year: { type: DataTypes.INTEGER, primaryKey: true }, version: DataTypes.INTEGER, enteredByUserId: DataTypes.INTEGER, createdAt: DataTypes.DATE, updatedAt: DataTypes.DATE },
    { sequelize, tableName: 'calendar_years', timestamps: false },
  );
  CalendarDayModel.init(
    { day: { type: DataTypes.DATEONLY, primaryKey: true }, year: DataTypes.INTEGER, kind: DataTypes.STRING(16) },
    { sequelize, tableName: 'calendar_days', timestamps: false },
  );
}
