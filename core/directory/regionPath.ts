/** Region paths by id, cached: a region is never moved in the tree once it exists, so its path never changes. */
import { RegionModel } from '../../models/definitions';

const paths = new Map<number, string>();

/** The path (`/1/4/`) of region `regionId`, or null for none or an unknown id. */
export async function regionPathOf(regionId: number | null | undefined): Promise<string | null> {
  if (!regionId) return null;
  const cached = paths.get(regionId);
  if (cached) return cached;
  const region = await RegionModel.findByPk(regionId);
  if (region?.path) paths.set(regionId, region.path);
  return region?.path ?? null;
}
