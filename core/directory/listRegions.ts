/** The region tree: city, districts and counties, towns and streets. */
import { RegionModel } from '../../models/definitions';
import { ok, type Outcome } from '../result';

/** Lists every region, parents before children. */
export async function listRegions(): Promise<Outcome<RegionModel[]>> {
  return ok(await RegionModel.findAll({ order: [['path', 'ASC']] }));
}
