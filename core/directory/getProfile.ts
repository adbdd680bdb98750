/** The signed-in user's own profile: account, region, department and deputy record. */
import { DepartmentModel, DeputyModel, RegionModel, StationModel, UserModel } from '../../models/definitions';
import type { Actor } from '../context';
import { notFound, ok, type Outcome } from '../result';

export interface ProfileView {
  user: UserModel;
  region: RegionModel | null;
  department: DepartmentModel | null;
  deputy: DeputyModel | null;
  deputyStation: StationModel | null;
  deputyRegion: RegionModel | null;
}

/** Loads the profile of the acting user. */
export async function getProfile(actor: Actor): Promise<Outcome<ProfileView>> {
  const user = await UserModel.findByPk(actor.id);
  if (!user) return notFound('没有找到这个账号');
  const [region, department, deputy] = await Promise.all([
    user.regionId ? RegionModel.findByPk(user.regionId) : null,
    user.departmentId ? DepartmentModel.findByPk(user.departmentId) : null,
    DeputyModel.findOne({ where: { userId: user.id } }),
  ]);
  const [deputyStation, deputyRegion] = await Promise.all([
    deputy?.stationId ? StationModel.findByPk(deputy.stationId) : null,
    deputy?.regionId ? RegionModel.findByPk(deputy.regionId) : null,
  ]);
  return ok({ user, region, department, deputy, deputyStation, deputyRegion });
}
