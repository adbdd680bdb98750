/**
 * `npx tsx bench/jobsProfile.ts`: one jobs tick on a database the benchmark generated (`DATABASE_URL`), from the state
 * the generation left (earlier ticks undone first, as `npm run bench:api` does), with every statement counted: per
 * sweep the wall time, the statements, the time spent in SQL (sum of the statements' own times) and the CPU time of
 * this process; then the statement shapes that took the most time.
 *
 *   DATABASE_URL=mysql://…/lvzhi_bench_v3_1000000 npx tsx bench/jobsProfile.ts [--top=12] [--keep]
 *
 * `--keep` leaves what the tick did in the database (by default it is undone again at the end). Figures only.
 */
import { bootCore } from '../core/bootstrap';
import { loadConfig } from '../core/config';
import { JobRunner, SWEEPS } from '../jobs/runner';
import { undoEarlierTicks, type BenchPeople } from './apiData';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
const TOP = Number(args.top ?? 12);

/** A statement's shape: literals and lists folded, so that the same statement with other values counts together. */
function shape(sql: string): string {
  return sql
    .replace(/^Executed \([^)]*\): /, '')
    .replace(/'(?:[^'\\]|\\.)*'/g, '?')
    .replace(/\b\d+(\.\d+)?\b/g, '?')
    .replace(/\((?:\?|, )+\)/g, '(…)')
    .replace(/(\(…\),? ?)+/g, '(…) ')
    .slice(0, 160);
}

async function main() {
  process.env.NODE_ENV = 'production';
  process.env.JWT_SECRET ??= 'bench-api-secret-not-a-demo-secret-0123456789';
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL names the generated database');
  const core = await bootCore(loadConfig({ ...process.env, JOBS: 'off' }));
  const [[meta]] = (await core.db.sequelize.query('SELECT v FROM bench_meta')) as [{ v: string }[], unknown];
  const people = JSON.parse(meta.v) as BenchPeople;
  const undone = await undoEarlierTicks(core.db, people);
  if (undone) process.stdout.write(`undid earlier ticks: ${undone}\n`);

  let current = 'lease';
  const per = new Map<string, { n: number; ms: number }>();
  const shapes = new Map<string, { n: number; ms: number }>();
  const s = core.db.sequelize as unknown as { options: { logging: unknown; benchmark: boolean } };
  s.options.benchmark = true;
  s.options.logging = (sql: string, ms?: number) => {
    const p = per.get(current) ?? { n: 0, ms: 0 };
    p.n++;
    p.ms += ms ?? 0;
    per.set(current, p);
    const k = `${current}: ${shape(sql)}`;
    const x = shapes.get(k) ?? { n: 0, ms: 0 };
    x.n++;
    x.ms += ms ?? 0;
    shapes.set(k, x);
  };
  // Each sweep wrapped so that its statements and CPU are counted under its name.
  const cpu = new Map<string, number>();
  for (const entry of SWEEPS) {
    const [name, sweep] = entry;
    entry[1] = async (ctx) => {
      current = name;
      const c0 = process.cpuUsage();
      try {
        return await sweep(ctx);
      } finally {
        const c = process.cpuUsage(c0);
        cpu.set(name, (c.user + c.system) / 1000);
        current = 'other';
      }
    };
  }
  const runner = new JobRunner(core, { holder: `profile-${process.pid}` });
  const t0 = performance.now();
  const { results, ms } = await runner.tick();
  const total = performance.now() - t0;
  await runner.stop();
  process.stdout.write(`one tick: ${(total / 1000).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
  process.stdout.write(`${'sweep'.padEnd(26)} ${'done'.padStart(6)} ${'wall s'.padStart(7)} ${'stmts'.padStart(7)} ${'SQL s'.padStart(7)} ${'CPU s'.padStart(7)}\n`);
  for (const [name] of SWEEPS) {
    const p = per.get(name) ?? { n: 0, ms: 0 };
    if (!results[name] && (ms[name] ?? 0) < 200) continue;
    process.stdout.write(
      `${name.padEnd(26)} ${String(results[name]).padStart(6)} ${((ms[name] ?? 0) / 1000).toFixed(1).padStart(7)} ${String(p.n).padStart(7)} ${(p.ms / 1000).toFixed(1).padStart(7)} ${((cpu.get(name) ?? 0) / 1000).toFixed(1).padStart(7)}\n`,
    );
  }
  process.stdout.write(`\nstatement shapes by total time:\n`);
  for (const [k, v] of [...shapes].sort((a, b) => b[1].ms - a[1].ms).slice(0, TOP)) {
    process.stdout.write(`${String(v.n).padStart(7)} × ${(v.ms / 1000).toFixed(2).padStart(6)} s  ${k}\n`);
  }
  if (!('keep' in args)) await undoEarlierTicks(core.db, people);
  await core.db.close();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
