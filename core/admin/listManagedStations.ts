/** The stations an administrator manages, deactivated ones included: all for the admin, an office's subtree. */
import { RegionModel, StationModel } from '../../models/definitions';
import { regionWhere } from '../directory/scope';
import { useCase } from '../useCase';
import { administersReason } from './policy';

/** Lists the managed stations with their regions (`GET /api/admin/stations`). */
export const listManagedStations = useCase({
  name: 'stations.list',
  readOnly: true,
  who: ({ actor }) => administersReason(actor),
  apply: async ({ actor }) => {
    const stations = await StationModel.findAll({ where: regionWhere(actor), order: [['id', 'ASC']] });
    const regions = await RegionModel.findAll({ where: { id: [...new Set(stations.map((s) => s.regionId))] } });
    return { stations, regions: new Map(regions.map((r) => [r.id, r])) };
  },
});
