/** Loading the acting user with what scoping needs (region path, department, station). */
import type { Role } from '../../contracts/enums';
import { RegionModel, UserModel } from '../../models/definitions';
import type { Actor } from '../context';

// Region paths never change once a region exists (a region is not moved in the tree), so they are cached.
const regionPaths = new Map<number, string>();

async function regionPath(regionId: number | null): Promise<string | null> {
  if (!regionId) return null;
  const cached = regionPaths.get(regionId);
  if (cached) return cached;
  const region = await RegionModel.findByPk(regionId);
  if (region?.path) regionPaths.set(regionId, region.path);
  return region?.path ?? null;
}

/** Builds the actor for a user row. */
export async function actorOf(user: UserModel): Promise<Actor> {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role as Role,
    regionId: user.regionId,
    regionPath: await regionPath(user.regionId),
    departmentId: user.departmentId,
    stationId: user.stationId,
  };
}

/** Loads the active user with this id as an actor, or null. */
export async function loadActor(userId: number): Promise<Actor | null> {
  const user = await UserModel.findByPk(userId);
  return user && user.active ? actorOf(user) : null;
}
