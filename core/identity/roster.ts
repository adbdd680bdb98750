/**
 * What creating and importing people share: finding regions, departments and stations by what a congress
 * writes in its lists (code, name, district + town), reading a deputy level from Chinese, generating usernames,
 * and writing a person (account plus deputy profile) so that a second import of the same row changes nothing.
 */
import { Op } from 'sequelize';
import { parseLevel, type DeputyLevel } from '../../contracts/enums';
import { indexDepartments } from '../directory/departmentIndex';
import { DepartmentModel, DeputyModel, RegionModel, StationModel, UserModel } from '../../models/definitions';

/** The reference data rows are matched against, indexed once per import. */
export interface Directory {
  root: RegionModel | null;
  regionById: Map<number, RegionModel>;
  /** A region by code, name (when unique), "district+town" or the full path of names; 'ambiguous' for a name used twice. */
  region(text: string): RegionModel | 'ambiguous' | null;
  /** A department by code, full name, or name without the city's name in front. */
  department(text: string): DepartmentModel | null;
  /** A station by its name (with or without 人大代表 in it); 'ambiguous' when two stations match. */
  station(text: string): StationModel | 'ambiguous' | null;
  /** Adds a station created during this import, so later rows find it. */
  addStation(s: StationModel): void;
}

const stationKey = (s: string) => s.replace(/人大代表|\s/g, '');

/** Loads regions, departments and stations and indexes them for matching. */
export async function loadDirectory(): Promise<Directory> {
  const [regions, departments, stations] = await Promise.all([RegionModel.findAll({ order: [['path', 'ASC']] }), DepartmentModel.findAll(), StationModel.findAll()]);
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const roots = regions.filter((r) => !r.parentId);
  const root = roots.length === 1 ? roots[0] : null;
  const byRegion = new Map<string, RegionModel | 'ambiguous'>();
  const put = <T>(m: Map<string, T | 'ambiguous'>, k: string, v: T) => {
    const had = m.get(k);
    m.set(k, had && had !== v ? 'ambiguous' : v);
  };
  for (const r of regions) {
    byRegion.set(`code:${r.code}`, r);
    put(byRegion, r.name, r);
    const names: string[] = [];
    for (let p: RegionModel | undefined = r; p; p = p.parentId ? regionById.get(p.parentId) : undefined) names.unshift(p.name);
    for (let i = 0; i < names.length - 1; i++) put(byRegion, names.slice(i).join(''), r);
  }
  const findDepartment = indexDepartments(departments, root?.name ?? null);
  const byStation = new Map<string, StationModel | 'ambiguous'>();
  const addStation = (s: StationModel) => put(byStation, stationKey(s.name), s);
  stations.forEach(addStation);
  return {
    root,
    regionById,
    region: (text) => {
      const t = text.replace(/\s/g, '');
      return byRegion.get(`code:${t}`) ?? byRegion.get(t) ?? null;
    },
    department: findDepartment,
    station: (text) => byStation.get(stationKey(text)) ?? null,
    addStation,
  };
}


/** The username prefix of generated usernames per role: `d12` is the twelfth deputy given one. */
const PREFIX: Record<string, string> = { deputy: 'd', staff: 's', office: 'o', citizen: 'c' };

/** Hands out free usernames `<prefix><n>` (n above every number already used with that prefix). */
export class UsernameAllocator {
  private readonly next = new Map<string, number>();

  /** The next free username for `role`. */
  async allocate(role: string): Promise<string> {
    const prefix = PREFIX[role] ?? 'u';
    let n = this.next.get(prefix);
    if (n === undefined) {
      const rows = await UserModel.findAll({ attributes: ['username'], where: { username: { [Op.like]: `${prefix}%` } } });
      n = 1 + rows.reduce((m, r) => Math.max(m, /^\d+$/.test(r.username.slice(prefix.length)) ? Number(r.username.slice(prefix.length)) : 0), 0);
    }
    for (;;) {
      const candidate = `${prefix}${n}`;
      n += 1;
      if (!(await UserModel.count({ where: { username: candidate } }))) {
        this.next.set(prefix, n);
        return candidate;
      }
    }
  }
}

/** A person as the office describes them (resolved references, plain texts). */
export interface PersonFields {
  name: string;
  role: string;
  regionId: number | null;
  departmentId: number | null;
  stationId: number | null;
  phone: string | null;
  post: string | null;
  /** Deputies only. */
  deputy: {
    level: DeputyLevel;
    delegation: string;
    electoralUnit: string;
    workUnit: string;
    gender: string;
    ethnicity: string;
    birthYear: number;
    party: string;
    education: string;
    occupation: string;
    term: string;
  } | null;
}

/** Digits of a phone number (what identifies it), or null. */
export function normalisePhone(text: string | null | undefined): string | null {
  const digits = (text ?? '').replace(/\D/g, '');
  return digits.length >= 5 ? digits.slice(-11) : null;
}

/** Creates the account (and the deputy profile) for `fields` under `username`. */
export async function createPerson(username: string, fields: PersonFields, passwordHash: string | null = null): Promise<UserModel> {
  const user = await UserModel.create({
    username,
    passwordHash,
    role: fields.role,
    name: fields.name,
    regionId: fields.regionId,
    departmentId: fields.departmentId,
    stationId: fields.stationId,
    wechatOpenid: null,
    phone: fields.phone,
    post: fields.post,
  });
  if (fields.deputy) {
    await DeputyModel.create({ userId: user.id, name: fields.name, phone: fields.phone, stationId: fields.stationId, regionId: fields.regionId, post: fields.post ?? '', ...fields.deputy });
  }
  return user;
}

/**
 * Brings an existing person up to date with `fields` (a file's row): only what the row says is written, an empty
 * cell keeps what is stored. Returns whether anything changed.
 */
export async function updatePerson(user: UserModel, fields: PersonFields): Promise<boolean> {
  const userPatch: Partial<Record<'name' | 'regionId' | 'departmentId' | 'stationId' | 'phone' | 'post', unknown>> = {
    name: fields.name,
    regionId: fields.regionId ?? user.regionId,
    departmentId: fields.departmentId ?? user.departmentId,
    stationId: fields.stationId ?? user.stationId,
    phone: fields.phone ?? user.phone,
    post: fields.post ?? user.post,
  };
  let changed = false;
  for (const [k, v] of Object.entries(userPatch)) {
    if ((user as unknown as Record<string, unknown>)[k] !== v) {
      user.set(k as 'name', v as string);
      changed = true;
    }
  }
  if (changed) await user.save();
  if (fields.deputy) {
    const deputy = await DeputyModel.findOne({ where: { userId: user.id } });
    if (!deputy) {
      await DeputyModel.create({ userId: user.id, name: user.name, phone: user.phone, stationId: user.stationId, regionId: user.regionId, post: user.post ?? '', ...fields.deputy });
      return true;
    }
    const d = fields.deputy;
    const patch: Record<string, unknown> = { name: user.name, phone: user.phone, stationId: user.stationId, regionId: user.regionId, post: user.post ?? deputy.post, level: d.level };
    for (const k of ['delegation', 'electoralUnit', 'workUnit', 'gender', 'ethnicity', 'party', 'education', 'occupation', 'term'] as const) if (d[k]) patch[k] = d[k];
    if (d.birthYear) patch.birthYear = d.birthYear;
    let deputyChanged = false;
    for (const [k, v] of Object.entries(patch)) {
      if ((deputy as unknown as Record<string, unknown>)[k] !== v) {
        deputy.set(k as 'name', v as string);
        deputyChanged = true;
      }
    }
    if (deputyChanged) await deputy.save();
    changed ||= deputyChanged;
  }
  return changed;
}

export { parseLevel };
