/** Loading a person with the region path that scoping needs. */
import { DepartmentModel, DeputyModel, RegionModel, StationModel, UserModel } from '../../models/definitions';

/** A user row with its region's path (`null` when the user has no region: then it belongs to the city). */
export interface Person {
  user: UserModel;
  regionPath: string | null;
}

/** Loads (and, inside a transaction, locks) the user with `username`, or null. */
export async function loadPerson(username: unknown, lock = false): Promise<Person | null> {
  if (typeof username !== 'string' || !username || username.length > 64 || username.includes('\u0000')) return null;
  const user = await UserModel.findOne({ where: { username }, lock });
  if (!user) return null;
  const region = user.regionId ? await RegionModel.findByPk(user.regionId) : null;
  return { user, regionPath: region?.path ?? null };
}

/** A person with what the office sees of them: region, department, station, deputy profile. */
export interface PersonDetails {
  user: UserModel;
  region: RegionModel | null;
  department: DepartmentModel | null;
  station: StationModel | null;
  deputy: DeputyModel | null;
}

/** Loads the details of user `id` (null when there is none). */
export async function personDetails(id: number): Promise<PersonDetails | null> {
  const user = await UserModel.findByPk(id);
  if (!user) return null;
  const [region, department, station, deputy] = await Promise.all([
    user.regionId ? RegionModel.findByPk(user.regionId) : null,
    user.departmentId ? DepartmentModel.findByPk(user.departmentId) : null,
    user.stationId ? StationModel.findByPk(user.stationId) : null,
    DeputyModel.findOne({ where: { userId: user.id } }),
  ]);
  return { user, region, department, station, deputy };
}

/** What the audit log keeps of an account the office created, imported or linked (no password, no openid). */
export function personSnapshot(u: UserModel) {
  return { id: u.id, username: u.username, name: u.name, role: u.role, regionId: u.regionId, departmentId: u.departmentId, stationId: u.stationId, phone: u.phone ?? null, post: u.post ?? null, wechatLinked: Boolean(u.wechatOpenid), active: u.active !== false };
}
