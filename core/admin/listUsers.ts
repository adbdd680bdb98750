/** Lists and searches user accounts for the admin area, paged: the admin sees all, an office its subtree. */
import { Op, type WhereOptions } from 'sequelize';
import { ListUsersQuery } from '../../contracts/admin';
import { DepartmentModel, RegionModel, StationModel, UserModel } from '../../models/definitions';
import { idsUnderPath } from '../directory/regionFilter';
import { regionWhere } from '../directory/scope';
import { invalid } from '../result';
import { fail, useCase } from '../useCase';
import { administersReason } from './policy';

export interface UserListView {
  users: UserModel[];
  total: number;
  page: number;
  pageSize: number;
  regions: Map<number, RegionModel>;
  departments: Map<number, DepartmentModel>;
  stations: Map<number, StationModel>;
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, '')}%`;

/** One page of accounts matching `q` (username or name), role, region subtree and active flag; newest last. */
export const listUsers = useCase({
  name: 'users.list',
  readOnly: true,
  input: ListUsersQuery,
  who: ({ actor }) => administersReason(actor),
  apply: async ({ actor, input }): Promise<UserListView> => {
    const where: WhereOptions<UserModel>[] = [{ system: false }, regionWhere(actor)];
    if (input.region) {
      const region = await RegionModel.findOne({ where: { code: input.region } });
      if (!region) fail(invalid(`没有代码为 ${input.region} 的区域`));
      where.push({ regionId: await idsUnderPath(region.path) });
    }
    if (input.q) where.push({ [Op.or]: [{ username: { [Op.like]: like(input.q) } }, { name: { [Op.like]: like(input.q) } }] });
    if (input.role) where.push({ role: input.role });
    if (input.active !== undefined) where.push({ active: input.active });
    const { rows, count } = await UserModel.findAndCountAll({
      where: { [Op.and]: where },
      order: [['id', 'ASC']],
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
    });
    const ids = (k: 'regionId' | 'departmentId' | 'stationId') => [...new Set(rows.map((u) => u[k]).filter((x): x is number => x !== null))];
    const [regions, departments, stations] = await Promise.all([
      RegionModel.findAll({ where: { id: ids('regionId') } }),
      DepartmentModel.findAll({ where: { id: ids('departmentId') } }),
      StationModel.findAll({ where: { id: ids('stationId') } }),
    ]);
    return {
      users: rows,
      total: count,
      page: input.page,
      pageSize: input.pageSize,
      regions: new Map(regions.map((r) => [r.id, r])),
      departments: new Map(departments.map((d) => [d.id, d])),
      stations: new Map(stations.map((s) => [s.id, s])),
    };
  },
});
