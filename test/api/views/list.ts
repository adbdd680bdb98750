/** Listing: every filter, pagination, and the scoping of each role. */
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';

describe.each(databaseKinds())('GET /api/suggestions on %s', (kind) => {
  let api: TestApi;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    api = await startTestApi(kind);
    api.clock.set('2026-03-02');
    const office = await api.as('office');
    const d1 = await api.as('deputy01');
    const d5 = await api.as('deputy05'); // 淄川区
    const a = await d1.createSuggestion({ title: '老旧小区加装电梯', body: '老年人上下楼难', cosigners: ['deputy02'], submit: true });
    const b = await d5.createSuggestion({ title: '增加公交线路', body: '等车时间长', submit: true });
    const c = await d1.createSuggestion({ title: '草稿：学校门口交通拥堵', body: '放学时段拥堵' });
    await office.act(a.id, 'accept');
    await office.act(a.id, 'assign', { lead: 'housing', co: ['finance'] });
    await office.act(b.id, 'accept');
    await office.act(b.id, 'assign', { lead: 'transport' });
    Object.assign(ids, { a: a.id, b: b.id, c: c.id });
  });
  afterAll(() => api.close());

  const list = async (who: string, query: Record<string, unknown> = {}) => (await (await api.as(who)).listSuggestions(query)).items.map((s) => s.id);

  test('each role sees its own scope', async () => {
    expect((await list('deputy01')).sort()).toEqual([ids.a, ids.c].sort());
    expect(await list('deputy02')).toEqual([ids.a]);
    expect(await list('deputy09')).toEqual([]);
    expect(await list('staff-housing')).toEqual([ids.a]);
    expect(await list('staff-finance')).toEqual([ids.a]);
    expect(await list('staff-transport')).toEqual([ids.b]);
    expect((await list('office')).sort()).toEqual([ids.a, ids.b].sort()); // never drafts
    expect(await list('citizen01')).toEqual([]);
    const me5 = await (await api.as('deputy05')).me();
    const district = (await (await api.as('office')).getSuggestion(ids.b)).region!;
    expect(district.id).toBe(me5.region!.id);
    expect(await list('office-zhangdian')).toEqual([ids.a]);
    expect(await list('office-zichuan')).toEqual([ids.b]);
  });

  test('filters: state, department, region, q, overdue, pagination', async () => {
    expect(await list('office', { state: 'assigned', department: 'transport' })).toEqual([ids.b]);
    expect(await list('office', { department: 'finance' })).toEqual([ids.a]);
    // A department by the name people write finds the same as its code.
    expect(await list('office', { state: 'assigned', department: '交通运输局' })).toEqual([ids.b]);
    expect(await list('office', { department: '淄博市财政局' })).toEqual([ids.a]);
    expect(await list('office', { region: '370303' })).toEqual([ids.a]);
    expect(await list('office', { q: '电梯' })).toEqual([ids.a]);
    expect(await list('office', { overdue: true })).toEqual([]);
    api.clock.set('2026-06-03');
    expect((await list('office', { overdue: true })).sort()).toEqual([ids.a, ids.b].sort());
    const page = await (await api.as('office')).listSuggestions({ overdue: true, pageSize: 1, page: 2 });
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0].deadlines).toMatchObject({ overdue: true, next: { workingDaysLeft: -1 } });
    api.clock.set('2026-03-02');
    const bad = await api.http('GET', '/api/suggestions?department=nosuch', undefined, await api.token('office'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('nosuch');
  });

  test('directory endpoints', async () => {
    const c = await api.as('citizen01');
    expect((await c.departments()).items).toHaveLength(31);
    expect((await c.regions()).items[0]).toMatchObject({ name: '淄博市', level: 'city' });
    const stations = (await c.stations('370303')).items;
    expect(stations.length).toBeGreaterThan(0);
    expect(stations.every((s) => s.name.startsWith('张店区'))).toBe(true);
    const deputies = (await c.deputies({ station: stations[0].id })).items;
    expect(deputies.length).toBeGreaterThan(0);
    expect(JSON.stringify(deputies)).not.toMatch(/1386433/); // no phone numbers in the public directory
  });
});
