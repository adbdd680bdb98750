/** Loading a user account for the admin use cases: the row (locked) and its region's path for scoping. */
import { Op } from 'sequelize';
import { DepartmentModel, RegionModel, StationModel, UserModel } from '../../models/definitions';
import { regionPathOf } from '../directory/regionPath';

export interface UserSubject {
  user: UserModel;
  regionPath: string | null;
}

/** Loads and locks the account with `username` (the jobs' system account is never administered), or null. */
export async function loadUserSubject(username: unknown): Promise<UserSubject | null> {
  if (typeof username !== 'string' || !username) return null;
  const user = await UserModel.findOne({ where: { username }, lock: true });
  if (!user || user.system) return null;
  return { user, regionPath: await regionPathOf(user.regionId) };
}

/** How many active admins there are besides user `exceptId`. */
export async function otherActiveAdmins(exceptId: number): Promise<number> {
  return UserModel.count({ where: { role: 'admin', active: true, system: false, id: { [Op.ne]: exceptId } } });
}

export interface UserView {
  user: UserModel;
  region: RegionModel | null;
  department: DepartmentModel | null;
  station: StationModel | null;
}

/** The account with its region, department and station, as the admin area shows it after a change. */
export async function userView(user: UserModel): Promise<UserView> {
  const [region, department, station] = await Promise.all([
    user.regionId ? RegionModel.findByPk(user.regionId) : null,
    user.departmentId ? DepartmentModel.findByPk(user.departmentId) : null,
    user.stationId ? StationModel.findByPk(user.stationId) : null,
  ]);
  return { user, region, department, station };
}
