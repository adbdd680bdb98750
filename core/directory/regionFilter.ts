/** Resolving a region code to the ids of its whole subtree, for "by region" filters (read on every list request). */
import { RegionModel } from '../../models/definitions';
import { readRows } from '../../models/fastRead';

/** The ids of the regions at or below the region path `path` (`/1/4/`). */
export async function idsUnderPath(path: string): Promise<number[]> {
  return (await readRows(RegionModel.sequelize!, 'SELECT id FROM regions WHERE path LIKE ?', [`${path}%`])).map((r) => Number(r.id));
}

/** The ids at or below `path`, with the number of regions there are in all (one read: an office's list scope). */
export async function subtreeOfPath(path: string): Promise<{ ids: number[]; all: number }> {
  const rows = await readRows(RegionModel.sequelize!, 'SELECT id, (SELECT COUNT(*) FROM regions) AS total FROM regions WHERE path LIKE ?', [`${path}%`]);
  return { ids: rows.map((r) => Number(r.id)), all: rows.length ? Number(rows[0].total) : -1 };
}

/** The ids of the region with `code` and all below it, or null when the code is unknown. */
export async function subtreeIds(code: string): Promise<number[] | null> {
  const [region] = await readRows(RegionModel.sequelize!, 'SELECT path FROM regions WHERE code = ?', [code]);
  return region ? idsUnderPath(String(region.path)) : null;
}
