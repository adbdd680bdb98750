/** Liaison stations, optionally within one region, for citizens looking for where to go. */
import { z } from 'zod';
import { formatZodError } from '../../contracts/validation';
import { RegionModel, StationModel } from '../../models/definitions';
import { invalid, ok, type Outcome } from '../result';
import { subtreeIds } from './regionFilter';

const Query = z.object({ region: z.string().trim().max(32).optional() });

/** Lists the stations in use (in a region's subtree when `region` is given) with their regions. */
export async function listStations(rawQuery: unknown): Promise<Outcome<{ stations: StationModel[]; regions: Map<number, RegionModel> }>> {
  const parsed = Query.safeParse(rawQuery ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  let where: { active: boolean; regionId?: number[] } = { active: true };
  if (parsed.data.region) {
    const ids = await subtreeIds(parsed.data.region);
    if (!ids) return invalid(`没有代码为 ${parsed.data.region} 的区域`);
    where = { ...where, regionId: ids };
  }
  const stations = await StationModel.findAll({ where, order: [['id', 'ASC']] });
  const regions = await RegionModel.findAll({ where: { id: [...new Set(stations.map((s) => s.regionId))] } });
  return ok({ stations, regions: new Map(regions.map((r) => [r.id, r])) });
}
