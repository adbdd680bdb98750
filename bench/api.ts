/**
 * `npm run bench:api`: the API at a province's volume, beside a bare Koa baseline answering the same URLs.
 *
 * Generates (once; reused while DATA_VERSION is the same) 1,000,000 suggestions with their events, assignments,
 * answers and ratings, 100,000 deputies (6,007 in the city delegation) on MariaDB, and 100,000 suggestions on
 * SQLite; starts the real API as `npm start` does with NODE_ENV=production, and the baseline (bench/apiBaseline.ts);
 * measures the staff task list, the office's overdue list, the district office's list by region, the detail and
 * the dashboard — req/s, p50, p99 at 1, 20 and 100 concurrent clients and the API's peak RSS; a notice to the
 * 6,007 city deputies and to all 100,000 (time to answer); one jobs tick over everything (time, peak RSS).
 * Prints a table. Figures only: nothing here asserts a time.
 *
 *   npm run bench:api [-- --db=mysql|sqlite|both] [--seconds=8] [--clients=1,20,100] [--skip=dashboard,notices,jobs,baseline] [--only=detail,region]
 *
 * Env: BENCH_CPU_PROFILE=<dir> writes each process's V8 CPU profile there; BENCH_MYSQL_URL (default mysql://lvzhi:lvzhi@127.0.0.1:33306), BENCH_DIR for the SQLite file (default
 * $TMPDIR/lvzhi-bench), BENCH_MYSQL_SUGGESTIONS / BENCH_SQLITE_SUGGESTIONS to change the sizes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import mysql from 'mysql2/promise';
import { migrate, type Database } from '../models/db';
import { CITY_DELEGATION, DATA_VERSION, ensureBenchData, undoEarlierTicks, type BenchPeople } from './apiData';

const ROOT = path.resolve(__dirname, '..');
const SECRET = 'bench-api-secret-not-a-demo-secret-0123456789';
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const SECONDS = Number(args.seconds ?? 8);
const CLIENTS = (args.clients ?? '1,20,100').split(',').map(Number);
const SKIP = new Set((args.skip ?? '').split(',').filter(Boolean));
/** `--only=detail,region`: the scenarios whose name contains one of these words (all by default). */
const ONLY = (args.only ?? '').split(',').filter(Boolean);
/** The dashboard of an old build loads every row into Node: its client counts can be limited (e.g. 1) to keep the shared machine alive. */
const DASHBOARD_CLIENTS = args['dashboard-clients'] ? args['dashboard-clients'].split(',').map(Number) : CLIENTS;
const JOBS_TIMEOUT_S = Number(args['jobs-timeout'] ?? 600);
const log = (s: string) => process.stdout.write(`${s}\n`);

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  n: number;
}

function pct(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

const agentFor = (clients: number) => new http.Agent({ keepAlive: true, maxSockets: clients });

function request(agent: http.Agent, port: number, method: string, urlPath: string, token: string, body?: unknown, timeoutMs = 120_000): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      { host: '127.0.0.1', port, path: urlPath, method, agent, headers: { authorization: `Bearer ${token}`, ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}) }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => resolve({ status: 0, text: '' }));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, text: '' }));
    req.end(data);
  });
}

/** `clients` loops, each sending the next request as soon as the previous one is answered, for `seconds`. */
async function load(port: number, clients: number, seconds: number, next: () => { path: string; token: string }): Promise<Figures> {
  const agent = agentFor(clients);
  const lat: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const r = next();
        const s = performance.now();
        const res = await request(agent, port, 'GET', r.path, r.token);
        lat.push(performance.now() - s);
        if (res.status !== 200) errors += 1;
      }
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  return { rps: lat.length / wall, p50: pct(lat, 50), p99: pct(lat, 99), errors, n: lat.length };
}

function token(id: number) {
  return jwt.sign({ role: 'x' }, SECRET, { subject: String(id), expiresIn: '1d', issuer: 'lvzhi' });
}

/** Peak resident memory of a process (and its children) while `fn` runs, in MB. */
async function peakRss<T>(pid: number | undefined, fn: () => Promise<T>): Promise<[T, number]> {
  let peak = 0;
  const sample = () => {
    if (!pid) return;
    peak = Math.max(peak, treeRss(pid));
  };
  sample();
  const timer = setInterval(sample, 200);
  try {
    const r = await fn();
    sample();
    return [r, peak];
  } finally {
    clearInterval(timer);
  }
}

function treeRss(pid: number): number {
  let kb = 0;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    for (const c of children) kb += treeRss(c) * 1024;
  } catch {
    /* gone */
  }
  return kb / 1024;
}

async function waitHttp(port: number, child: ChildProcess, ms: number, pathName = '/api/health') {
  const end = Date.now() + ms;
  const agent = agentFor(1);
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode})`);
    const r = await request(agent, port, 'GET', pathName, '', undefined, 2000);
    if (r.status > 0 && r.status < 500) return;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error(`no answer on :${port}`);
}

function startProcess(script: string, env: Record<string, string>, tag: string): ChildProcess {
  // BENCH_CPU_PROFILE=<dir>: each thread of each process writes a V8 CPU profile there when it stops (Node's own names,
  // which tell processes and threads apart; the loader's thread writes one too).
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err = (err + String(d)).slice(-4000)));
  child.stdout!.resume();
  child.on('exit', (code, signal) => {
    if (code && code !== 0) log(`  [${tag}] exited ${code ?? signal}: ${err.split('\n').slice(-6).join(' | ')}`);
  });
  return child;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode) return;
  const gone = new Promise((res) => child.once('exit', res));
  child.kill('SIGTERM');
  await Promise.race([gone, new Promise((res) => setTimeout(res, 10_000))]);
  if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
}

/** Kills the statements still running on the MySQL server of `url` for other connections of the same user. */
async function stopLeftoverQueries(url: string): Promise<string> {
  const conn = await mysql.createConnection({ uri: url });
  try {
    const [running] = (await conn.query("SELECT ID AS id FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query' AND ID <> CONNECTION_ID() AND USER = SUBSTRING_INDEX(USER(), '@', 1)")) as unknown as [{ id: number }[]];
    for (const r of running) await conn.query(`KILL QUERY ${Number(r.id)}`).catch(() => undefined);
    return `stopped ${running.length} statement(s) the baseline left running`;
  } finally {
    await conn.end();
  }
}

/** The indexes the baseline needs; created under bench_* names only where no index of the product starts with the same columns. */
const BASELINE_INDEXES: [string, string[]][] = [
  ['suggestions', ['updatedAt', 'id']],
  ['suggestions', ['state', 'answerDueOn']],
  ['suggestions', ['regionId', 'state']],
  ['suggestion_assignments', ['suggestionId', 'departmentId']],
  ['suggestion_assignments', ['departmentId', 'suggestionId']],
];

async function indexes(db: Database, table: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (db.kind === 'mysql') {
    const [rows] = await db.sequelize.query(`SELECT INDEX_NAME AS name, COLUMN_NAME AS col FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = '${table}' ORDER BY INDEX_NAME, SEQ_IN_INDEX`);
    for (const r of rows as { name: string; col: string }[]) out.set(r.name, [...(out.get(r.name) ?? []), r.col]);
  } else {
    const [list] = await db.sequelize.query(`PRAGMA index_list('${table}')`);
    for (const { name } of list as { name: string }[]) {
      const [cols] = await db.sequelize.query(`PRAGMA index_info('${name}')`);
      out.set(name, (cols as { name: string }[]).map((c) => c.name));
    }
  }
  return out;
}

async function ensureBaselineIndexes(db: Database): Promise<string[]> {
  const notes: string[] = [];
  for (const [table, cols] of BASELINE_INDEXES) {
    const name = `bench_${table}_${cols.join('_')}`;
    const have = await indexes(db, table);
    const covered = [...have.entries()].some(([n, c]) => !n.startsWith('bench_') && cols.every((col, i) => c[i] === col));
    if (covered && have.has(name)) {
      await db.sequelize.query(db.kind === 'mysql' ? `DROP INDEX \`${name}\` ON \`${table}\`` : `DROP INDEX "${name}"`);
      notes.push(`dropped ${name} (the product has it)`);
    } else if (!covered && !have.has(name)) {
      const t0 = performance.now();
      await db.sequelize.query(`CREATE INDEX ${name} ON ${table} (${cols.join(', ')})`);
      notes.push(`created ${name} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
  return notes;
}

interface Scenario {
  name: string;
  next: () => { path: string; token: string };
}

function scenarios(p: BenchPeople, n: number): Scenario[] {
  let i = 0;
  const at = <T>(xs: T[]) => xs[i++ % xs.length];
  const office = token(p.cityOfficeId);
  return [
    { name: 'staff task list', next: () => ({ path: '/api/suggestions?pageSize=20', token: token(at(p.staff).id) }) },
    { name: 'overdue (city office)', next: () => ({ path: '/api/suggestions?overdue=true&pageSize=20', token: office }) },
    {
      name: 'region list (district office)',
      next: () => {
        const d = at(p.districtOffices);
        return { path: `/api/suggestions?region=${d.regionCode}&pageSize=20`, token: token(d.id) };
      },
    },
    { name: 'detail (city office)', next: () => ({ path: `/api/suggestions/${1 + Math.floor(Math.random() * n)}`, token: office }) },
    { name: 'dashboard (city office)', next: () => ({ path: '/api/stats/suggestions', token: office }) },
  ];
}

interface Result {
  db: string;
  scenario: string;
  server: string;
  clients: number;
  f: Figures;
  rssMb?: number;
}

async function benchDatabase(kind: 'mysql' | 'sqlite', url: string, n: number, port: number, results: Result[], extras: string[]) {
  log(`\n== ${kind}: ${n.toLocaleString('en')} suggestions (${url.replace(/\/\/[^@]*@/, '//')})`);
  const t0 = performance.now();
  const { db, people, generatedMs } = await ensureBenchData(url, n, log);
  if (generatedMs !== null) extras.push(`${kind}: generated ${n.toLocaleString('en')} suggestions in ${(generatedMs / 1000).toFixed(0)} s`);
  // The product's migrations (the API would run them at start; run here so that index builds are not timed).
  const m0 = performance.now();
  await migrate(db);
  const mMs = performance.now() - m0;
  if (mMs > 2000) extras.push(`${kind}: migrations on the generated data took ${(mMs / 1000).toFixed(0)} s`);
  for (const note of await ensureBaselineIndexes(db)) log(`  ${note}`);
  const sc = scenarios(people, n).filter((s) => !(SKIP.has('dashboard') && s.name.startsWith('dashboard')) && (!ONLY.length || ONLY.some((w) => s.name.includes(w))));
  const dashboard = sc.some((s) => s.name.startsWith('dashboard'));
  await db.close();
  log(`  ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const env = { DATABASE_URL: url, JWT_SECRET: SECRET, PORT: String(port), NODE_ENV: 'production', JOBS: 'off', APP_BUILD: 'off', LOG_LEVEL: 'warn' };

  if (!SKIP.has('baseline')) {
    const base = startProcess('bench/apiBaseline.ts', env, 'baseline');
    await waitHttp(port, base, 60_000, '/');
    for (const s of sc) {
      for (const c of s.name.startsWith('dashboard') ? DASHBOARD_CLIENTS : CLIENTS) {
        await load(port, c, 1, s.next); // warm-up
        const f = await load(port, c, SECONDS, s.next);
        results.push({ db: kind, scenario: s.name, server: 'baseline', clients: c, f });
        log(`  baseline ${s.name.padEnd(30)} ${String(c).padStart(3)} clients  ${f.rps.toFixed(1).padStart(7)} req/s  p50 ${f.p50.toFixed(0).padStart(6)} ms  p99 ${f.p99.toFixed(0).padStart(6)} ms${f.errors ? `  ${f.errors} errors` : ''}`);
      }
    }
    await stop(base);
    // MySQL runs a statement to its end after its client went away (the baseline's dashboard GROUP BYs that timed
    // out run for minutes more): they are stopped, so that the product is measured on an idle database.
    if (kind === 'mysql') log(`  ${await stopLeftoverQueries(url)}`);
  }

  // `--only=jobs --skip=notices` (no scenario and no notice): the API is not started at all.
  const apiNeeded = sc.length > 0 || !SKIP.has('notices');
  let api = apiNeeded ? startProcess('api/server.ts', env, 'api') : null!;
  const a0 = performance.now();
  if (apiNeeded) {
    await waitHttp(port, api, 900_000);
    extras.push(`${kind}: the API started in ${((performance.now() - a0) / 1000).toFixed(1)} s`);
  }
  if (dashboard) {
    // The first dashboards of a fresh API process (nothing cached): the city's, a period's, a district's.
    for (const v of dashboardVariants(people)) {
      extras.push(`${kind}: dashboard, first request of a fresh API, ${v.label}: ${await firstDashboard(port, api, v.token, v.path, 1)}`);
      log(`  ${extras[extras.length - 1]}`);
    }
  }
  for (const s of sc) {
    for (const c of s.name.startsWith('dashboard') ? DASHBOARD_CLIENTS : CLIENTS) {
      if (api.exitCode !== null || api.signalCode) {
        log(`  the API died; starting it again`);
        api = startProcess('api/server.ts', env, 'api');
        await waitHttp(port, api, 900_000);
      }
      await load(port, c, 1, s.next);
      const [f, rss] = await peakRss(api.pid, () => load(port, c, SECONDS, s.next));
      const died = api.exitCode !== null || api.signalCode !== null;
      results.push({ db: kind, scenario: s.name, server: died ? 'product (DIED)' : 'product', clients: c, f, rssMb: rss });
      log(`  product  ${s.name.padEnd(30)} ${String(c).padStart(3)} clients  ${f.rps.toFixed(1).padStart(7)} req/s  p50 ${f.p50.toFixed(0).padStart(6)} ms  p99 ${f.p99.toFixed(0).padStart(6)} ms  RSS ${rss.toFixed(0)} MB${f.errors ? `  ${f.errors} errors` : ''}${died ? '  DIED' : ''}`);
    }
  }

  if (dashboard) {
    const r = await dashboardAfterChanges(port, api, people);
    extras.push(`${kind}: ${r}`);
    log(`  ${extras[extras.length - 1]}`);
    // A fresh API process again (as a restart, or one more behind a load balancer): 20 office users at once.
    await stop(api);
    api = startProcess('api/server.ts', env, 'api');
    await waitHttp(port, api, 900_000);
    extras.push(`${kind}: dashboard, 20 office users at once on a fresh API: ${await firstDashboard(port, api, token(people.cityOfficeId), '/api/stats/suggestions', 20)}`);
    log(`  ${extras[extras.length - 1]}`);
  }

  if (!SKIP.has('notices')) {
    const agent = agentFor(1);
    for (const [label, audience] of [
      [`notice to the city delegation`, { delegations: [CITY_DELEGATION] }],
      ['notice to every deputy', { all: true }],
    ] as const) {
      const s0 = performance.now();
      const [r, rss] = await peakRss(api.pid, () => request(agent, port, 'POST', '/api/notices', token(people.cityOfficeId), { title: `基准测试通知 ${new Date().toISOString()}`, body: '请各位代表按时参加会议。', audience }, 600_000));
      const ms = performance.now() - s0;
      const recipients = r.status === 201 ? (JSON.parse(r.text) as { recipients: number }).recipients : 0;
      extras.push(`${kind}: ${label}: ${recipients.toLocaleString('en')} recipients answered in ${(ms / 1000).toFixed(2)} s (HTTP ${r.status}), API peak RSS ${rss.toFixed(0)} MB`);
      log(`  ${extras[extras.length - 1]}`);
    }
  }
  if (apiNeeded) await stop(api);

  if (!SKIP.has('jobs')) {
    // The tick is measured from the state the generation left (what earlier runs' ticks did today is undone first).
    const undone = await undoEarlierTicks(url, people);
    if (undone) log(`  undid what earlier ticks did since the generation day: ${undone}`);
    const job = startProcess('bench/apiJobsTick.ts', env, 'jobs');
    let out = '';
    job.stdout!.removeAllListeners('data');
    job.stdout!.on('data', (d) => (out += String(d)));
    const j0 = performance.now();
    const killer = setTimeout(() => job.kill('SIGKILL'), JOBS_TIMEOUT_S * 1000);
    const [, rss] = await peakRss(job.pid, () => new Promise((res) => job.once('exit', res)));
    clearTimeout(killer);
    const line = out.split('\n').find((l) => l.startsWith('{'));
    const r = line ? (JSON.parse(line) as { ms: number; results: Record<string, number>; sweeps?: Record<string, number> }) : null;
    extras.push(
      r
        ? `${kind}: one jobs tick over ${n.toLocaleString('en')} suggestions: ${(r.ms / 1000).toFixed(1)} s, peak RSS ${rss.toFixed(0)} MB (${Object.entries(r.results)
            .filter(([k, v]) => v || (r.sweeps?.[k] ?? 0) >= 1000)
            .map(([k, v]) => `${k} ${v} in ${((r.sweeps?.[k] ?? 0) / 1000).toFixed(1)} s`)
            .join(', ')})`
        : `${kind}: the jobs tick did not finish (exit ${job.exitCode ?? job.signalCode} after ${((performance.now() - j0) / 1000).toFixed(0)} s; limit ${JOBS_TIMEOUT_S} s), peak RSS ${rss.toFixed(0)} MB`,
    );
    log(`  ${extras[extras.length - 1]}`);
  }
}

/** The dashboards timed on a fresh API: the city office's over every month and over half a year, a district office's. */
function dashboardVariants(people: BenchPeople): { label: string; path: string; token: string }[] {
  const d = people.districtOffices[0];
  const office = token(people.cityOfficeId);
  return [
    { label: 'city office', path: '/api/stats/suggestions', token: office },
    { label: 'city office, half a year', path: '/api/stats/suggestions?from=2026-01&to=2026-06', token: office },
    { label: `district office (${d.regionCode})`, path: '/api/stats/suggestions', token: token(d.id) },
  ];
}

/** `path` asked by `users` office users at once (the first requests of a fresh API process): the slowest answer and the API's peak RSS. */
async function firstDashboard(port: number, api: ChildProcess, office: string, path: string, users: number): Promise<string> {
  const agent = agentFor(users);
  const s0 = performance.now();
  let bad = 0;
  const [lat, rss] = await peakRss(api.pid, () =>
    Promise.all(
      Array.from({ length: users }, async () => {
        const r = await request(agent, port, 'GET', path, office, undefined, 600_000);
        if (r.status !== 200) bad++;
        return performance.now() - s0;
      }),
    ),
  );
  agent.destroy();
  return `${users > 1 ? 'slowest ' : ''}${(Math.max(...lat) / 1000).toFixed(2)} s, API peak RSS ${rss.toFixed(0)} MB${bad ? ` (${bad} requests not answered 200)` : ''}`;
}

/**
 * The dashboard right after a change (the city office urges an overdue suggestion, which writes a timeline event and
 * so drops the cached figures): ten times change → one dashboard, then one change → 20 office users at once.
 */
async function dashboardAfterChanges(port: number, api: ChildProcess, people: BenchPeople): Promise<string> {
  const agent = agentFor(20);
  const office = token(people.cityOfficeId);
  const page = await request(agent, port, 'GET', '/api/suggestions?overdue=true&pageSize=20', office);
  const ids = page.status === 200 ? (JSON.parse(page.text) as { items: { id: number }[] }).items.map((x) => x.id) : [];
  if (ids.length < 11) return `dashboard after a change: not measured (no overdue suggestions to urge, HTTP ${page.status})`;
  const urge = (id: number) => request(agent, port, 'POST', `/api/suggestions/${id}/urge`, office, { note: '基准测试：催办后看统计' });
  const one: number[] = [];
  let bad = 0;
  for (let k = 0; k < 10; k++) {
    if ((await urge(ids[k])).status !== 200) bad++;
    const s0 = performance.now();
    if ((await request(agent, port, 'GET', '/api/stats/suggestions', office)).status !== 200) bad++;
    one.push(performance.now() - s0);
  }
  if ((await urge(ids[10])).status !== 200) bad++;
  const s0 = performance.now();
  const [lat, rss] = await peakRss(api.pid, () =>
    Promise.all(
      Array.from({ length: 20 }, async () => {
        const r = await request(agent, port, 'GET', '/api/stats/suggestions', office);
        if (r.status !== 200) bad++;
        return performance.now() - s0;
      }),
    ),
  );
  agent.destroy();
  one.sort((a, b) => a - b);
  return (
    `dashboard after a change (urge, then the dashboard), 10 times: median ${one[5].toFixed(0)} ms, slowest ${one[9].toFixed(0)} ms; ` +
    `20 office users at once after a change: slowest ${Math.max(...lat).toFixed(0)} ms, API peak RSS ${rss.toFixed(0)} MB${bad ? ` (${bad} requests not answered 200)` : ''}`
  );
}

function table(results: Result[]) {
  const rows: string[] = [];
  rows.push(`| db | scenario | clients | product req/s | p50 ms | p99 ms | peak RSS MB | baseline req/s | p50 ms | p99 ms | throughput ratio | p99 ratio |`);
  rows.push(`|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
  const product = results.filter((r) => r.server.startsWith('product'));
  for (const p of product) {
    const b = results.find((r) => r.server === 'baseline' && r.db === p.db && r.scenario === p.scenario && r.clients === p.clients);
    const f = (x: number | undefined, d = 1) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
    rows.push(
      `| ${p.db} | ${p.scenario}${p.server.includes('DIED') ? ' (API died)' : ''}${p.f.errors ? ` (${p.f.errors} errors)` : ''} | ${p.clients} | ${f(p.f.rps)} | ${f(p.f.p50, 0)} | ${f(p.f.p99, 0)} | ${f(p.rssMb, 0)} | ${f(b?.f.rps)} | ${f(b?.f.p50, 0)} | ${f(b?.f.p99, 0)} | ${b ? f(p.f.rps / b.f.rps, 2) : '–'} | ${b ? f(p.f.p99 / b.f.p99, 2) : '–'} |`,
    );
  }
  return rows.join('\n');
}

async function main() {
  const which = args.db ?? 'both';
  const results: Result[] = [];
  const extras: string[] = [];
  // A server URL without a database: the bench creates its own lvzhi_bench_* databases there.
  const mysqlBase = (process.env.BENCH_MYSQL_URL ?? 'mysql://lvzhi:lvzhi@127.0.0.1:33306').replace(/\/+$/, '');
  const mysqlN = Number(process.env.BENCH_MYSQL_SUGGESTIONS ?? 1_000_000);
  const sqliteN = Number(process.env.BENCH_SQLITE_SUGGESTIONS ?? 100_000);
  const dir = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'lvzhi-bench');
  fs.mkdirSync(dir, { recursive: true });
  log(`bench:api — data ${DATA_VERSION}, ${SECONDS} s per figure, clients ${CLIENTS.join('/')}, ${os.cpus().length} CPUs, node ${process.version}`);
  if (which === 'both' || which === 'sqlite') {
    await benchDatabase('sqlite', `sqlite:${path.join(dir, `lvzhi_bench_${DATA_VERSION}_${sqliteN}.sqlite`)}`, sqliteN, 3971, results, extras);
  }
  if (which === 'both' || which === 'mysql') {
    await benchDatabase('mysql', `${mysqlBase}/lvzhi_bench_${DATA_VERSION}_${mysqlN}`, mysqlN, 3972, results, extras);
  }
  log(`\n${table(results)}\n`);
  for (const e of extras) log(`- ${e}`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

