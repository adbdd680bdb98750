/** Finding deputies by region, station or name — the public part of their profile only. */
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
  if (q.q) where.push({ name: { [Op.like]: `%${q.q.replace(/[\\%_]/g, '')}%` } });
  const deputies = await DeputyModel.findAll({ where: { [Op.and]: where }, order: [['id', 'ASC']] });
  const [users, regions, stations] = await Promise.all([
    UserModel.findAll({ where: { id: deputies.map((d) => d.userId) } }),
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
