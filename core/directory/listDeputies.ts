/**
 * Finding deputies by region, station or name — the public part of their profile only, and only deputies whose
 * account is active (a deactivated deputy cannot be written to or picked). A name search (`q`) matches the name
 * or the username; exact names come first, so picking 李秀英 by name finds her at the top.
 */
import { Op, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { formatZodError } from '../../contracts/validation';
import { DeputyModel, RegionModel, StationModel, UserModel } from '../../models/definitions';
import { invalid, ok, type Outcome } from '../result';
import { subtreeIds } from './regionFilter';

const Query = z.object({
  region: z.string().trim().max(32).optional(),
  station: z.coerce.number({ error: '联络站编号必须是数字' }).int().positive().optional(),
  q: z.string().trim().max(20, '姓名关键词不能超过 20 字').optional(),
  limit: z.coerce.number({ error: '条数必须是数字' }).int('条数必须是整数').min(1, '条数至少为 1').max(1000, '一次最多 1000 条').optional(),
});

export interface DeputyListView {
  deputies: DeputyModel[];
  users: Map<number, UserModel>;
  regions: Map<number, RegionModel>;
  stations: Map<number, StationModel>;
}

/** Lists deputies matching the filters. */
export async function listDeputies(rawQuery: unknown): Promise<Outcome<DeputyListView>> {
  const parsed = Query.safeParse(rawQuery ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const q = parsed.data;
  const where: WhereOptions<DeputyModel>[] = [];
  if (q.region) {
    const ids = await subtreeIds(q.region);
    if (!ids) return invalid(`没有代码为 ${q.region} 的区域`);
    where.push({ regionId: ids });
  }
  if (q.station) where.push({ stationId: q.station });
  const needle = q.q ? q.q.replace(/[\\%_]/g, '') : '';
  if (needle) {
    const byUsername = await UserModel.findAll({ where: { role: 'deputy', username: { [Op.like]: `%${needle}%` } }, attributes: ['id'], limit: 1000 });
    where.push({ [Op.or]: [{ name: { [Op.like]: `%${needle}%` } }, { userId: byUsername.map((u) => u.id) }] });
  }
  const found = await DeputyModel.findAll({ where: { [Op.and]: where }, order: [['id', 'ASC']] });
  const active = await UserModel.findAll({ where: { id: found.map((d) => d.userId), active: true, role: 'deputy' } });
  const activeIds = new Set(active.map((u) => u.id));
  const rank = (d: DeputyModel) => (!needle ? 0 : d.name === needle ? 0 : d.name.startsWith(needle) ? 1 : d.name.includes(needle) ? 2 : 3);
  const deputies = found
    .filter((d) => activeIds.has(d.userId))
    .sort((a, b) => rank(a) - rank(b) || a.id - b.id)
    .slice(0, q.limit ?? found.length);
  const [users, regions, stations] = await Promise.all([
    active,
    RegionModel.findAll({ where: { id: [...new Set(deputies.map((d) => d.regionId).filter((x): x is number => x !== null))] } }),
    StationModel.findAll({ where: { id: [...new Set(deputies.map((d) => d.stationId).filter((x): x is number => x !== null))] } }),
  ]);
  return ok({
    deputies,
    users: new Map(users.map((u) => [u.id, u])),
    regions: new Map(regions.map((r) => [r.id, r])),
    stations: new Map(stations.map((s) => [s.id, s])),
  });
}
