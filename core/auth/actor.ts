/** Loading the acting user with what scoping needs (region path, department, station). */
import type { Role } from '../../contracts/enums';
import { UserModel } from '../../models/definitions';
import { regionPathOf } from '../directory/regionPath';
import type { Actor } from '../context';

/** Builds the actor for a user row. */
export async function actorOf(user: UserModel): Promise<Actor> {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role as Role,
    regionId: user.regionId,
    regionPath: await regionPathOf(user.regionId),
    departmentId: user.departmentId,
    stationId: user.stationId,
    system: user.system,
  };
}

/** Loads the active user with this id as an actor, or null. */
export async function loadActor(userId: number): Promise<Actor | null> {
  const user = await UserModel.findByPk(userId);
  return user && user.active ? actorOf(user) : null;
}
