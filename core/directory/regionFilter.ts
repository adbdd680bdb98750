/** Resolving a region code to the ids of its whole subtree, for "by region" filters. */
import { Op } from 'sequelize';
import { RegionModel } from '../../models/definitions';

/** The ids of the regions at or below the region path `path` (`/1/4/`). */
export async function idsUnderPath(path: string): Promise<number[]> {
  const rows = await RegionModel.findAll({ where: { path: { [Op.like]: `${path}%` } }, attributes: ['id'] });
  return rows.map((r) => r.id);
}

/** The ids of the region with `code` and all below it, or null when the code is unknown. */
export async function subtreeIds(code: string): Promise<number[] | null> {
  const region = await RegionModel.findOne({ where: { code } });
  return region ? idsUnderPath(region.path) : null;
}
