/**
 * The dashboard's figures checked against the API's own lists: every count the office sees on the dashboard is the
 * total of the list it drills down to (state, lead department, overdue, month, district), for the city office and
 * for a district office (which sees only its district). On-time and satisfaction rates from a known mix.
 */
import type { ApiClient } from '../../../contracts/client';
import type { SuggestionStats } from '../../../contracts/schemas';
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';

jest.setTimeout(120_000);

describe.each(databaseKinds())('dashboard figures against the lists on %s', (kind) => {
  let api: TestApi;
  let office: ApiClient;
  const ids: Record<string, number> = {};

  /** A suggestion by `deputy`, accepted and assigned to `lead`. */
  async function assigned(deputy: string, title: string, lead: string) {
    const d = await api.as(deputy);
    const s = await d.createSuggestion({ title, body: `${title}：具体情况见正文，请相关部门研究办理。`, submit: true });
    await office.act(s.id, 'accept');
    await office.act(s.id, 'assign', { lead });
    return s.id;
  }
  /** The lead department answers (class `cls`) and the deputy rates it. */
  async function answer(id: number, staff: string, cls: 'A' | 'B' | 'C' | 'D', deputy?: string, rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied') {
    const s = await api.as(staff);
    await s.act(id, 'sign');
    await s.act(id, 'consult', { method: 'phone', happenedOn: api.clock.now().toISOString().slice(0, 10), summary: '电话联系代表。' });
    await s.act(id, 'draft-answer', { answerClass: cls, text: '办理情况如下。' });
    await s.act(id, 'publish-answer', {});
    if (deputy && rating) await (await api.as(deputy)).act(id, 'rate', { rating, ...(rating === 'dissatisfied' ? { comment: '没有说明时间表。' } : {}) });
  }

  beforeAll(async () => {
    api = await startTestApi(kind);
    office = await api.as('office');
    api.clock.set('2027-02-01');
    // February: housing answers one on time (A, satisfied) and one late (B, basically satisfied); one stays open and goes overdue.
    ids.onTime = await assigned('deputy01', '关于老旧小区加装电梯补贴的建议', 'housing');
    ids.late = await assigned('deputy02', '关于城中村雨污分流改造的建议', 'housing');
    ids.open = await assigned('deputy03', '关于物业服务收费公示的建议', 'housing');
    ids.edu = await assigned('deputy04', '关于增加学校课后服务的建议', 'edu');
    await answer(ids.onTime, 'staff-housing', 'A', 'deputy01', 'satisfied');
    api.clock.set('2027-03-10');
    ids.march = await assigned('deputy05', '关于公交站台增设遮阳棚的建议', 'transport');
    await (await api.as('deputy06')).createSuggestion({ title: '关于社区食堂的建议', body: '建议在社区开设老年食堂。', submit: true });
    api.clock.set('2027-06-20'); // February's answers were due in early May
    await answer(ids.late, 'staff-housing', 'B', 'deputy02', 'basically_satisfied');
    await answer(ids.edu, 'staff-edu', 'C', 'deputy04', 'dissatisfied');
  });
  afterAll(() => api.close());

  const total = async (client: ApiClient, query: Record<string, string | boolean>) => (await client.listSuggestions({ ...query, pageSize: 1 })).total;
  /** A list's total without citizens' opinions still with their deputy (the dashboard counts suggestions). */
  const suggestions = async (client: ApiClient, query: Record<string, string | boolean>) =>
    (await total(client, query)) - (await total(client, { ...query, state: 'received' })) - (await total(client, { ...query, state: 'replied' }));

  async function checkAgainstLists(client: ApiClient, s: SuggestionStats) {
    expect(s.byState.reduce((n, x) => n + x.count, 0)).toBe(s.total);
    for (const x of s.byState) expect([x.code, await total(client, { state: x.code })]).toEqual([x.code, x.count]);
    expect(await total(client, { overdue: true })).toBe(s.overdue);
    for (const d of s.byDepartment) {
      expect([d.code, await total(client, { lead: d.code })]).toEqual([d.code, d.total]);
      expect([d.code, await total(client, { lead: d.code, overdue: true })]).toEqual([d.code, d.overdue]);
    }
    for (const m of s.byMonth) expect([m.month, await suggestions(client, { month: m.month })]).toEqual([m.month, m.submitted]);
    for (const r of s.byRegion.filter((x) => x.code !== 'city')) expect([r.code, await suggestions(client, { region: r.code })]).toEqual([r.code, r.count]);
  }

  test('the city office: each figure is its list, the on-time rate counts open overdue ones as late', async () => {
    const s = await office.stats({ from: '2027-01', to: '2027-12' });
    expect(s.total).toBe(6);
    await checkAgainstLists(office, s);
    const housing = s.byDepartment.find((d) => d.code === 'housing')!;
    // 1 on time; 1 answered late; 1 open and overdue → 1 of 3 on time.
    expect(housing).toMatchObject({ total: 3, answered: 2, onTime: 1, overdue: 1, onTimeRate: 33.3, rated: 2, satisfactionRate: 100 });
    // edu's answer was rated 不满意: it is being answered again (not due yet), its rating counts.
    expect(s.byDepartment.find((d) => d.code === 'edu')).toMatchObject({ total: 1, answered: 0, onTime: 0, overdue: 0, onTimeRate: null, rated: 1, satisfactionRate: 0 });
    // transport's March suggestion (due in June) is overdue on 2027-06-20 too.
    expect(s.byDepartment.find((d) => d.code === 'transport')).toMatchObject({ total: 1, overdue: 1, onTimeRate: 0 });
    expect(s.overdue).toBe(2);
    expect(s.onTimeRate).toBe(25); // 1 of (2 answered + 2 overdue)
    expect(s.satisfactionRate).toBe(66.7);
    expect(s.byMonth).toEqual([
      { month: '2027-02', submitted: 4, answered: 2 },
      { month: '2027-03', submitted: 2, answered: 0 },
    ]);
    expect(s.answerClasses.filter((x) => x.count).map((x) => `${x.code}:${x.count}`)).toEqual(['A:1', 'B:1', 'C:1']);
    expect(s.breakdown.month.map((m) => [m.code, m.answerClasses.reduce((n, x) => n + x.count, 0)])).toEqual([['2027-02', 3]]);
    // Whole periods and the figures with no period at all (the seeded city included) hold together too.
    await checkAgainstLists(office, await office.stats());
  });

  test('a district office sees its district only, and its figures are its lists', async () => {
    const district = await api.as('office-zhangdian');
    const s = await district.stats({ from: '2027-01', to: '2027-12' });
    expect(s.byRegion.every((r) => r.code === '370303')).toBe(true);
    expect(s.total).toBeLessThan(6);
    await checkAgainstLists(district, s);
  });

  test('a change shows at once (the cache follows the suggestion events)', async () => {
    const before = await office.stats({ from: '2027-01', to: '2027-12' });
    await answer(ids.march, 'staff-transport', 'A');
    const after = await office.stats({ from: '2027-01', to: '2027-12' });
    expect(after.overdue).toBe(before.overdue - 1);
    expect(after.answered).toBe(before.answered + 1);
  });
});
