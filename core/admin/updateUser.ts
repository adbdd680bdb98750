/**
 * Changes a user's name, role, region, department or station. An office changes accounts of its own subtree
 * and places them only there (a town-level office account is an office user with a town region); only the
 * admin touches admins. A staff account needs a department, an office account a region; a deputy needs a
 * deputy record (made by the import); the last active admin keeps the role.
 */
import { UpdateUserRequest } from '../../contracts/admin';
import { DepartmentModel, DeputyModel, RegionModel, StationModel } from '../../models/definitions';
import { forbidden, invalid } from '../result';
import { useCase } from '../useCase';
import { administersReason, giveRoleReason, LAST_ADMIN, manageUserReason, seesUser, userVisible } from './policy';
import { userSnapshot } from './snapshots';
import { loadUserSubject, otherActiveAdmins, userView } from './userSubject';

/** Updates the account `username` (`PATCH /api/users/:username`); returns it with its region, department and station. */
export const updateUser = useCase({
  name: 'users.update',
  input: UpdateUserRequest,
  load: loadUserSubject,
  notFound: '没有这个用户',
  visible: userVisible,
  who: ({ actor, subject, input }) => administersReason(actor) ?? manageUserReason(actor, subject.user) ?? (input.role ? giveRoleReason(actor, input.role) : null),
  when: async ({ input, subject: { user } }) => {
    if (user.role === 'admin' && input.role && input.role !== 'admin' && user.active && !(await otherActiveAdmins(user.id))) return LAST_ADMIN;
    if (input.role === 'deputy' && user.role !== 'deputy' && !(await DeputyModel.findOne({ where: { userId: user.id } }))) {
      return '这个账号没有代表档案，不能直接改为代表；请通过导入代表名单建立代表';
    }
    return null;
  },
  apply: async ({ actor, input, subject: { user } }) => {
    if (input.region !== undefined) {
      const region = input.region === null ? null : await RegionModel.findOne({ where: { code: input.region } });
      if (input.region !== null && !region) return invalid(`没有代码为 ${input.region} 的区域`);
      if (!seesUser(actor, { regionPath: region?.path ?? null })) return forbidden('只能把账号放在本单位所辖区域内');
      user.regionId = region?.id ?? null;
    }
    if (input.department !== undefined) {
      const department = input.department === null ? null : await DepartmentModel.findOne({ where: { code: input.department } });
      if (input.department !== null && !department) return invalid(`没有代码为 ${input.department} 的承办单位`);
      user.departmentId = department?.id ?? null;
    }
    if (input.station !== undefined) {
      const station = input.station === null ? null : await StationModel.findByPk(input.station);
      if (input.station !== null && !station) return invalid(`没有编号为 ${input.station} 的联络站`);
      user.stationId = station?.id ?? null;
    }
    if (input.role !== undefined) user.role = input.role;
    if (input.name !== undefined) user.name = input.name;
    if (user.role === 'staff' && !user.departmentId) return invalid('承办单位工作人员必须指定所属承办单位');
    if (user.role === 'office' && !user.regionId) return invalid('人大工作人员账号必须指定所属区域');
    await user.save();
    return userView(user);
  },
  audit: { object: 'user', before: (s) => userSnapshot(s.user), after: (r) => userSnapshot(r.user) },
});
