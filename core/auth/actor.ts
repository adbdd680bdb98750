/** Loading the acting user with what scoping needs (region path, department, station). */
import type { Role } from '../../contracts/enums';
import { UserModel } from '../../models/definitions';
import { readRows } from '../../models/fastRead';
import { regionPathOf } from '../directory/regionPath';
import type { Actor } from '../context';

/** What an actor is made of: a user row's own columns (an instance, or a row as the driver reads it). */
type ActorColumns = Pick<UserModel, 'id' | 'username' | 'name' | 'role' | 'regionId' | 'departmentId' | 'stationId'> & { system: boolean | number };

/** Builds the actor for a user row. */
export async function actorOf(user: ActorColumns): Promise<Actor> {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role as Role,
    regionId: user.regionId,
    regionPath: await regionPathOf(user.regionId),
    departmentId: user.departmentId,
    stationId: user.stationId,
    system: !!user.system,
  };
}

/** Loads the active user with this id as an actor, or null (every request does: one driver-level read). */
export async function loadActor(userId: number): Promise<Actor | null> {
  const [user] = await readRows(UserModel.sequelize!, 'SELECT id, username, name, role, regionId, departmentId, stationId, active, `system` FROM users WHERE id = ?', [userId]);
  return user && Number(user.active) === 1 ? actorOf(user as unknown as ActorColumns) : null;
}
