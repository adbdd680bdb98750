/**
 * The dashboard's bucket counts kept in the database: a fresh process context answers from the stored counts and
 * counts again only the buckets written to since; a second, real API process (`api/server.ts`) on the same database
 * answers from what the first stored, and never serves a stored count after a write to its bucket by the other
 * process (a count altered in the database shows which figures came from where); the jobs sweep keeps the views in
 * use counted and deletes the counts of earlier days. Every figure is checked against a count from nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Op } from 'sequelize';
import { DashboardCountModel, DashboardViewModel } from '../../models/stats';
import { SuggestionModel } from '../../models/definitions';
import { statsCache } from '../../core/stats/statsCache';
import { bucketTally } from '../../core/stats/statsBuckets';
import { refreshDashboards } from '../../core/stats/refreshDashboards';
import { dashboardView, noteDashboardView } from '../../core/stats/dashboardViews';
import { chinaDate } from '../../core/calendar/workdays';
import { SWEEPS } from '../../jobs/runner';
import { nodeArgs, ROOT } from '../helpers/bin';
import { freePort, until } from '../helpers/jobs';
import { startTestApi, type TestApi } from '../helpers/api';
import { databaseKinds, TEST_JWT_SECRET } from '../helpers/db';

jest.setTimeout(180_000);

/** Small buckets, so that the demo city spans many of them. */
const SIZE = 5;

describe.each(databaseKinds())('stored dashboard counts on %s', (kind) => {
  let api: TestApi;
  let office: string;
  let day: string;
  const children: ChildProcess[] = [];
  const saved = process.env.STATS_BUCKET_IDS;

  beforeAll(async () => {
    process.env.STATS_BUCKET_IDS = String(SIZE);
    api = await startTestApi(kind);
    // The other process runs on the real clock: the same day, so the same stored counts.
    api.clock.set(new Date().toISOString());
    day = chinaDate(api.clock.now());
    office = await api.token('office');
    // A running system's suggestions (the demo city has none): submitted, a few accepted, a few rejected.
    const officeClient = await api.as('office');
    for (let i = 0; i < 24; i++) {
      const deputy = await api.as(`deputy${String(1 + (i % 9)).padStart(2, '0')}`);
      const s = await deputy.createSuggestion({ title: `关于改善第${i + 1}社区环境的建议`, body: `第${i + 1}社区的道路和绿化需要改善，请有关部门研究。`, submit: true });
      if (i % 3 === 1) await officeClient.act(s.id, 'accept');
      if (i % 6 === 2) await officeClient.act(s.id, 'reject', { reason: '属于工作意见，留作参考。' });
    }
    // Written a while ago, as on a system that has been running.
    const ago = new Date(Date.now() - 10 * 60_000);
    await api.core.db.sequelize.query('UPDATE suggestions SET updatedAt = ?', { replacements: [ago] });
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await api.close();
    if (saved === undefined) delete process.env.STATS_BUCKET_IDS;
    else process.env.STATS_BUCKET_IDS = saved;
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const get = async (base = api.url): Promise<any> => {
    const res = await fetch(`${base}/api/stats/suggestions`, { headers: { authorization: `Bearer ${office}` } });
    expect(res.status).toBe(200);
    return res.json();
  };
  /** The figures counted from nothing: one bucket over every id, no memory, nothing stored used. */
  const truth = async () => {
    process.env.STATS_BUCKET_IDS = '100000000';
    statsCache.clear(api.core);
    try {
      return await get();
    } finally {
      process.env.STATS_BUCKET_IDS = String(SIZE);
      statsCache.clear(api.core);
    }
  };
  const buckets = async () => Math.ceil(((await SuggestionModel.max('id')) as number) / SIZE);
  const stored = () => DashboardCountModel.count({ where: { day, size: SIZE, bucket: { [Op.gte]: 0 } } });
  /** Adds `n` to the first count of a stored row's first part (a bucket's, or the sum's: bucket -1). */
  const alter = async (view: string, bucket: number, n: number) => {
    const row = (await DashboardCountModel.findOne({ where: { view, day, size: SIZE, bucket } }))!;
    const counts = JSON.parse(row.counts) as Record<string, unknown>[][];
    const first = counts[0][0];
    first.n = Number(first.n) + n;
    await DashboardCountModel.update({ counts: JSON.stringify(counts) }, { where: { view, day, size: SIZE, bucket } });
    return first;
  };
  /** The same group altered in a bucket's stored counts and in the stored sum, as a count that went stale would be. */
  const alterBoth = async (view: string, bucket: number, n: number) => {
    const group = await alter(view, bucket, n);
    const sumRow = (await DashboardCountModel.findOne({ where: { view, day, size: SIZE, bucket: -1 } }))!;
    const sum = JSON.parse(sumRow.counts) as Record<string, unknown>[][];
    const same = sum[0].find((r) => ['dept', 'state', 'cls', 'rating'].every((c) => r[c] === group[c]))!;
    same.n = Number(same.n) + n;
    await DashboardCountModel.update({ counts: JSON.stringify(sum) }, { where: { view, day, size: SIZE, bucket: -1 } });
  };

  /** Starts a real API process on the same database and waits until it answers. */
  async function secondApi(env: Record<string, string> = {}): Promise<string> {
    const port = await freePort();
    const child = spawn(process.execPath, nodeArgs('api/server.ts'), {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: api.config.databaseUrl, PORT: String(port), NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_MODE: '0', JWT_SECRET: TEST_JWT_SECRET, JOBS: 'off', APP_BUILD: 'off', STATS_BUCKET_IDS: String(SIZE), ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await until(async () => child.exitCode === null && (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.status === 200, 150_000);
    return url;
  }

  test('a fresh process context answers from the stored counts and counts only the buckets written to since', async () => {
    const first = await get();
    expect(first.total).toBeGreaterThan(10);
    const n = await buckets();
    expect(n).toBeGreaterThan(3);
    expect(await stored()).toBe(n);
    expect(await DashboardViewModel.count()).toBe(1);

    // Forgetting this process's memory is what a fresh process starts with: everything comes from the database.
    statsCache.clear(api.core);
    const t0 = { ...bucketTally(api.core) };
    expect(await get()).toEqual(first);
    expect(bucketTally(api.core).counted - t0.counted).toBe(0);
    expect(bucketTally(api.core).read - t0.read).toBe(n);
    // The stored sum holds every bucket as stored: no bucket's counts had to be read.
    expect(bucketTally(api.core).fetched - t0.fetched).toBe(0);

    // One suggestion accepted in an early bucket, one submitted (a new id): at most three buckets are counted again.
    const submitted = await SuggestionModel.findOne({ where: { state: 'submitted' }, order: [['id', 'ASC']] });
    expect(submitted).not.toBeNull();
    const officeClient = await api.as('office');
    await officeClient.act(submitted!.id, 'accept');
    await (await api.as('deputy01')).createSuggestion({ title: '关于增设社区食堂的建议', body: '老年人吃饭难，建议开设社区食堂。', submit: true });
    statsCache.clear(api.core);
    const t1 = { ...bucketTally(api.core) };
    const after = await get();
    expect(bucketTally(api.core).counted - t1.counted).toBeGreaterThanOrEqual(1);
    expect(bucketTally(api.core).counted - t1.counted).toBeLessThanOrEqual(3);
    // Only the old counts of the buckets counted again are read, to be taken off the stored sum.
    expect(bucketTally(api.core).fetched - t1.fetched).toBeLessThanOrEqual(bucketTally(api.core).counted - t1.counted);
    expect(after.total).toBe(first.total + 1);
    const count = (s: { byState: { code: string; count: number }[] }, code: string) => s.byState.find((x) => x.code === code)?.count ?? 0;
    expect(count(after, 'accepted')).toBe(count(first, 'accepted') + 1);
    expect(after).toEqual(await truth());
  });

  test('a second API process answers from the stored counts and never serves one after a write to its bucket by the other', async () => {
    // A suggestion the office can still accept, and its bucket's stored counts altered: figures from the stored
    // counts then show it (+1000), fresh ones do not.
    // (In a bucket nothing was written to in the last minutes, so that its stored counts are taken as they are.)
    const recent = await SuggestionModel.findAll({ where: { updatedAt: { [Op.gte]: new Date(Date.now() - 180_000) } }, attributes: ['id'] });
    const busy = new Set(recent.map((r) => Math.floor((r.id - 1) / SIZE)));
    const candidates = await SuggestionModel.findAll({ where: { state: 'submitted' }, attributes: ['id'], order: [['id', 'ASC']] });
    const target = candidates.find((c) => !busy.has(Math.floor((c.id - 1) / SIZE)))!;
    expect(target).toBeDefined();
    const expected = await get();
    const bucket = Math.floor((target.id - 1) / SIZE);
    const row = (await DashboardCountModel.findOne({ where: { day, size: SIZE, bucket, view: { [Op.like]: 'office:%' } } }))!;
    expect(row).not.toBeNull();
    // The same group altered in the bucket and in the stored sum, as a count that went stale would be.
    await alterBoth(row.view, bucket, 1000);

    const other = await secondApi({ STATS_WARM: 'off' });
    const altered = await get(other);
    expect(altered.total).toBe(expected.total + 1000);

    // The first process writes to that bucket: the second counts it again at once.
    await (await api.as('office')).act(target.id, 'accept');
    const fresh = await get(other);
    expect(fresh.total).toBe(expected.total);
    expect(fresh).toEqual(await get());
    expect(fresh).toEqual(await truth());

    // And the other way round: a write through the second process shows in the first.
    const otherOffice = await (await fetch(`${other}/api/suggestions?state=accepted&pageSize=1`, { headers: { authorization: `Bearer ${office}` } })).json();
    const id = otherOffice.items[0].id as number;
    const before = await get();
    const res = await fetch(`${other}/api/suggestions/${id}/reject`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '属于工作意见，留作参考。' }),
    });
    expect(res.status).toBe(200);
    const now = await get();
    expect(now.byState.find((x: { code: string }) => x.code === 'referenced')?.count ?? 0).toBe((before.byState.find((x: { code: string }) => x.code === 'referenced')?.count ?? 0) + 1);
    expect(now).toEqual(await truth());
    expect(await get(other)).toEqual(now);

    // A bucket written to and counted again by another process (here the jobs sweep in the first, once the write has
    // settled) is taken from the database by the second, not counted there again: altered, it shows.
    const next = (await SuggestionModel.findOne({ where: { state: 'submitted' }, order: [['id', 'ASC']] }))!;
    await (await api.as('office')).act(next.id, 'accept');
    await new Promise((r) => setTimeout(r, 6000));
    await refreshDashboards(api.core);
    const b2 = Math.floor((next.id - 1) / SIZE);
    const recounted = (await DashboardCountModel.findOne({ where: { day, size: SIZE, bucket: b2, view: row.view } }))!;
    expect(Number(recounted.countedAt)).toBeGreaterThan(Date.now() - 10_000);
    await alterBoth(row.view, b2, 1000);
    const right = await truth();
    expect((await get(other)).total).toBe(right.total + 1000);
  });

  test('an office account without a region has a view of its own, which the sweep never counts for anyone', async () => {
    const base = { id: 1, username: 'x', name: 'x', role: 'office' as const, regionId: null, departmentId: null, stationId: null };
    const none = dashboardView({ ...base, regionPath: null });
    expect(none.view).not.toBe(dashboardView({ ...base, regionPath: '' }).view);
    expect(none.view).not.toBe(dashboardView({ ...base, regionPath: '/1/' }).view);
    await noteDashboardView(api.core, none);
    expect(await DashboardViewModel.count({ where: { view: none.view } })).toBe(0);
  });

  test('the jobs sweep keeps the views in use counted and deletes the counts of earlier days', async () => {
    expect(SWEEPS.map(([name]) => name)).toContain('dashboards');
    const [one] = await DashboardCountModel.findAll({ where: { day, size: SIZE }, limit: 1, raw: true });
    await DashboardCountModel.bulkCreate([{ ...one, day: '2000-01-01' }]);
    await DashboardCountModel.destroy({ where: { day } });
    statsCache.clear(api.core);
    const counted = await refreshDashboards(api.core);
    expect(counted).toBe(await buckets());
    expect(await stored()).toBe(await buckets());
    expect(await DashboardCountModel.count({ where: { day: '2000-01-01' } })).toBe(0);
    // What the sweep stored is what a fresh process answers from.
    statsCache.clear(api.core);
    const t0 = { ...bucketTally(api.core) };
    const right = await truth();
    expect(await get()).toEqual(right);
    expect(bucketTally(api.core).read - t0.read).toBeGreaterThan(0);

    // A stored sum that does not hold the stored buckets (a bucket's version differs, as when two processes store
    // at once) is not trusted: a fresh process sums the buckets instead.
    const sumRow = (await DashboardCountModel.findOne({ where: { day, size: SIZE, bucket: -1 } }))!;
    const versions = JSON.parse(sumRow.seen) as Record<string, number>;
    versions['0'] -= 1;
    const altered = JSON.parse(sumRow.counts) as Record<string, unknown>[][];
    altered[0][0].n = Number(altered[0][0].n) + 1000;
    await DashboardCountModel.update({ seen: JSON.stringify(versions), counts: JSON.stringify(altered) }, { where: { view: sumRow.view, day, size: SIZE, bucket: -1 } });
    statsCache.clear(api.core);
    const t1 = { ...bucketTally(api.core) };
    expect(await get()).toEqual(right);
    expect(bucketTally(api.core).counted - t1.counted).toBe(0);
    // (every bucket's stored counts read to be summed, none counted)
    expect(bucketTally(api.core).fetched - t1.fetched).toBeGreaterThanOrEqual(await buckets());
  });
});
