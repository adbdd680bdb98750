/**
 * `npm run bench:stats`: the dashboard's figures over a large city. Fills a MySQL/MariaDB database (DATABASE_URL,
 * default the shared test server's `lvzhi_bench_stats`) with N suggestions (STATS_N, default 1,000,000) spread over
 * districts, towns, departments, 24 months and every state, with answers and ratings (the tallies kept by the
 * database's triggers as they are written), then times `suggestionStats` uncached for the admin, the city office and a
 * district office, over every month and over half a year, and cached. Prints the figures.
 */
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';
import { loadConfig } from '../core/config';
import { bootCore } from '../core/bootstrap';
import type { Actor } from '../core/context';
import { suggestionStats } from '../core/stats/suggestionStats';
import { statsCache } from '../core/stats/statsCache';
import { UserModel, RegionModel } from '../models/definitions';

const N = Number(process.env.STATS_N ?? 1_000_000);
const URL_ = process.env.DATABASE_URL ?? 'mysql://lvzhi:lvzhi@127.0.0.1:33306/lvzhi_bench_stats';

async function main() {
  if (!/^mysql:|^mariadb:/.test(URL_)) throw new Error('bench:stats needs a MySQL/MariaDB DATABASE_URL');
  const u = new URL(URL_.replace(/^mariadb:/, 'mysql:'));
  const dbName = u.pathname.slice(1);
  const admin = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${dbName}\` CHARACTER SET utf8mb4`);
  await admin.end();
  const core = await bootCore(loadConfig({ DATABASE_URL: URL_, DEMO_MODE: '1', JWT_SECRET: 'bench-secret-not-for-production', LOG_LEVEL: 'warn' }), { seedIfEmpty: true });
  const q = (sql: string) => core.db.sequelize.query(sql);
  const [[{ n }]] = (await q('SELECT COUNT(*) AS n FROM suggestions')) as [{ n: number }[], unknown];
  if (Number(n) < N) {
    process.stdout.write(`写入 ${N} 条建议（一次性，之后复用）…\n`);
    const t0 = performance.now();
    await q('DELETE FROM answers');
    await q('DELETE FROM ratings');
    await q('DELETE FROM suggestions');
    await q('DROP TABLE IF EXISTS bench_towns');
    await q("CREATE TABLE bench_towns AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, id FROM regions WHERE level = 'town'");
    await q('DROP TABLE IF EXISTS bench_depts');
    await q('CREATE TABLE bench_depts AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, id FROM departments');
    const [[{ towns }]] = (await q('SELECT COUNT(*) AS towns FROM bench_towns')) as [{ towns: number }[], unknown];
    const [[{ depts }]] = (await q('SELECT COUNT(*) AS depts FROM bench_depts')) as [{ depts: number }[], unknown];
    const [[{ author }]] = (await q("SELECT MIN(id) AS author FROM users WHERE role = 'deputy'")) as [{ author: number }[], unknown];
    // States by seq % 10; submitted up to 24 months back; the answer due 3 months after.
    const states = "ELT(1 + seq % 10, 'submitted', 'accepted', 'assigned', 'assigned', 'handling', 'handling', 'answered', 'closed', 'closed', 'closed')";
    for (let from = 1; from <= N; from += 200_000) {
      const to = Math.min(N, from + 199_999);
      await q(`INSERT INTO suggestions (title, body, source, state, authorUserId, deputyUserId, regionId, leadDepartmentId, round, routingNeedsReview, submittedAt, assignedAt, assignedOn, answerDueOn, answeredAt, createdAt, updatedAt)
        SELECT CONCAT('建议 ', seq), '正文', 'deputy', st, ${author}, ${author}, t.id, IF(st IN ('submitted', 'accepted'), NULL, d.id), 1, 0,
          sub, IF(st IN ('submitted', 'accepted'), NULL, sub), IF(st IN ('submitted', 'accepted'), NULL, DATE(sub)),
          IF(st IN ('submitted', 'accepted'), NULL, DATE(sub + INTERVAL 3 MONTH)),
          IF(st IN ('answered', 'closed'), sub + INTERVAL (40 + seq % 80) DAY, NULL), sub, sub
        FROM (SELECT seq, ${states} AS st, TIMESTAMP('2026-11-30 02:00:00') - INTERVAL (seq % 730) DAY AS sub FROM seq_${from}_to_${to}) x
        JOIN bench_towns t ON t.k = x.seq % ${towns} JOIN bench_depts d ON d.k = (x.seq * 7) % ${depts}`);
    }
    await q(`INSERT INTO answers (suggestionId, departmentId, authorUserId, round, answerClass, text, state, publishedAt, createdAt, updatedAt)
      SELECT id, leadDepartmentId, ${author}, 1, ELT(1 + id % 4, 'A', 'B', 'C', 'D'), '答复', 'published', answeredAt, answeredAt, answeredAt FROM suggestions WHERE answeredAt IS NOT NULL`);
    await q(`INSERT INTO ratings (suggestionId, userId, raterRole, round, rating, createdAt)
      SELECT id, ${author}, 'deputy', 1, ELT(1 + id % 5, 'satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'), answeredAt FROM suggestions WHERE state = 'closed'`);
    await q('ANALYZE TABLE suggestions, answers, ratings');
    process.stdout.write(`写入用时 ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const actorOf = async (username: string): Promise<Actor> => {
    const u = (await UserModel.findOne({ where: { username } }))!;
    const r = u.regionId ? await RegionModel.findByPk(u.regionId) : null;
    return { id: u.id, username, name: u.name, role: u.role as Actor['role'], regionId: u.regionId, regionPath: r?.path ?? null, departmentId: null, stationId: null };
  };
  const [[{ total }]] = (await q('SELECT COUNT(*) AS total FROM suggestions')) as [{ total: number }[], unknown];
  process.stdout.write(`建议 ${total} 条（MariaDB/MySQL）\n`);
  for (const [who, query] of [['admin', {}], ['office', {}], ['office-zhangdian', {}], ['office', { from: '2026-01', to: '2026-06' }]] as const) {
    const actor = await actorOf(who);
    const times: number[] = [];
    let figures = '';
    for (let i = 0; i < 3; i++) {
      // Uncached: counted from the tallies and the overdue index.
      statsCache.clear(core);
      const t0 = performance.now();
      const r = await suggestionStats(core, actor, query);
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error(JSON.stringify(r));
      figures = `总数 ${r.value.total}，超期 ${r.value.overdue}，按期答复率 ${r.value.onTimeRate}%，满意率 ${r.value.satisfactionRate}%，${r.value.byDepartment.length} 个单位，${r.value.byMonth.length} 个月`;
    }
    const t0 = performance.now();
    await suggestionStats(core, actor, query);
    const warm = performance.now() - t0;
    const label = 'from' in query ? `${who} ${query.from}…${query.to}` : who;
    process.stdout.write(`${label.padEnd(30)} 未缓存 ${times.map((x) => `${Math.round(x)} ms`).join(' / ')}，缓存 ${warm.toFixed(1)} ms — ${figures}\n`);
  }
  await core.db.close();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
