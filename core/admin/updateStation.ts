/** Edits a liaison station: name, kind, address, region (within the actor's area), or deactivates/reactivates it. */
import { Op } from 'sequelize';
import { UpdateStationRequest } from '../../contracts/admin';
import { RegionModel, StationModel } from '../../models/definitions';
import { regionPathOf } from '../directory/regionPath';
import { conflict, forbidden, invalid } from '../result';
import { idOf, useCase } from '../useCase';
import { administersReason, stationReason } from './policy';
import { stationSnapshot } from './snapshots';

/** A station with the path of its region, for scoping. */
async function loadStation(key: unknown) {
  const id = idOf(key);
  const station = id ? await StationModel.findByPk(id, { lock: true }) : null;
  if (!station) return null;
  return { station, regionPath: await regionPathOf(station.regionId) };
}

/** Updates station `id` (`PATCH /api/stations/:id`); returns it with its region. */
export const updateStation = useCase({
  name: 'stations.update',
  input: UpdateStationRequest,
  load: loadStation,
  notFound: '没有这个联络站',
  who: ({ actor, subject }) => administersReason(actor) ?? stationReason(actor, subject.regionPath),
  when: ({ input, subject }) => {
    if (input.active === false && subject.station.active === false) return '这个联络站已经停用了';
    if (input.active === true && subject.station.active !== false) return '这个联络站本来就在用';
    return null;
  },
  apply: async ({ actor, input, subject: { station } }) => {
    const region = input.region === undefined ? await RegionModel.findByPk(station.regionId) : await RegionModel.findOne({ where: { code: input.region } });
    if (!region) return invalid(`没有代码为 ${input.region} 的区域`);
    if (input.region !== undefined) {
      const denied = stationReason(actor, region.path);
      if (denied) return forbidden(denied);
      station.regionId = region.id;
    }
    if (input.name !== undefined && (await StationModel.findOne({ where: { name: input.name, id: { [Op.ne]: station.id } } }))) {
      return conflict(`已有名为“${input.name}”的联络站`);
    }
    if (input.name !== undefined) station.name = input.name;
    if (input.kind !== undefined) station.kind = input.kind;
    if (input.address !== undefined) station.address = input.address;
    if (input.active !== undefined) station.active = input.active;
    await station.save();
    return { station, region };
  },
  audit: { object: 'station', before: (s) => stationSnapshot(s.station), after: (r) => stationSnapshot(r.station) },
});
