/**
 * Adds a region to the tree: a city (admin, only when there is none), a district or county below the city, a
 * town or street below a district. An office adds regions within its own subtree.
 */
import { CreateRegionRequest } from '../../contracts/admin';
import { RegionModel } from '../../models/definitions';
import { conflict, forbidden, invalid } from '../result';
import { useCase } from '../useCase';
import { administersReason, createRegionReason } from './policy';
import { regionSnapshot } from './snapshots';

const CHILD_LEVEL: Record<string, string | undefined> = { city: 'district', district: 'town' };

/** Creates a region (`POST /api/regions`); returns the new row. */
export const createRegion = useCase({
  name: 'regions.create',
  input: CreateRegionRequest,
  who: ({ actor }) => administersReason(actor),
  apply: async ({ actor, input }) => {
    const parent = input.parent ? await RegionModel.findOne({ where: { code: input.parent } }) : null;
    if (input.parent && !parent) return invalid(`没有代码为 ${input.parent} 的上级区域`);
    const denied = createRegionReason(actor, parent);
    if (denied) return forbidden(denied);
    const level = parent ? CHILD_LEVEL[parent.level] : 'city';
    if (!level) return invalid('区域只有市、区县、镇街三级，镇街下不能再建区域');
    if (!parent && (await RegionModel.count({ where: { parentId: null } }))) return conflict('已经有市级区域了，请选择上级区域');
    if (await RegionModel.findOne({ where: { code: input.code } })) return conflict(`区域代码 ${input.code} 已经存在`);
    if (await RegionModel.findOne({ where: { parentId: parent?.id ?? null, name: input.name } })) return conflict(`同一上级区域下已有“${input.name}”`);
    const region = await RegionModel.create({ code: input.code, name: input.name, level, parentId: parent?.id ?? null, path: '' });
    region.path = `${parent?.path ?? '/'}${region.id}/`;
    await region.save();
    return region;
  },
  audit: { object: 'region', after: regionSnapshot },
});
