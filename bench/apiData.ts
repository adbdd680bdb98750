/**
 * The province-sized data set of `npm run bench:api`: the demo city's regions and departments (through the
 * product's own migrations and taxonomy seed), then people and suggestions written with multi-row INSERTs —
 * 100,000 deputies (6,007 of them in the city delegation), staff, offices, citizens, and N suggestions with
 * their assignments, timeline events, answers, ratings and the job marks a running system would have left
 * (urges, orders and deadline warnings already sent before the generation day). Deterministic (seeded).
 */
import type { Sequelize } from 'sequelize';
import { openDatabase, migrate, type Database } from '../models/db';
import { seedTaxonomy } from '../models/seed';
import { addMonths, addWorkingDays, chinaDate, workingDaysLeft } from '../core/calendar/workdays';

/** Bump when the generated shape changes: a database of another version is generated again. */
export const DATA_VERSION = 'v3';
export const DEPUTIES = 100_000;
export const CITY_DEPUTIES = 6_007;
export const CITY_DELEGATION = '市代表团';
export const STAFF_PER_DEPARTMENT = 3;
const CITIZENS = 20_000;
const BATCH = 2_000;

/** Ids the benchmark needs to act as each kind of user. */
export interface BenchPeople {
  cityOfficeId: number;
  districtOffices: { id: number; regionCode: string }[];
  staff: { id: number; departmentId: number }[];
  systemId: number;
  today: string;
  suggestions: number;
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Cell = string | number | boolean | Date | null;

function pad(n: number, w = 2) {
  return String(n).padStart(w, '0');
}

/**
 * Writes rows with one multi-row INSERT per chunk on a raw driver connection (Sequelize scans every statement's
 * text, which costs more than the insert at this size), in the date format Sequelize itself stores for the dialect.
 */
export class BulkWriter {
  private conn: unknown = null;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly kind: 'sqlite' | 'mysql',
  ) {}

  private lit(v: Cell): string {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number') return String(v);
    if (typeof v === 'boolean') return v ? '1' : '0';
    if (v instanceof Date) {
      const s = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
      return this.kind === 'sqlite' ? `'${s}.${pad(v.getUTCMilliseconds(), 3)} +00:00'` : `'${s}'`;
    }
    return v.includes("'") ? `'${v.replace(/'/g, "''")}'` : `'${v}'`;
  }

  /** Runs one statement on the writer's own connection. */
  async exec(sql: string): Promise<void> {
    if (!this.conn) this.conn = await this.sequelize.connectionManager.getConnection({ type: 'write' } as never);
    const c = this.conn as { exec?: (s: string, cb: (e: Error | null) => void) => void; query: (s: string, cb: (e: Error | null) => void) => void };
    await new Promise<void>((res, rej) => (this.kind === 'sqlite' ? c.exec!.bind(c) : c.query.bind(c))(sql, (e) => (e ? rej(e) : res())));
  }

  /** Hands the connection back. */
  async release(): Promise<void> {
    if (this.conn) await this.sequelize.connectionManager.releaseConnection(this.conn as never);
    this.conn = null;
  }

  /** Runs `fn`'s inserts in one transaction. */
  async tx(fn: () => Promise<void>): Promise<void> {
    await this.exec('BEGIN');
    await fn();
    await this.exec('COMMIT');
  }

  /** Inserts `rows` (arrays in the order of `cols`) into `table`. */
  async insert(table: string, cols: string[], rows: Cell[][]): Promise<void> {
    // SQLite caps a statement's size; MySQL its packet (16 MB here).
    const per = this.kind === 'sqlite' ? 500 : 2_000;
    const q = this.kind === 'mysql' ? '`' : '"';
    const head = `INSERT INTO ${q}${table}${q} (${cols.map((c) => `${q}${c}${q}`).join(',')}) VALUES `;
    for (let i = 0; i < rows.length; i += per) {
      const values = rows.slice(i, i + per).map((r) => `(${r.map((v) => this.lit(v)).join(',')})`);
      await this.exec(head + values.join(','));
    }
  }
}

const TITLE_SUBJECTS = ['老旧小区加装电梯', '农村道路硬化', '中小学课后服务', '社区养老服务站', '公交线路优化', '河道综合治理', '农贸市场改造', '停车难问题', '医保异地结算', '校园周边交通安全', '雨污分流改造', '乡村振兴产业', '夜间噪声扰民', '垃圾分类设施', '口袋公园建设', '背街小巷照明'];
const BODY_PARTS = [
  '群众反映该问题已持续多年，影响日常出行和生活，',
  '经实地走访调研，周边居民意见比较集中，',
  '建议相关部门统筹资金，制定分年度实施计划，',
  '同时加强日常巡查和长效管护，明确责任主体，',
  '并及时向社会公开进展情况，接受群众监督。',
  '部分路段存在安全隐患，雨季尤为突出，',
  '希望尽快协调解决，切实回应群众关切。',
];

/** Opens (generating when missing or of another version) the bench database at `url` with `n` suggestions. */
export async function ensureBenchData(url: string, n: number, log: (s: string) => void): Promise<{ db: Database; people: BenchPeople; generatedMs: number | null }> {
  let db = await openDatabase(url);
  const done = await readMeta(db);
  if (done && done.version === DATA_VERSION && done.suggestions === n) {
    log(`  reusing the generated database (${DATA_VERSION}, ${n.toLocaleString('en')} suggestions, generated for ${done.today})`);
    return { db, people: done, generatedMs: null };
  }
  await db.close();
  db = await freshDatabase(url);
  const t0 = performance.now();
  const people = await generate(db, n, log);
  await db.sequelize.query(`CREATE TABLE bench_meta (v TEXT)`);
  await db.sequelize.query(`INSERT INTO bench_meta (v) VALUES (${db.sequelize.escape(JSON.stringify({ ...people, version: DATA_VERSION }))})`);
  return { db, people, generatedMs: performance.now() - t0 };
}

async function readMeta(db: Database): Promise<(BenchPeople & { version: string }) | null> {
  try {
    const [rows] = await db.sequelize.query('SELECT v FROM bench_meta');
    const v = (rows as { v: string }[])[0]?.v;
    return v ? JSON.parse(v) : null;
  } catch {
    return null;
  }
}

async function freshDatabase(url: string): Promise<Database> {
  if (url.startsWith('mysql://')) {
    const u = new URL(url);
    const name = u.pathname.slice(1);
    if (!/^lvzhi_bench_[a-z0-9_]+$/.test(name)) throw new Error(`bench databases are named lvzhi_bench_*: ${name}`);
    const admin = new URL(url);
    admin.pathname = '/mysql';
    const a = await openDatabase(admin.toString());
    await a.sequelize.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await a.sequelize.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await a.close();
  } else {
    const fs = await import('node:fs');
    const file = url.slice('sqlite:'.length);
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
  }
  const db = await openDatabase(url);
  await migrate(db);
  return db;
}

async function generate(db: Database, n: number, log: (s: string) => void): Promise<BenchPeople> {
  const w = new BulkWriter(db.sequelize, db.kind);
  const rand = rng(20261130);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const now = new Date();
  const today = chinaDate(now);
  const tax = await seedTaxonomy(db);
  const towns = tax.towns;
  const districts = [...new Map(towns.map((t) => [t.district.id, t.district])).values()];
  const depts = tax.departments;
  log(`  taxonomy: ${towns.length} towns, ${districts.length} districts, ${depts.length} departments`);

  // Stations: one per town.
  await w.insert('stations', ['id', 'name', 'kind', 'regionId', 'address', 'active', 'createdAt', 'updatedAt'], towns.map((t, i) => [i + 1, `${t.district.name}${t.town.name}人大代表联络站`, 'station', t.town.id, `${t.town.name}便民服务中心`, true, now, now]));

  // People. Ids are fixed so that the benchmark knows whom it acts as.
  const userCols = ['id', 'username', 'passwordHash', 'role', 'name', 'regionId', 'departmentId', 'stationId', 'wechatOpenid', 'active', 'system', 'createdAt', 'updatedAt'];
  const users: Cell[][] = [];
  const cityOfficeId = 1;
  users.push([cityOfficeId, 'office', null, 'office', '市人大常委会选联工委', tax.city.id, null, null, null, true, false, now, now]);
  const districtOffices = districts.map((d, i) => ({ id: 2 + i, regionCode: d.code }));
  for (const [i, d] of districts.entries()) users.push([2 + i, `office-${d.code}`, null, 'office', `${d.name}人大常委会工作人员`, d.id, null, null, null, true, false, now, now]);
  const systemId = 100;
  users.push([systemId, 'system', null, 'admin', '系统自动督办', null, null, null, null, true, true, now, now]);
  const staff: BenchPeople['staff'] = [];
  let id = 101;
  for (const d of depts) {
    for (let k = 0; k < STAFF_PER_DEPARTMENT; k++) {
      staff.push({ id, departmentId: d.id });
      users.push([id, `staff-${d.code}-${k + 1}`, null, 'staff', `${d.name}承办员${k + 1}`, tax.city.id, d.id, null, null, true, false, now, now]);
      id += 1;
    }
  }
  const deputyBase = 1_001;
  const citizenBase = deputyBase + DEPUTIES;
  const deputyCols = ['userId', 'name', 'gender', 'ethnicity', 'birthYear', 'party', 'education', 'level', 'delegation', 'electoralUnit', 'occupation', 'workUnit', 'post', 'phone', 'stationId', 'regionId', 'term', 'createdAt', 'updatedAt'];
  const deputies: Cell[][] = [];
  const levels = ['national', 'provincial', 'city', 'county', 'township'];
  for (let i = 0; i < DEPUTIES; i++) {
    const uid = deputyBase + i;
    const ti = i % towns.length;
    const t = towns[ti];
    const name = `代表${pad(i + 1, 6)}`;
    users.push([uid, `deputy-${i + 1}`, null, 'deputy', name, t.town.id, null, ti + 1, null, true, false, now, now]);
    const city = i < CITY_DEPUTIES;
    deputies.push([uid, name, i % 2 ? '女' : '男', '汉族', 1960 + (i % 35), '中共党员', '大学本科', city ? levels[i % 3] : levels[3 + (i % 2)], city ? CITY_DELEGATION : `${t.district.name}代表团`, t.town.name, '企业职工', '某单位', '职员', null, ti + 1, t.town.id, '第十八届', now, now]);
  }
  for (let i = 0; i < CITIZENS; i++) users.push([citizenBase + i, `citizen-${i + 1}`, null, 'citizen', `群众${i + 1}`, towns[i % towns.length].town.id, null, null, null, true, false, now, now]);
  await w.tx(() => w.insert('users', userCols, users));
  await w.tx(() => w.insert('deputies', deputyCols, deputies));
  log(`  people: ${users.length.toLocaleString('en')} users, ${deputies.length.toLocaleString('en')} deputies`);

  const sCols = ['id', 'title', 'body', 'source', 'state', 'authorUserId', 'deputyUserId', 'citizenUserId', 'addressedDeputyUserId', 'addressedStationId', 'regionId', 'leadDepartmentId', 'round', 'routing', 'routingNeedsReview', 'rejectReason', 'submittedAt', 'assignedAt', 'assignedOn', 'returnDueOn', 'coOpinionDueOn', 'answerDueOn', 'redoDueOn', 'answeredAt', 'closedAt', 'createdAt', 'updatedAt'];
  const aCols = ['suggestionId', 'departmentId', 'role', 'active', 'assignedAt', 'signedAt', 'returnedAt', 'returnReason', 'opinion', 'opinionAt'];
  const eCols = ['suggestionId', 'actorUserId', 'actorName', 'actorRole', 'action', 'fromState', 'toState', 'note', 'data', 'createdAt'];
  const ansCols = ['suggestionId', 'departmentId', 'authorUserId', 'round', 'answerClass', 'text', 'state', 'publishedAt', 'createdAt', 'updatedAt'];
  const rCols = ['suggestionId', 'userId', 'raterRole', 'round', 'rating', 'comment', 'createdAt'];
  const mCols = ['key', 'job', 'createdAt'];
  const DAY = 86_400_000;
  const at = (day: string, hour: number) => new Date(Date.parse(`${day}T00:00:00+08:00`) + hour * 3_600_000);
  const dayOf = (d: Date) => chinaDate(d);
  const memo = new Map<string, string>();
  const cached = (k: string, f: () => string) => memo.get(k) ?? (memo.set(k, f()), memo.get(k)!);
  const wdl = new Map<string, number>();
  let counts = { events: 0, assignments: 0, answers: 0, ratings: 0, marks: 0, open: 0, overdue: 0 };
  const t0 = performance.now();
  for (let from = 1; from <= n; from += BATCH) {
    const S: Cell[][] = [];
    const A: Cell[][] = [];
    const E: Cell[][] = [];
    const ANS: Cell[][] = [];
    const R: Cell[][] = [];
    const M: Cell[][] = [];
    for (let sid = from; sid < Math.min(from + BATCH, n + 1); sid++) {
      const r = rand();
      const state = r < 0.68 ? 'closed' : r < 0.72 ? 'answered' : r < 0.88 ? 'handling' : r < 0.96 ? 'assigned' : r < 0.975 ? 'accepted' : r < 0.99 ? 'submitted' : 'referenced';
      const open = state === 'handling' || state === 'assigned';
      const dUser = deputyBase + Math.floor(rand() * DEPUTIES);
      const ti = (dUser - deputyBase) % towns.length;
      const citizen = rand() < 0.1;
      const cUser = citizen ? citizenBase + Math.floor(rand() * CITIZENS) : null;
      const lead = pick(depts);
      const co = rand() < 0.25 ? pick(depts.filter((d) => d.id !== lead.id)) : null;
      // Open ones were assigned within the last 150 days; the rest over the last three years.
      const ageDays = open ? 2 + Math.floor(rand() * 150) : state === 'submitted' || state === 'accepted' ? Math.floor(rand() * 10) : 120 + Math.floor(rand() * 900);
      const submittedAt = new Date(now.getTime() - (ageDays + 3) * DAY - Math.floor(rand() * DAY));
      const subject = pick(TITLE_SUBJECTS);
      const title = `关于${towns[ti].district.name}${towns[ti].town.name}${subject}的建议（${sid}）`;
      const body = Array.from({ length: 5 }, () => pick(BODY_PARTS)).join('') + `编号${sid}。`;
      const assigned = !['submitted', 'accepted', 'referenced'].includes(state);
      const assignedAt = assigned ? new Date(submittedAt.getTime() + 3 * DAY) : null;
      const assignedOn = assignedAt ? dayOf(assignedAt) : null;
      const returnDueOn = assignedOn ? cached(`r${assignedOn}`, () => addWorkingDays(assignedOn, 7)) : null;
      const coDue = assignedOn && co ? cached(`c${assignedOn}`, () => addMonths(assignedOn, 1)) : null;
      const answerDueOn = assignedOn ? cached(`a${assignedOn}`, () => addMonths(assignedOn, 3)) : null;
      const answeredAt = state === 'answered' || state === 'closed' ? new Date(assignedAt!.getTime() + (20 + Math.floor(rand() * 70)) * DAY) : null;
      const closedAt = state === 'closed' ? new Date(answeredAt!.getTime() + 5 * DAY) : null;
      const regionId = towns[ti].town.id;
      let updatedAt = closedAt ?? answeredAt ?? assignedAt ?? submittedAt;
      const deputyName = `代表${pad(dUser - deputyBase + 1, 6)}`;
      const ev = (actorId: number, name: string, role: string, action: string, fromS: string | null, toS: string | null, when: Date, note: string | null = null) =>
        E.push([sid, actorId, name, role, action, fromS, toS, note, null, when]);
      ev(cUser ?? dUser, cUser ? '群众' : deputyName, cUser ? 'citizen' : 'deputy', 'submit', 'draft', 'submitted', submittedAt);
      if (state !== 'submitted') ev(cityOfficeId, '市人大常委会选联工委', 'office', state === 'referenced' ? 'reject' : 'accept', 'submitted', state === 'referenced' ? 'referenced' : 'accepted', new Date(submittedAt.getTime() + DAY));
      const staffOf = (d: number) => staff.find((s) => s.departmentId === d)!.id;
      if (assigned) {
        ev(cityOfficeId, '市人大常委会选联工委', 'office', 'assign', 'accepted', 'assigned', assignedAt!);
        const signedAt = state === 'assigned' ? null : new Date(assignedAt!.getTime() + DAY);
        A.push([sid, lead.id, 'lead', true, assignedAt, signedAt, null, null, null, null]);
        if (co) {
          const opinionDone = coDue! < today && rand() < 0.9;
          const opinionAt = opinionDone ? at(coDue!, -30) : null;
          A.push([sid, co.id, 'co', true, assignedAt, signedAt, null, null, opinionDone ? '我单位同意主办单位意见，将积极配合。' : null, opinionAt]);
        }
        if (signedAt) ev(staffOf(lead.id), `${lead.name}承办员1`, 'staff', 'sign', 'assigned', 'handling', signedAt);
        if (answeredAt) {
          ANS.push([sid, lead.id, staffOf(lead.id), 1, pick(['A', 'A', 'B', 'C', 'D']), '经研究，我单位已将该事项列入年度工作计划，并会同属地政府推进实施。', 'published', answeredAt, answeredAt, answeredAt]);
          ev(staffOf(lead.id), `${lead.name}承办员1`, 'staff', 'answer', 'handling', 'answered', answeredAt);
        }
        if (closedAt) {
          R.push([sid, dUser, 'deputy', 1, pick(['satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied']), null, closedAt]);
          ev(dUser, deputyName, 'deputy', 'rate', 'answered', 'closed', closedAt);
        }
        if (open) {
          counts.open += 1;
          // What the sweeps already did before today: urges and orders of overdue ones, deadline warnings.
          if (answerDueOn! < today) {
            counts.overdue += 1;
            const urgeOn = cached(`u${answerDueOn}`, () => addWorkingDays(answerDueOn!, 1));
            const orderOn = cached(`o${urgeOn}`, () => addWorkingDays(urgeOn, 5));
            for (const [step, on] of [['urge', urgeOn], ['order', orderOn]] as const) {
              if (on >= today) continue;
              M.push([`${step}:${sid}:1:${answerDueOn}`, 'overdue', at(on, 1)]);
              ev(systemId, '系统自动督办', 'admin', step, state, state, at(on, 1), step === 'urge' ? `已超过答复期限 ${answerDueOn}，请抓紧办理并答复代表。` : '催办后仍未答复，责令限期答复。');
              if (at(on, 1) > updatedAt) updatedAt = at(on, 1);
            }
          } else {
            const key = `${answerDueOn}`;
            const left = wdl.get(key) ?? (wdl.set(key, workingDaysLeft(today, answerDueOn!)), wdl.get(key)!);
            // The warnings of the levels already passed were sent on earlier days (today's is the sweep's).
            for (const level of [7, 3, 1]) if (left < level) M.push([`warning:${sid}:1:${answerDueOn}:${level}`, 'deadline-warnings', at(today, -20)]);
          }
        }
      }
      S.push([sid, title, body, cUser ? 'citizen' : 'deputy', state, cUser ?? dUser, dUser, cUser, cUser ? dUser : null, null, regionId, assigned ? lead.id : null, 1, null, assigned ? false : state === 'referenced' ? null : true, state === 'referenced' ? '不属于代表建议范围' : null, submittedAt, assignedAt, assignedOn, returnDueOn, coDue, answerDueOn, null, answeredAt, closedAt, submittedAt, updatedAt]);
    }
    await w.tx(async () => {
      await w.insert('suggestions', sCols, S);
      await w.insert('suggestion_assignments', aCols, A);
      await w.insert('suggestion_events', eCols, E);
      await w.insert('answers', ansCols, ANS);
      await w.insert('ratings', rCols, R);
      await w.insert('job_marks', mCols, M);
    });
    counts = { ...counts, events: counts.events + E.length, assignments: counts.assignments + A.length, answers: counts.answers + ANS.length, ratings: counts.ratings + R.length, marks: counts.marks + M.length };
    const done = Math.min(from + BATCH - 1, n);
    if (done % 100_000 < BATCH || done === n) log(`  ${done.toLocaleString('en')} suggestions (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  log(`  ${counts.events.toLocaleString('en')} events, ${counts.assignments.toLocaleString('en')} assignments, ${counts.answers.toLocaleString('en')} answers, ${counts.ratings.toLocaleString('en')} ratings, ${counts.open.toLocaleString('en')} open (${counts.overdue.toLocaleString('en')} overdue), ${counts.marks.toLocaleString('en')} job marks`);
  await w.release();
  if (db.kind === 'mysql') await db.sequelize.query('ANALYZE TABLE suggestions, suggestion_assignments, suggestion_events, answers, ratings, users, deputies');
  else await db.sequelize.query('ANALYZE');
  return { cityOfficeId, districtOffices, staff, systemId, today, suggestions: n };
}

/**
 * Removes what jobs ticks wrote since the start of the generation day (Beijing time): their once-marks, the system's
 * timeline events and the reminders' inbox and outbox rows. The generated marks and events all lie before that
 * instant, so every run's tick starts from the same state and does the same work. Given a URL, it opens (and closes)
 * a connection of its own.
 */
export async function undoEarlierTicks(target: string | Database, people: BenchPeople): Promise<string> {
  const db = typeof target === 'string' ? await openDatabase(target) : target;
  try {
    const since = new Date(Date.parse(`${people.today}T00:00:00+08:00`));
    const q = db.sequelize;
    const del = async (sql: string) => {
      const [r] = (await q.query(sql, { replacements: { since, system: people.systemId } })) as [unknown, unknown];
      return db.kind === 'mysql' ? Number((r as { affectedRows?: number }).affectedRows ?? 0) : Number(((await q.query('SELECT changes() AS n'))[0] as { n: number }[])[0].n);
    };
    const outbox = await del(`DELETE FROM outbox WHERE notificationId IN (SELECT id FROM notifications WHERE refType = 'suggestion' AND createdAt >= :since)`);
    const inbox = await del(`DELETE FROM notifications WHERE refType = 'suggestion' AND createdAt >= :since`);
    const events = await del(`DELETE FROM suggestion_events WHERE actorUserId = :system AND createdAt >= :since`);
    const marks = await del(`DELETE FROM job_marks WHERE createdAt >= :since`);
    return marks + events + inbox + outbox ? `${marks} marks, ${events} events, ${inbox} inbox and ${outbox} outbox rows` : '';
  } finally {
    if (typeof target === 'string') await db.close();
  }
}
