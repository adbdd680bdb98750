/** Resolving a region code to the ids of its whole subtree, for "by region" filters. */
import { Op } from 'sequelize';
import { RegionModel } from '../../models/definitions';

/** The ids of the region with `code` and all below it, or null when the code is unknown. */
export async function subtreeIds(code: string): Promise<number[] | null> {
  const region = await RegionModel.findOne({ where: { code } });
  if (!region) return null;
  const rows = await RegionModel.findAll({ where: { path: { [Op.like]: `${region.path}%` } }, attributes: ['id'] });
  return rows.map((r) => r.id);
}
