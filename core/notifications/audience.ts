/**
 * Resolving an audience to people: deputies filtered by level, region, station and delegation (the filters
 * combine), plus named users. An office account reaches only deputies in its own region's subtree.
 */
import { Op, Sequelize, type WhereOptions } from 'sequelize';
import type { Audience } from '../../contracts/engagement';
import { DeputyModel, RegionModel, UserModel } from '../../models/definitions';
import type { Actor } from '../context';
import { idsUnderPath, subtreeIds } from '../directory/regionFilter';

/** The user ids of an audience, or a Chinese message naming what does not exist. */
export async function resolveAudience(audience: Audience, actor: Actor): Promise<number[] | string> {
  // Active accounts only: the deputies' filter reads it in its statement, named users are looked up as active.
  const active = new Set<number>();
  const hasFilter = audience.all || audience.levels?.length || audience.regions?.length || audience.stations?.length || audience.delegations?.length;
  let scope: number[] | null = null;
  if (actor.role === 'office' && actor.regionPath) {
    scope = await idsUnderPath(actor.regionPath);
    // A city office whose subtree holds every region reaches everyone: no region list to send.
    if (actor.regionPath.split('/').filter(Boolean).length === 1 && scope.length === (await RegionModel.count())) scope = null;
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
    // Active accounts only, in the same statement.
    and.push({ userId: { [Op.in]: Sequelize.literal('(SELECT id FROM users WHERE active = 1)') } });
    const deputies = await DeputyModel.findAll({ where: { [Op.and]: and }, attributes: ['userId'], raw: true });
    for (const d of deputies) active.add(d.userId);
  }
  if (audience.users?.length) {
    const users = await UserModel.findAll({ where: { username: audience.users, active: true } });
    const missing = audience.users.filter((u) => !users.some((x) => x.username === u));
    if (missing.length) return `这些账号不存在：${missing.slice(0, 10).join('、')}`;
    for (const u of users) {
      if (scope && (u.regionId === null || !scope.includes(u.regionId)) && u.role !== 'staff') return `${u.name}不在你的区域内`;
      active.add(u.id);
    }
  }
  return [...active].sort((a, b) => a - b);
}
