/**
 * The dashboard's tallies, kept by the database's triggers as suggestions are written (migration 021): after a
 * working day's actions through the API, and after writes no use case makes (a bulk UPDATE, an INSERT, a DELETE),
 * every tally equals a count made here from the suggestion rows themselves; the migration counts the stored
 * suggestions the same way when it runs on a database that has them; a second, real API process on the same
 * database answers the same figures and sees a write through the first at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { QueryTypes } from 'sequelize';
import * as tallies from '../../models/migrations/021-suggestion-tallies';
import { statsCache } from '../../core/stats/statsCache';
import { nodeArgs, ROOT } from '../helpers/bin';
import { freePort, until } from '../helpers/jobs';
import { startTestApi, type TestApi } from '../helpers/api';
import { databaseKinds, TEST_JWT_SECRET } from '../helpers/db';

jest.setTimeout(180_000);

type Sums = { n: number; answered: number; answeredWithDeadline: number; answeredOnTime: number };

describe.each(databaseKinds())('dashboard tallies on %s', (kind) => {
  let api: TestApi;
  let office: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    api = await startTestApi(kind);
    // The other process runs on the real clock: the same day, so the same overdue figures.
    api.clock.set(new Date().toISOString());
    office = await api.token('office');
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await api.close();
  });

  const query = <T extends object>(sql: string, replacements: unknown[] = []) => api.core.db.sequelize.query<T>(sql, { type: QueryTypes.SELECT, replacements });

  /** Every grain's tallies counted here, in JavaScript, from the suggestion rows (the Beijing month and day). */
  async function expected(): Promise<Map<string, Sums>> {
    const rows = await query<Record<string, unknown>>('SELECT state, regionId, leadDepartmentId, latestAnswerClass, latestRating, submittedAt, answeredAt, answerDueOn FROM suggestions');
    // (SQLite hands back Sequelize's text, `2026-01-10 16:30:00.000 +00:00`; MySQL a Date.)
    const instant = (v: unknown) => (v instanceof Date ? v : new Date(String(v).replace(' ', 'T').replace(' +00:00', 'Z')));
    const china = (v: unknown, len: number) => (v ? new Date(instant(v).getTime() + 8 * 3600_000).toISOString().slice(0, len) : '');
    const out = new Map<string, Sums>();
    for (const r of rows) {
      const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
      const due = r.answerDueOn ? String(r.answerDueOn).slice(0, 10) : '';
      const withDeadline = r.answeredAt !== null && due !== '';
      const sums = { n: 1, answered: r.answeredAt !== null ? 1 : 0, answeredWithDeadline: withDeadline ? 1 : 0, answeredOnTime: withDeadline && china(r.answeredAt, 10) <= due ? 1 : 0 };
      const month = china(r.submittedAt, 7);
      const keys = [
        ['all', s(r.regionId), '', s(r.leadDepartmentId)],
        ['month', s(r.regionId), month, s(r.leadDepartmentId)],
        ['share', s(r.regionId), month, ''],
      ].map((head) => [...head, s(r.state), s(r.latestAnswerClass), s(r.latestRating)].join('|'));
      for (const k of keys) {
        const t = out.get(k) ?? { n: 0, answered: 0, answeredWithDeadline: 0, answeredOnTime: 0 };
        for (const c of Object.keys(sums) as (keyof Sums)[]) t[c] += sums[c];
        out.set(k, t);
      }
    }
    return out;
  }

  /** The tallies the database keeps (rows at zero left out). */
  async function kept(): Promise<Map<string, Sums>> {
    const rows = await query<Sums & { k: string }>('SELECT k, n, answered, answeredWithDeadline, answeredOnTime FROM suggestion_tallies');
    return new Map(
      rows
        .filter((r) => Number(r.n) || Number(r.answered) || Number(r.answeredWithDeadline) || Number(r.answeredOnTime))
        .map((r) => [r.k, { n: Number(r.n), answered: Number(r.answered), answeredWithDeadline: Number(r.answeredWithDeadline), answeredOnTime: Number(r.answeredOnTime) }]),
    );
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const dashboard = async (base = api.url, q = ''): Promise<any> => {
    const res = await fetch(`${base}/api/stats/suggestions${q}`, { headers: { authorization: `Bearer ${office}` } });
    expect(res.status).toBe(200);
    return res.json();
  };

  test('a working day through the API, and writes no use case makes: every tally equals a count of the rows', async () => {
    const officeClient = await api.as('office');
    const housing = await api.as('staff-housing');
    const deputy = await api.as('deputy01');
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) {
      const author = await api.as(`deputy0${1 + (i % 3)}`);
      ids.push((await author.createSuggestion({ title: `关于改善第${i + 1}社区环境的建议`, body: `第${i + 1}社区的道路和绿化需要改善，请有关部门研究。`, submit: true })).id);
    }
    // A draft, never counted by the dashboard, but tallied like every row.
    await deputy.createSuggestion({ title: '关于增设公交站的建议', body: '草稿：再想想。' });
    await officeClient.act(ids[0], 'reject', { reason: '属于工作意见，留作参考。' });
    for (const id of ids.slice(1, 5)) {
      await officeClient.act(id, 'accept');
      await officeClient.act(id, 'assign', id === ids[1] ? { lead: 'housing' } : { lead: 'housing', co: ['finance'] });
    }
    await housing.act(ids[1], 'sign');
    await housing.act(ids[1], 'consult', { method: 'phone', happenedOn: new Date().toISOString().slice(0, 10), summary: '电话联系代表。' });
    await housing.act(ids[1], 'draft-answer', { answerClass: 'A', text: '已完成改造。' });
    await housing.act(ids[1], 'publish-answer', {});
    await (await api.as('deputy02')).act(ids[1], 'rate', { rating: 'satisfied' }); // its author (i = 1)
    expect(await kept()).toEqual(await expected());
    const before = await dashboard();
    expect(before.total).toBe(8);
    expect(before.answered).toBe(1);

    // Writes straight to the table: a bulk move of region and deadline, a row inserted, a row deleted.
    const [{ town }] = await query<{ town: number }>("SELECT MIN(id) AS town FROM regions WHERE level = 'town'");
    await api.core.db.sequelize.query('UPDATE suggestions SET regionId = ?, answerDueOn = ? WHERE id IN (?)', { replacements: [town, '2020-01-02', ids.slice(2, 5)] });
    const now = new Date();
    await api.core.db.sequelize.query(
      "INSERT INTO suggestions (title, body, source, state, authorUserId, regionId, round, submittedAt, answeredAt, answerDueOn, latestAnswerClass, createdAt, updatedAt) SELECT '导入的建议', '历史数据', 'deputy', 'answered', id, ?, 1, ?, ?, ?, 'B', ?, ? FROM users WHERE username = 'deputy01'",
      { replacements: [town, new Date('2025-12-31T17:30:00Z'), new Date('2026-01-10T16:30:00Z'), '2026-01-10', now, now] },
    );
    const [{ last }] = await query<{ last: number }>('SELECT MAX(id) AS last FROM suggestions');
    expect(await kept()).toEqual(await expected());
    // Submitted 2026-01-01 01:30 in Beijing, answered 2026-01-11 00:30 in Beijing, due 2026-01-10: month 2026-01, late.
    expect((await kept()).get(`share|${town}|2026-01||answered|B|`)).toEqual({ n: 1, answered: 1, answeredWithDeadline: 1, answeredOnTime: 0 });
    // (Figures are cached until the next suggestion event or for 15 s; these writes made no event.)
    statsCache.clear(api.core);
    const after = await dashboard();
    expect(after.total).toBe(9);
    // The three moved tasks are overdue now (due 2020-01-02), and counted as late in the on-time rate.
    expect(after.overdue).toBe(3);
    expect(after.byDepartment.find((d: { code: string }) => d.code === 'housing')).toMatchObject({ total: 4, overdue: 3, onTime: 1, onTimeRate: 25 });
    await api.core.db.sequelize.query('DELETE FROM suggestions WHERE id = ?', { replacements: [last] });
    expect(await kept()).toEqual(await expected());
    statsCache.clear(api.core);
    expect((await dashboard()).total).toBe(8);
  });

  test('the migration counts the suggestions already stored, and the triggers it makes go on counting', async () => {
    const qi = api.core.db.sequelize.getQueryInterface();
    const want = await expected();
    await tallies.down({ context: qi });
    await tallies.up({ context: qi });
    expect(await kept()).toEqual(want);
    const created = await (await api.as('deputy02')).createSuggestion({ title: '关于增设路灯的建议', body: '小区门口太黑。', submit: true });
    expect(created.id).toBeGreaterThan(0);
    expect(await kept()).toEqual(await expected());
  });

  /** Starts a real API process on the same database and waits until it answers. */
  async function secondApi(): Promise<string> {
    const port = await freePort();
    const child = spawn(process.execPath, nodeArgs('api/server.ts'), {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: api.config.databaseUrl, PORT: String(port), NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_MODE: '0', JWT_SECRET: TEST_JWT_SECRET, JOBS: 'off', APP_BUILD: 'off' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await until(async () => child.exitCode === null && (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.status === 200, 150_000);
    return url;
  }

  test('a second API process answers the same figures and sees a write through the first at once', async () => {
    const other = await secondApi();
    const first = await dashboard();
    expect(await dashboard(other)).toEqual(first);
    const period = `?from=${new Date().toISOString().slice(0, 7)}`;
    expect(await dashboard(other, period)).toEqual(await dashboard(api.url, period));
    const [s] = await query<{ id: number }>("SELECT id FROM suggestions WHERE state = 'submitted' ORDER BY id LIMIT 1");
    await (await api.as('office')).act(s.id, 'accept');
    const seen = await dashboard(other);
    const count = (d: { byState: { code: string; count: number }[] }, code: string) => d.byState.find((x) => x.code === code)?.count ?? 0;
    expect(count(seen, 'accepted')).toBe(count(first, 'accepted') + 1);
    expect(count(seen, 'submitted')).toBe(count(first, 'submitted') - 1);
    expect(seen).toEqual(await dashboard());
  });
});
