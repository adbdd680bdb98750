/**
 * The office (within its region's subtree) or the admin creates one account: a deputy with level and station,
 * department staff, a town or district office account, or a citizen. The username is generated when not given
 * (`d` + number for deputies …). A second account with the same role, name and phone is refused (409).
 */
import { Op, UniqueConstraintError } from 'sequelize';
import { CreateUserRequest } from '../../contracts/identity';
import { UserModel } from '../../models/definitions';
import { hashPassword } from '../auth/password';
import type { Actor, CoreContext } from '../context';
import { conflict, forbidden, invalid, ok, type Outcome } from '../result';
import { personDetails, personSnapshot, type PersonDetails } from './people';
import { useCase } from '../useCase';
import { OUTSIDE_REGION, coversRegion, peopleManagerReason, roleReason } from './policy';
import { createPerson, loadDirectory, normalisePhone, UsernameAllocator, type PersonFields } from './roster';

interface Created {
  id: number;
  snapshot: ReturnType<typeof personSnapshot>;
}

const run = useCase({
  name: 'users.create',
  input: CreateUserRequest,
  who: ({ actor, input }) => peopleManagerReason(actor) ?? roleReason(actor, input.role),
  audit: { object: 'user', after: (r: Created) => r.snapshot },
  apply: async ({ actor, input }): Promise<Outcome<Created> | Created> => {
    const dir = await loadDirectory();
    const region = input.region ? dir.region(input.region) : actor.regionId ? (dir.regionById.get(actor.regionId) ?? null) : dir.root;
    if (input.region && !region) return invalid(`没有代码或名称为“${input.region}”的区域`);
    if (region === 'ambiguous') return invalid(`“${input.region}”对应多个区域，请用区域代码`);
    const department = input.department ? dir.department(input.department) : null;
    if (input.department && !department) return invalid(`没有代码或名称为“${input.department}”的单位`);
    const station = input.station ? dir.station(input.station) : null;
    if (input.station && !station) return invalid(`没有名为“${input.station}”的联络站`);
    if (station === 'ambiguous') return invalid(`“${input.station}”对应多个联络站，请写全称`);
    const regionRow = region ?? (station ? (dir.regionById.get(station.regionId) ?? null) : null);
    if (!coversRegion(actor, regionRow?.path ?? null)) return forbidden(OUTSIDE_REGION);
    if (station && !coversRegion(actor, dir.regionById.get(station.regionId)?.path ?? null)) return forbidden(`联络站“${station.name}”${OUTSIDE_REGION}`);

    const phone = normalisePhone(input.phone);
    if (input.username && (await UserModel.count({ where: { username: input.username } }))) return conflict(`用户名 ${input.username} 已被使用`);
    if (phone) {
      const twin = await UserModel.findOne({ where: { role: input.role, name: input.name, phone: { [Op.eq]: phone } } });
      if (twin) return conflict(`已有同名同手机号的账号（用户名 ${twin.username}），不能重复创建`);
    }
    const fields: PersonFields = {
      name: input.name,
      role: input.role,
      regionId: regionRow?.id ?? null,
      departmentId: department?.id ?? null,
      stationId: station?.id ?? null,
      phone,
      post: input.post || null,
      deputy:
        input.role === 'deputy'
          ? {
              level: input.level!,
              delegation: input.delegation ?? '',
              electoralUnit: input.electoralUnit ?? '',
              workUnit: input.workUnit ?? '',
              gender: '',
              ethnicity: '',
              birthYear: 0,
              party: '',
              education: '',
              occupation: '',
              term: '',
            }
          : null,
    };
    const username = input.username ?? (await new UsernameAllocator().allocate(input.role));
    try {
      const user = await createPerson(username, fields, input.password ? await hashPassword(input.password) : null);
      return { id: user.id, snapshot: personSnapshot(user) };
    } catch (e) {
      if (e instanceof UniqueConstraintError) return conflict(`用户名 ${username} 刚被别人用了，请再试一次`);
      throw e;
    }
  },
});

/** Creates one account from `input` (see CreateUserRequest); returns its id. */
export async function createUser(ctx: CoreContext, actor: Actor, input: unknown): Promise<Outcome<{ id: number }>> {
  const r = await run(ctx, actor, 0, input);
  return r.ok ? ok({ id: r.value.id }) : r;
}

/** Creates one account and returns it with its details, for the API's answer. */
export async function createUserDetailed(ctx: CoreContext, actor: Actor, input: unknown): Promise<Outcome<PersonDetails>> {
  const created = await createUser(ctx, actor, input);
  return created.ok ? ok((await personDetails(created.value.id))!) : created;
}
