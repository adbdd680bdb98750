/**
 * The scoping rule shared by every feature: an office account sees the objects of its region's subtree; the
 * admin sees everything; an object without a region belongs to the city. Features build their own `visible`
 * checks from these two functions instead of re-typing the role tests.
 */
import { Sequelize, type WhereOptions } from 'sequelize';
import type { Actor } from '../context';

/** Whether `regionPath` lies in the subtree of an office at `officePath`. Something without region belongs to the city. */
export function inRegion(officePath: string | null, regionPath: string | null): boolean {
  if (!officePath) return false;
  if (!regionPath) return officePath.split('/').filter(Boolean).length === 1;
  return regionPath.startsWith(officePath);
}

/** Whether the actor works for the congress (an office account or the admin). */
export function isOfficeOrAdmin(actor: Actor): boolean {
  return actor.role === 'office' || actor.role === 'admin';
}

/** Whether the actor is the congress office of the whole city (a city-level office account) or the admin. */
export function isCityOffice(actor: Actor): boolean {
  return actor.role === 'admin' || (actor.role === 'office' && (actor.regionPath ?? '').split('/').filter(Boolean).length === 1);
}

/** Whether the actor may manage an object in region `regionPath`: the admin, or an office whose subtree holds it. */
export function officeCovers(actor: Actor, regionPath: string | null): boolean {
  return actor.role === 'admin' || (actor.role === 'office' && inRegion(actor.regionPath, regionPath));
}

/**
 * The SQL condition on `column` (an SQL expression giving a region id, by default the row's `regionId`) that selects
 * what an office account covers: its region's subtree, and for the city office also what has no region. The admin
 * covers everything; anyone else nothing.
 */
export function regionWhere(actor: Actor, column = 'regionId'): WhereOptions {
  if (actor.role === 'admin') return {};
  if (actor.role !== 'office') return Sequelize.literal('1 = 0') as unknown as WhereOptions;
  const path = (actor.regionPath ?? '/none/').replace(/[^0-9/]/g, '');
  const isCity = path.split('/').filter(Boolean).length === 1;
  const inTree = `${column} IN (SELECT id FROM regions WHERE path LIKE '${path}%')`;
  return Sequelize.literal(isCity ? `(${inTree} OR ${column} IS NULL)` : inTree) as unknown as WhereOptions;
}

/** The SQL condition on a user-id column that selects the people an office account covers (by their region). */
export function userRegionWhere(actor: Actor, userColumn = 'userId'): WhereOptions {
  return regionWhere(actor, `(SELECT u.regionId FROM users u WHERE u.id = ${userColumn})`);
}

/** Whether the actor is the chat bot's service account (the human admin is not). */
export function isBot(actor: Actor): boolean {
  return actor.role === 'service';
}

/** The kernel's `who` step for a bot-only use case, refusing others with what they tried (e.g. 读写会话). */
export function botOnly(what: string) {
  return ({ actor }: { actor: Actor }) => (isBot(actor) ? null : `只有机器人服务账号可以${what}`);
}
