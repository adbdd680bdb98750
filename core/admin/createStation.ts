/** Adds a liaison station (town) or point (village/community) in a region the actor manages. */
import { CreateStationRequest } from '../../contracts/admin';
import { RegionModel, StationModel } from '../../models/definitions';
import { conflict, forbidden, invalid } from '../result';
import { useCase } from '../useCase';
import { administersReason, stationReason } from './policy';
import { stationSnapshot } from './snapshots';

/** Creates a station (`POST /api/stations`); returns it with its region. */
export const createStation = useCase({
  name: 'stations.create',
  input: CreateStationRequest,
  who: ({ actor }) => administersReason(actor),
  apply: async ({ actor, input }) => {
    const region = await RegionModel.findOne({ where: { code: input.region } });
    if (!region) return invalid(`没有代码为 ${input.region} 的区域`);
    const denied = stationReason(actor, region.path);
    if (denied) return forbidden(denied);
    if (await StationModel.findOne({ where: { name: input.name } })) return conflict(`已有名为“${input.name}”的联络站`);
    const station = await StationModel.create({ name: input.name, kind: input.kind, regionId: region.id, address: input.address, active: true });
    return { station, region };
  },
  audit: { object: 'station', after: (r) => stationSnapshot(r.station) },
});
