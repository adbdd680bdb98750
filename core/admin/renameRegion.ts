/** Renames a region (its code and place in the tree never change: scoping and filters rely on them). */
import { RenameRegionRequest } from '../../contracts/admin';
import { Op } from 'sequelize';
import { RegionModel } from '../../models/definitions';
import { useCase } from '../useCase';
import { administersReason, renameRegionReason } from './policy';
import { regionSnapshot } from './snapshots';

/** Renames the region with `code` (`PATCH /api/regions/:code`); returns the row. */
export const renameRegion = useCase({
  name: 'regions.rename',
  input: RenameRegionRequest,
  load: (code: string) => RegionModel.findOne({ where: { code }, lock: true }),
  notFound: '没有这个区域',
  who: ({ actor, subject }) => administersReason(actor) ?? renameRegionReason(actor, subject),
  when: async ({ input, subject }) =>
    (await RegionModel.findOne({ where: { parentId: subject.parentId, name: input.name, id: { [Op.ne]: subject.id } } })) ? `同一上级区域下已有“${input.name}”` : null,
  apply: async ({ input, subject }) => {
    subject.name = input.name;
    await subject.save();
    return subject;
  },
  audit: { object: 'region', before: regionSnapshot, after: regionSnapshot },
});
