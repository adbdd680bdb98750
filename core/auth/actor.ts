/** Loading the acting user with what scoping needs (region path, department, station). */
import type { Role } from '../../contracts/enums';
import { RegionModel, UserModel } from '../../models/definitions';
import type { Actor } from '../context';

/** Builds the actor for a user row. */
export async function actorOf(user: UserModel): Promise<Actor> {
  const region = user.regionId ? await RegionModel.findByPk(user.regionId) : null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role as Role,
    regionId: user.regionId,
    regionPath: region?.path ?? null,
    departmentId: user.departmentId,
    stationId: user.stationId,
  };
}

/** Loads the active user with this id as an actor, or null. */
export async function loadActor(userId: number): Promise<Actor | null> {
  const user = await UserModel.findByPk(userId);
  return user && user.active ? actorOf(user) : null;
}
