/** The office dashboard over HTTP: figures that follow the suggestions' lifecycle, scoping, bad input, export. */
import ExcelJS from 'exceljs';
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';
import { SuggestionModel } from '../../../models/definitions';
import { statsCache } from '../../../core/stats/statsCache';

describe.each(databaseKinds())('suggestion statistics on %s', (kind) => {
  let api: TestApi;
  let office: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    api.clock.set('2026-03-02');
    const deputy = await api.as('deputy01');
    const officeClient = await api.as('office');
    const housing = await api.as('staff-housing');
    // One answered on time (class B, satisfied), one overdue and unanswered, one only submitted.
    const a = await deputy.createSuggestion({ title: '关于加快老旧小区加装电梯的建议', body: '老旧小区没有电梯，老年人上下楼困难。', submit: true });
    await officeClient.act(a.id, 'accept');
    await officeClient.act(a.id, 'assign', { lead: 'housing' });
    await housing.act(a.id, 'sign');
    await housing.act(a.id, 'consult', { method: 'visit', happenedOn: '2026-03-02', summary: '上门面商。' });
    await housing.act(a.id, 'draft-answer', { answerClass: 'B', text: '已列入计划。' });
    await housing.act(a.id, 'publish-answer', {});
    await deputy.act(a.id, 'rate', { rating: 'satisfied' });
    const b = await deputy.createSuggestion({ title: '关于老旧小区雨污分流改造的建议', body: '雨天污水倒灌。', submit: true });
    await officeClient.act(b.id, 'accept');
    await officeClient.act(b.id, 'assign', { lead: 'housing' });
    await deputy.createSuggestion({ title: '关于增加公交线路的建议', body: '早晚高峰等车时间长。', submit: true });
    await deputy.createSuggestion({ title: '草稿不计入统计', body: '…' });
    api.clock.set('2026-07-01'); // b's answer was due 2026-06-02
    office = await api.token('office');
  });
  afterAll(() => api.close());

  test('counts by state and department, on-time rate, rating and answer-class shares, by month and district', async () => {
    const { status, body } = await api.http('GET', '/api/stats/suggestions?from=2026-01&to=2026-12', undefined, office);
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.byState).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'closed', label: '已办结', count: 1 }), expect.objectContaining({ code: 'submitted', count: 1 })]),
    );
    // The overdue, unanswered suggestion counts against the on-time rate: 1 on time out of 2 due.
    expect(body.byDepartment).toEqual([{ code: 'housing', name: '淄博市住房和城乡建设局', total: 2, answered: 1, onTime: 1, overdue: 1, onTimeRate: 50, rated: 1, satisfactionRate: 100 }]);
    expect(body.onTimeRate).toBe(50);
    expect(body.ratings.find((r: { code: string }) => r.code === 'satisfied')).toMatchObject({ label: '满意', count: 1, percent: 100 });
    expect(body.answerClasses.find((r: { code: string }) => r.code === 'B')).toMatchObject({ count: 1, percent: 100 });
    expect(body.byMonth).toEqual([{ month: '2026-03', submitted: 3, answered: 1 }]);
    // Ratings and A/B/C/D shares by department, month and district.
    const only = (rows: { code: string; name: string; ratings: { code: string; count: number; percent: number }[]; answerClasses: { code: string; count: number }[] }[]) =>
      rows.map((r) => [r.code, r.name, r.ratings.filter((x) => x.count).map((x) => `${x.code}:${x.count}:${x.percent}`), r.answerClasses.filter((x) => x.count).map((x) => `${x.code}:${x.count}`)]);
    expect(only(body.breakdown.department)).toEqual([['housing', '淄博市住房和城乡建设局', ['satisfied:1:100'], ['B:1']]]);
    expect(only(body.breakdown.month)).toEqual([['2026-03', '2026-03', ['satisfied:1:100'], ['B:1']]]);
    expect(only(body.breakdown.district)).toEqual([['370303', '张店区', ['satisfied:1:100'], ['B:1']]]);
    expect(body.byRegion.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(3);
    // Another period holds nothing.
    expect((await api.http('GET', '/api/stats/suggestions?from=2025-01&to=2025-12', undefined, office)).body.total).toBe(0);
  });

  test('only the office and admin; bad months are a clear 400', async () => {
    const deputy = await api.token('deputy01');
    expect((await api.http('GET', '/api/stats/suggestions', undefined, deputy)).status).toBe(403);
    expect((await api.http('GET', '/api/stats/suggestions?from=2026-13', undefined, office)).body.error.message).toContain('月份格式应为 YYYY-MM');
    expect((await api.http('GET', '/api/stats/suggestions?from=2026-05&to=2026-01', undefined, office)).body.error.message).toBe('开始月份不能晚于结束月份');
    expect((await api.http('GET', '/api/stats/suggestions/export?format=pdf', undefined, office)).status).toBe(400);
  });

  test('export as XLSX (a sheet per table) and CSV (the department table, with a BOM)', async () => {
    const xlsx = await fetch(`${api.url}/api/stats/suggestions/export?format=xlsx&from=2026-01&to=2026-12`, { headers: { authorization: `Bearer ${office}` } });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['承办单位', '概况', '按月', '按区县']);
    expect(book.getWorksheet('承办单位')!.getRow(2).values).toEqual([undefined, '淄博市住房和城乡建设局', 2, 1, 1, 1, 50]);
    const csv = await fetch(`${api.url}/api/stats/suggestions/export?format=csv`, { headers: { authorization: `Bearer ${office}` } });
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('淄博市住房和城乡建设局,2,1,1,1,50');
  });

  test('after changes the figures are the fresh ones at once (an answer, a new suggestion), cached or not', async () => {
    const get = async () => (await api.http('GET', '/api/stats/suggestions?from=2026-01&to=2026-12', undefined, office)).body;
    const before = await get();
    expect(before.total).toBe(3);
    expect(await get()).toEqual(before);
    // b (overdue) is answered, and a new one is submitted: an answered task and a new suggestion.
    const deputy = await api.as('deputy01');
    const housing = await api.as('staff-housing');
    const [b] = (await SuggestionModel.findAll({ where: { title: '关于老旧小区雨污分流改造的建议' } })).map((x) => x.id);
    await housing.act(b, 'sign');
    await housing.act(b, 'consult', { method: 'phone', happenedOn: '2026-07-01', summary: '电话面商。' });
    await housing.act(b, 'draft-answer', { answerClass: 'A', text: '已完成改造。' });
    await housing.act(b, 'publish-answer', {});
    await deputy.createSuggestion({ title: '关于增设社区食堂的建议', body: '老年人吃饭难。', submit: true });
    const after = await get();
    expect([after.total, after.answered, after.overdue]).toEqual([4, 2, 0]);
    expect(after.answerClasses.filter((x: { count: number }) => x.count).map((x: { code: string; count: number }) => `${x.code}:${x.count}`)).toEqual(['A:1', 'B:1']);
    statsCache.clear(api.core);
    expect(await get()).toEqual(after);
  });
});
