/**
 * The office (within its region's subtree) or the admin imports a roster as a congress keeps it — deputies, the
 * departments' staff, or liaison stations — from CSV or XLSX with Chinese column names and their usual synonyms.
 * Every row is created, updated, left unchanged (a re-import changes nothing) or refused with a reason and its row
 * number. People are found again by username, else by role + name + phone, else by role + name + department
 * (staff) or region (deputies); stations by name. New people get generated usernames (`d` + number …).
 */
import { z } from 'zod';
import { ROSTER_KINDS, type RosterImportSummary, type RosterKind } from '../../contracts/identity';
import { StationModel, UserModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { invalid, type Outcome } from '../result';
import { useCase } from '../useCase';
import { pickColumns, readImportRows, Refusals, type TableFormat } from '../import/tabular';
import { OUTSIDE_REGION, coversRegion, peopleManagerReason } from './policy';
import { createPerson, loadDirectory, normalisePhone, parseLevel, updatePerson, UsernameAllocator, type Directory, type PersonFields } from './roster';
import type { RegionModel } from '../../models/definitions';

const MAX_ROWS = 20_000;

const COMMON = {
  username: ['用户名', '账号', '登录名', 'username'],
  name: ['姓名', '代表姓名', '名字', 'name'],
  phone: ['手机号', '手机', '手机号码', '联系电话', '电话', '联系方式', 'phone', 'mobile'],
  post: ['职务', '现任职务', 'post'],
  region: ['所属区县', '区县', '所属区域', '区域', '行政区域', '所在区域', 'region'],
  town: ['镇街', '所属镇街', '乡镇街道', '所在镇街', '乡镇', 'town'],
} as const;

const COLUMNS = {
  deputies: {
    ...COMMON,
    level: ['代表层级', '级别', '层级', '代表级别', '代表类别', 'level'],
    electoralUnit: ['选区', '选举单位', '原选区', 'electoralUnit'],
    delegation: ['代表团', '所在代表团', 'delegation'],
    station: ['联络站', '所属联络站', '进站', '联络站（点）', '联络站点', 'station'],
    workUnit: ['单位', '工作单位', '单位名称', 'workUnit'],
    gender: ['性别', 'gender'],
    ethnicity: ['民族', 'ethnicity'],
    birth: ['出生年月', '出生年份', '出生日期', '出生年', 'birthYear'],
    party: ['党派', '政治面貌', 'party'],
    education: ['学历', '文化程度', 'education'],
    occupation: ['职业', '职业构成', '身份类别', 'occupation'],
    term: ['届别', '届次', 'term'],
  },
  staff: {
    ...COMMON,
    department: ['承办单位', '单位', '所属单位', '部门', '工作单位', '单位名称', 'department'],
  },
  stations: {
    name: ['联络站名称', '联络站', '站点名称', '名称', '联络站（点）名称', '联络站（点）', 'station', 'name'],
    kind: ['类型', '站点类型', '站点类别', 'kind'],
    region: COMMON.region,
    town: COMMON.town,
    address: ['地址', '详细地址', '所在地址', 'address'],
  },
} as const;

/** The limits of stored texts (as in the schema). */
const LIMITS: Record<string, [label: string, max: number]> = {
  name: ['姓名', 64],
  post: ['职务', 64],
  delegation: ['代表团', 64],
  electoralUnit: ['选区', 128],
  workUnit: ['工作单位', 128],
  gender: ['性别', 8],
  ethnicity: ['民族', 16],
  party: ['党派', 32],
  education: ['学历', 32],
  occupation: ['职业', 64],
  term: ['届别', 32],
  address: ['地址', 255],
};

/** What a roster import receives: the file, its format, what it holds (detected from the columns when omitted). */
export interface RosterImportInput {
  data: Buffer;
  format: TableFormat;
  kind?: RosterKind;
  /** Called as rows are checked and stored. */
  onProgress?: (done: number, total: number) => void;
}

const Input = z.custom<RosterImportInput>(
  (v) => typeof v === 'object' && v !== null && Buffer.isBuffer((v as RosterImportInput).data) && ['csv', 'xlsx'].includes((v as RosterImportInput).format),
  '请上传 CSV 或 XLSX 文件',
);

/** Which roster the headers describe, or null. */
function detectKind(headers: string[]): RosterKind | null {
  const has = (names: readonly string[]) => headers.some((h) => names.map((n) => n.toLowerCase()).includes(h.toLowerCase()));
  if (has(COLUMNS.deputies.level) || has(COLUMNS.deputies.delegation)) return 'deputies';
  if (has(COLUMNS.stations.address) || headers.includes('联络站名称') || headers.includes('站点名称')) return 'stations';
  if (has(['承办单位', '所属单位', '部门'])) return 'staff';
  return null;
}

/** Finds a region from the start of a text such as 张店区第3选区 (the longest region name it begins with). */
function regionFromPrefix(dir: Directory, text: string): RegionModel | null {
  const t = text.replace(/\s/g, '');
  for (let n = t.length; n >= 2; n--) {
    const r = dir.region(t.slice(0, n));
    if (r && r !== 'ambiguous') return r;
  }
  return null;
}

interface Ctx {
  actor: Actor;
  dir: Directory;
  refusals: Refusals;
  usernames: UsernameAllocator;
  summary: RosterImportSummary;
  /** Natural key → the file row that took it, to refuse repeats. */
  seen: Map<string, number>;
}

/** An index of existing accounts of one role by username, name + phone, and name + department/region. */
async function peopleIndex(role: string) {
  const users = await UserModel.findAll({ where: { role } });
  const byKey = new Map<string, UserModel | 'ambiguous'>();
  const put = (k: string, u: UserModel) => {
    const had = byKey.get(k);
    byKey.set(k, had && had !== u ? 'ambiguous' : u);
  };
  const scopeOf = (u: { departmentId: number | null; regionId: number | null }) => (role === 'staff' ? u.departmentId : u.regionId);
  const add = (u: UserModel) => {
    if (u.phone) put(`p:${u.name}|${u.phone}`, u);
    else put(`s:${u.name}|${scopeOf(u)}`, u);
  };
  users.forEach(add);
  return {
    add,
    /** The stored person a row means: 'ambiguous' when two could be meant. */
    find(name: string, phone: string | null, scope: number | null): UserModel | 'ambiguous' | null {
      if (phone) return byKey.get(`p:${name}|${phone}`) ?? byKey.get(`s:${name}|${scope}`) ?? null;
      return byKey.get(`s:${name}|${scope}`) ?? null;
    },
  };
}

type Row = Record<string, string>;

/** Texts over their limit, as a refusal reason. */
function tooLong(values: Record<string, string>): string | null {
  for (const [k, v] of Object.entries(values)) {
    const limit = LIMITS[k];
    if (limit && v.length > limit[1]) return `${limit[0]}超过 ${limit[1]} 字`;
  }
  return null;
}

/**
 * Resolves the region a row names by its district column and town column (either may be empty): the town within
 * the district when both are given. Null when it names none; a refusal reason when it names an unknown one.
 */
function rowRegion(c: Ctx, district: string, town: string): RegionModel | string | null {
  const text = town && district && !town.startsWith(district) ? `${district}${town}` : town || district;
  if (!text) return null;
  const r = c.dir.region(text);
  if (r === 'ambiguous') return `区域“${text}”对应多个区域，请写上所属区县（如 张店区车站街道）或区域代码`;
  return r ?? `区域“${text}”不在区域名录中`;
}

/** Imports one person row (deputy or staff); returns a refusal reason or null. */
async function importPerson(c: Ctx, kind: 'deputies' | 'staff', v: Row, rowNo: number, people: Awaited<ReturnType<typeof peopleIndex>>): Promise<string | null> {
  const role = kind === 'deputies' ? 'deputy' : 'staff';
  if (!v.name) return '姓名为空';
  const long = tooLong(v);
  if (long) return long;
  const phone = normalisePhone(v.phone);
  if (v.phone && !phone) return `手机号“${v.phone}”格式不对`;
  if (v.username && !/^[A-Za-z][A-Za-z0-9._-]{1,63}$/.test(v.username)) return `用户名“${v.username}”格式不对（字母开头，字母数字和 . _ -）`;

  let region = rowRegion(c, v.region ?? '', v.town ?? '');
  if (typeof region === 'string') return region;
  let stationId: number | null = null;
  let departmentId: number | null = null;
  let level = null;
  if (kind === 'deputies') {
    if (!v.level) return '代表层级为空';
    level = parseLevel(v.level);
    if (!level) return `代表层级“${v.level}”看不懂（可写 全国、省、市、区县、乡镇）`;
    if (v.station) {
      const s = c.dir.station(v.station);
      if (!s) return `联络站“${v.station}”不在名录中（请先导入联络站）`;
      if (s === 'ambiguous') return `联络站“${v.station}”对应多个联络站，请写全称`;
      stationId = s.id;
      region ??= c.dir.regionById.get(s.regionId) ?? null;
      if (!coversRegion(c.actor, c.dir.regionById.get(s.regionId)?.path ?? null)) return `联络站“${s.name}”${OUTSIDE_REGION}`;
    }
    if (!region && v.electoralUnit) region = regionFromPrefix(c.dir, v.electoralUnit);
  } else {
    if (!v.department) return '承办单位为空';
    const d = c.dir.department(v.department);
    if (!d) return `单位“${v.department}”不在承办单位名录中`;
    departmentId = d.id;
  }
  // A row without a region belongs where the importing office sits (the whole city for the admin).
  region ??= c.actor.regionId ? (c.dir.regionById.get(c.actor.regionId) ?? null) : c.dir.root;
  if (!coversRegion(c.actor, region?.path ?? null)) return OUTSIDE_REGION;

  const scope = kind === 'staff' ? departmentId : (region?.id ?? null);
  const key = v.username ? `u:${v.username}` : phone ? `p:${v.name}|${phone}` : `s:${v.name}|${scope}`;
  const earlier = c.seen.get(key);
  if (earlier) return `与第 ${earlier} 行是同一个人（重复）`;
  c.seen.set(key, rowNo);

  const birth = /(19|20)\d{2}/.exec(v.birth ?? '');
  const fields: PersonFields = {
    name: v.name,
    role,
    regionId: region?.id ?? null,
    departmentId,
    stationId,
    phone,
    post: v.post || null,
    deputy: level
      ? {
          level,
          delegation: v.delegation ?? '',
          electoralUnit: v.electoralUnit ?? '',
          workUnit: v.workUnit ?? '',
          gender: v.gender ?? '',
          ethnicity: v.ethnicity ?? '',
          birthYear: birth ? Number(birth[0]) : 0,
          party: v.party ?? '',
          education: v.education ?? '',
          occupation: v.occupation ?? '',
          term: v.term ?? '',
        }
      : null,
  };

  let existing: UserModel | 'ambiguous' | null;
  if (v.username) {
    existing = await UserModel.findOne({ where: { username: v.username } });
    if (existing && existing.role !== role) return `用户名“${v.username}”已被其他角色的账号使用`;
  } else {
    existing = people.find(v.name, phone, scope);
  }
  if (existing === 'ambiguous') return '已有多个同名账号，无法确定是哪一位：请在文件里加“用户名”或“手机号”列';
  if (existing) {
    if (!coversRegion(c.actor, existing.regionId ? (c.dir.regionById.get(existing.regionId)?.path ?? null) : null)) return `已有的同一人账号${OUTSIDE_REGION}`;
    if (await updatePerson(existing, fields)) c.summary.updated += 1;
    else c.summary.unchanged += 1;
    return null;
  }
  const username = v.username || (await c.usernames.allocate(role));
  const user = await createPerson(username, fields);
  people.add(user);
  c.summary.created += 1;
  if (c.summary.newUsers.length < 200) c.summary.newUsers.push({ row: rowNo, username, name: v.name });
  return null;
}

/** Imports one station row; returns a refusal reason or null. */
async function importStation(c: Ctx, v: Row, rowNo: number): Promise<string | null> {
  if (!v.name) return '联络站名称为空';
  if (v.name.length > 128) return '联络站名称超过 128 字';
  const long = tooLong({ address: v.address ?? '' });
  if (long) return long;
  const region = rowRegion(c, v.region ?? '', v.town ?? '');
  if (typeof region === 'string') return region;
  if (!region) return '所属区域为空';
  if (!coversRegion(c.actor, region.path)) return OUTSIDE_REGION;
  const kind = /点|point/i.test(v.kind ?? '') ? 'point' : 'station';
  const earlier = c.seen.get(v.name);
  if (earlier) return `与第 ${earlier} 行是同一个联络站（重复）`;
  c.seen.set(v.name, rowNo);
  const existing = c.dir.station(v.name);
  if (existing === 'ambiguous') return `联络站“${v.name}”与名录中多个联络站同名`;
  if (existing) {
    if (!coversRegion(c.actor, c.dir.regionById.get(existing.regionId)?.path ?? null)) return `已有的同名联络站${OUTSIDE_REGION}`;
    const patch = { kind, regionId: region.id, address: v.address || existing.address };
    if (existing.kind === patch.kind && existing.regionId === patch.regionId && existing.address === patch.address) c.summary.unchanged += 1;
    else {
      await existing.update(patch);
      c.summary.updated += 1;
    }
    return null;
  }
  c.dir.addStation(await StationModel.create({ name: v.name, kind, regionId: region.id, address: v.address ?? '' }));
  c.summary.created += 1;
  return null;
}

const run = useCase({
  name: 'users.import',
  input: Input,
  who: ({ actor }) => peopleManagerReason(actor),
  audit: { object: 'roster', after: (r: RosterImportSummary) => ({ id: r.kind, total: r.total, created: r.created, updated: r.updated, unchanged: r.unchanged, refused: r.refused }) },
  apply: async ({ actor, input }): Promise<Outcome<RosterImportSummary> | RosterImportSummary> => {
    const rows = await readImportRows(input.data, input.format, MAX_ROWS);
    if (typeof rows === 'string') return invalid(rows);
    const headers = Object.keys(rows[0].values);
    const kind = input.kind ?? detectKind(headers);
    if (!kind) return invalid(`看不出这是代表、承办单位工作人员还是联络站名单（现有列：${headers.join('、')}），请指明类型（deputies、staff 或 stations）`);
    const columns = pickColumns(headers, COLUMNS[kind] as Record<string, readonly string[]>);
    if (!columns.name) return invalid(`文件缺少“${kind === 'stations' ? '联络站名称' : '姓名'}”列（现有列：${headers.join('、')}）`);
    if (kind === 'deputies' && !columns.level) return invalid(`代表名单缺少“代表层级”列（现有列：${headers.join('、')}）`);
    if (kind === 'staff' && !columns.department) return invalid(`工作人员名单缺少“承办单位”列（现有列：${headers.join('、')}）`);
    if (kind === 'stations' && !columns.region && !columns.town) return invalid(`联络站名单缺少“所属区县”或“镇街”列（现有列：${headers.join('、')}）`);

    const c: Ctx = {
      actor,
      dir: await loadDirectory(),
      refusals: new Refusals(),
      usernames: new UsernameAllocator(),
      summary: { kind, total: rows.length, created: 0, updated: 0, unchanged: 0, refused: 0, reasons: [], newUsers: [] },
      seen: new Map(),
    };
    const people = kind === 'stations' ? null : await peopleIndex(kind === 'deputies' ? 'deputy' : 'staff');
    for (const [i, { row, values }] of rows.entries()) {
      const v: Row = {};
      for (const [k, header] of Object.entries(columns)) v[k] = header ? (values[header] ?? '').trim() : '';
      const refused = people ? await importPerson(c, kind as 'deputies' | 'staff', v, row, people) : await importStation(c, v, row);
      if (refused) c.refusals.add(refused, row);
      if ((i + 1) % 50 === 0 || i + 1 === rows.length) input.onProgress?.(i + 1, rows.length);
    }
    c.summary.refused = c.refusals.count;
    c.summary.reasons = c.refusals.summary();
    return c.summary;
  },
});

/** Imports a roster file (deputies, staff or stations) for `actor`. */
export function importRoster(ctx: CoreContext, actor: Actor, input: RosterImportInput): Promise<Outcome<RosterImportSummary>> {
  if (input.kind !== undefined && !(ROSTER_KINDS as readonly string[]).includes(input.kind)) return Promise.resolve(invalid('名单类型只能是 deputies、staff 或 stations'));
  return run(ctx, actor, 0, input);
}
