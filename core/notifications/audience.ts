/**
 * Resolving an audience to people: deputies filtered by level, region, station and delegation (the filters
 * combine), plus named users. An office account reaches only deputies in its own region's subtree.
 */
import { Op, type WhereOptions } from 'sequelize';
import type { Audience } from '../../contracts/engagement';
import { DeputyModel, UserModel } from '../../models/definitions';
import type { Actor } from '../context';
import { idsUnderPath, subtreeIds } from '../directory/regionFilter';

/** The user ids of an audience, or a Chinese message naming what does not exist. */
export async function resolveAudience(audience: Audience, actor: Actor): Promise<number[] | string> {
  const ids = new Set<number>();
  const hasFilter = audience.all || audience.levels?.length || audience.regions?.length || audience.stations?.length || audience.delegations?.length;
  let scope: number[] | null = null;
  if (actor.role === 'office' && actor.regionPath) {
    scope = await idsUnderPath(actor.regionPath);
  }
  if (hasFilter) {
    const and: WhereOptions<DeputyModel>[] = [];
    if (audience.levels?.length) and.push({ level: audience.levels });
    if (audience.regions?.length) {
      const all: number[] = [];
      for (const code of audience.regions) {
        const sub = await subtreeIds(code);
        if (!sub) return `没有代码为 ${code} 的区域`;
        all.push(...sub);
      }
      and.push({ regionId: all });
    }
    if (audience.stations?.length) and.push({ stationId: audience.stations });
    if (audience.delegations?.length) and.push({ delegation: audience.delegations });
    if (scope) and.push({ regionId: scope });
    const deputies = await DeputyModel.findAll({ where: { [Op.and]: and }, attributes: ['userId'], raw: true });
    for (const d of deputies) ids.add(d.userId);
  }
  if (audience.users?.length) {
    const users = await UserModel.findAll({ where: { username: audience.users, active: true } });
    const missing = audience.users.filter((u) => !users.some((x) => x.username === u));
    if (missing.length) return `这些账号不存在：${missing.slice(0, 10).join('、')}`;
    for (const u of users) {
      if (scope && (u.regionId === null || !scope.includes(u.regionId)) && u.role !== 'staff') return `${u.name}不在你的区域内`;
      ids.add(u.id);
    }
  }
  // Who of them is active, a chunk of ids per statement (an audience may be a province's 100,000 deputies).
  const all = [...ids];
  const active: number[] = [];
  for (let i = 0; i < all.length; i += 5_000) {
    const rows = await UserModel.findAll({ where: { id: all.slice(i, i + 5_000), active: true }, attributes: ['id'], raw: true });
    for (const u of rows) active.push(u.id);
  }
  return active.sort((a, b) => a - b);
}
