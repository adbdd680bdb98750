/**
 * `npx tsx bench/apiProfile.ts`: one request at a time against the real API in this process, on a database the
 * benchmark generated (`DATABASE_URL`): for each scenario of `npm run bench:api`, the statements per request, the
 * time spent in SQL (sum of the statements' own times), the wall time, and the CPU time of this process per request
 * (auth, scoping, ORM, presenters, JSON). With `--sql` every statement of the last request of each scenario is
 * printed with its time, to be EXPLAINed (`--full`: not cut at 400 characters).
 *
 *   DATABASE_URL=mysql://…/lvzhi_bench_v3_1000000 npx tsx bench/apiProfile.ts [--n=30] [--only=detail] [--sql]
 *
 * Figures only: nothing here asserts a time.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import pino from 'pino';
import { createApp } from '../api/app';
import { bootCore } from '../core/bootstrap';
import { loadConfig } from '../core/config';
import { CITY_DELEGATION, type BenchPeople } from './apiData';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
const N = Number(args.n ?? 30);
const ONLY = (args.only ?? '').split(',').filter(Boolean);
const SECRET = process.env.JWT_SECRET ?? 'bench-api-secret-not-a-demo-secret-0123456789';

interface Statement {
  sql: string;
  ms: number;
}
const statements: Statement[] = [];

/** A GET, or a POST of `body` as JSON. */
function get(port: number, path: string, token: string, body?: unknown): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = { authorization: `Bearer ${token}`, ...(data ? { 'content-type': 'application/json', 'content-length': String(data.length) } : {}) };
    http
      .request({ host: '127.0.0.1', port, path, method: data ? 'POST' : 'GET', headers }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      })
      .on('error', reject)
      .end(data);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main() {
  process.env.JWT_SECRET = SECRET;
  process.env.NODE_ENV = 'production';
  const core = await bootCore(loadConfig({ ...process.env, JOBS: 'off' }));
  const [[meta]] = (await core.db.sequelize.query('SELECT v FROM bench_meta')) as [{ v: string }[], unknown];
  const people = JSON.parse(meta.v) as BenchPeople;
  // Every statement from here on, with its own time.
  const s = core.db.sequelize as unknown as { options: { logging: unknown; benchmark: boolean } };
  s.options.benchmark = true;
  s.options.logging = (sql: string, ms?: number) => statements.push({ sql, ms: ms ?? 0 });
  const app = createApp(core, pino({ level: 'silent' }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  // Signed once per user: signing is the client's work, not the API's, and would count in this process's CPU.
  const tokens = new Map<number, string>();
  const token = (id: number) => tokens.get(id) ?? tokens.set(id, jwt.sign({ role: 'x' }, SECRET, { subject: String(id), expiresIn: '1h', issuer: 'lvzhi' })).get(id)!;
  let i = 0;
  const at = <T>(xs: T[]) => xs[i++ % xs.length];
  const scenarios: [string, () => [string, string, unknown?]][] = [
    ['staff task list', () => ['/api/suggestions?pageSize=20', token(at(people.staff).id)]],
    ['overdue (city office)', () => ['/api/suggestions?overdue=true&pageSize=20', token(people.cityOfficeId)]],
    ['region list (district office)', () => {
      const d = at(people.districtOffices);
      return [`/api/suggestions?region=${d.regionCode}&pageSize=20`, token(d.id)];
    }],
    ['detail (city office)', () => [`/api/suggestions/${1 + Math.floor(Math.random() * people.suggestions)}`, token(people.cityOfficeId)]],
    ['dashboard (city office)', () => ['/api/stats/suggestions', token(people.cityOfficeId)]],
    // Only with --only=notice (each one writes 6,007 inbox and outbox rows).
    ['notice to the city delegation', () => ['/api/notices', token(people.cityOfficeId), { title: `基准测试通知 ${Date.now()}`, body: '请各位代表按时参加会议。', audience: { delegations: [CITY_DELEGATION] } }]],
  ];
  process.stdout.write(`profile: ${N} sequential requests per scenario (after 3 warm-up), medians per request\n`);
  for (const [name, next] of scenarios) {
    if (ONLY.length ? !ONLY.some((w) => name.includes(w)) : name.startsWith('notice')) continue;
    for (let k = 0; k < 3; k++) await get(port, ...next());
    const wall: number[] = [];
    const sqlMs: number[] = [];
    const count: number[] = [];
    const cpu: number[] = [];
    let last: Statement[] = [];
    let status = 0;
    for (let k = 0; k < N; k++) {
      const [path, tok, body] = next();
      statements.length = 0;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      status = (await get(port, path, tok, body)).status;
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      count.push(statements.length);
      sqlMs.push(statements.reduce((a, x) => a + x.ms, 0));
      last = [...statements];
    }
    process.stdout.write(
      `  ${name.padEnd(30)} HTTP ${status}  statements ${median(count)}  SQL ${median(sqlMs).toFixed(1)} ms  wall ${median(wall).toFixed(1)} ms  CPU (this process) ${median(cpu).toFixed(1)} ms\n`,
    );
    if ('sql' in args) for (const x of last) process.stdout.write(`      ${String(x.ms).padStart(5)} ms  ${x.sql.replace(/^Executed \([^)]*\): /, '').slice(0, 'full' in args ? undefined : 400)}\n`);
  }
  server.close();
  await core.db.close();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
