/** One questionnaire engine, three uses: surveys, ballots, evaluations; results and exports. */
import ExcelJS from 'exceljs';
import { startTestApi, type TestApi } from '../helpers/api';
import { databaseKinds } from '../helpers/db';

describe.each(databaseKinds())('questionnaires on %s', (kind) => {
  let api: TestApi;
  let office: string;
  const dep: Record<string, string> = {};
  beforeAll(async () => {
    api = await startTestApi(kind);
    api.clock.set('2026-03-02T02:00:00Z');
    office = await api.token('office');
    for (const u of ['deputy01', 'deputy02', 'deputy03', 'deputy04', 'deputy05', 'deputy06']) dep[u] = await api.token(u);
  });
  afterAll(() => api.close());

  const users = ['deputy01', 'deputy02', 'deputy03', 'deputy04', 'deputy05'];
  const survey = (anonymous: boolean) => ({
    kind: 'survey',
    title: '代表履职服务满意度调查',
    anonymous,
    closesAt: '2026-03-09T10:00:00+08:00',
    audience: { users },
    questions: [
      { id: 'q1', type: 'single', title: '你最常用的履职渠道', options: ['小程序', '群聊', '联络站'], required: true },
      { id: 'q2', type: 'multiple', title: '希望加强的方面', options: ['培训', '调研', '信息'], min: 1, max: 2 },
      { id: 'q3', type: 'rating', title: '总体评分' },
      { id: 'q4', type: 'longtext', title: '意见建议' },
    ],
  });

  test('a survey: answers, editing until close, counts and percentages, reminders to those who did not answer', async () => {
    const created = await api.http('POST', '/api/questionnaires', survey(false), office);
    expect(created).toMatchObject({ status: 201, body: { recipients: 5 } });
    const id = created.body.id;
    const answer = (u: string, answers: object) => api.http('POST', `/api/questionnaires/${id}/answers`, { answers }, dep[u]);
    expect((await answer('deputy01', { q1: 0, q2: [0, 1], q3: 5, q4: '希望多组织调研' })).body).toEqual({ updated: false });
    expect((await answer('deputy02', { q1: 1, q2: [1], q3: 4 })).status).toBe(200);
    expect((await answer('deputy03', { q1: 1, q2: [2], q3: 3 })).status).toBe(200);
    expect((await answer('deputy01', { q1: 1, q2: [1], q3: 4 })).body).toEqual({ updated: true });
    const missing = await answer('deputy04', { q2: [0] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('必答');
    expect((await answer('deputy04', { q1: 0, q2: [0, 1, 2] })).body.error.message).toContain('最多选 2 项');
    expect((await answer('deputy06', { q1: 0 })).status).toBe(403);

    const results = (await api.http('GET', `/api/questionnaires/${id}/results`, undefined, office)).body;
    expect(results).toMatchObject({ eligible: 5, responded: 3, responseRate: 60 });
    expect(results.questions[0].options.map((o: { count: number }) => o.count)).toEqual([0, 3, 0]);
    expect(results.questions[0].options[1].percent).toBe(100);
    expect(results.questions[2].average).toBe(3.67);
    expect((await api.http('GET', `/api/questionnaires/${id}/results`, undefined, dep.deputy01)).status).toBe(403);

    api.clock.set('2026-03-08T12:00:00Z');
    const { sweepQuestionnaireReminders } = await import('../../core/sweeps/reminders');
    expect(await sweepQuestionnaireReminders(api.core)).toBe(2);
    expect(await sweepQuestionnaireReminders(api.core)).toBe(0);
    api.clock.set('2026-03-09T03:00:00Z');
    expect((await answer('deputy02', { q1: 0 })).status).toBe(409);
    api.clock.set('2026-03-02T02:00:00Z');
  });

  test('exports: an anonymous survey holds no names; the XLSX opens with exceljs and holds the right counts', async () => {
    const id = (await api.http('POST', '/api/questionnaires', survey(true), office)).body.id;
    for (const [u, q1] of [['deputy01', 0], ['deputy02', 2], ['deputy03', 2]] as const) {
      await api.http('POST', `/api/questionnaires/${id}/answers`, { answers: { q1, q2: [0], q3: 5, q4: `意见：${q1}` } }, dep[u]);
    }
    const csvRes = await fetch(`${api.url}/api/questionnaires/${id}/export?format=csv`, { headers: { authorization: `Bearer ${office}` } });
    expect(csvRes.headers.get('content-type')).toContain('text/csv');
    const csv = await csvRes.text();
    expect(csv).toContain('联络站');
    for (const name of ['王建国', '李秀英', '张志强', 'deputy01', 'deputy02']) expect(csv).not.toContain(name);
    expect(csv.trim().split('\n')).toHaveLength(4);

    const xlsx = await fetch(`${api.url}/api/questionnaires/${id}/export?format=xlsx`, { headers: { authorization: `Bearer ${office}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const summary = wb.getWorksheet('汇总')!;
    const rows: unknown[][] = [];
    summary.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[1]).toEqual(['应参与', 5, '已提交', 3, '参与率 %', 60]);
    expect(rows).toContainEqual(['你最常用的履职渠道', '联络站', 2, 66.7]);
    expect(rows).toContainEqual(['你最常用的履职渠道', '小程序', 1, 33.3]);
    const detail = wb.getWorksheet('明细')!;
    expect(detail.rowCount).toBe(4);
    expect(JSON.stringify(detail.getSheetValues())).not.toContain('王建国');

    // A named survey's export does carry names.
    const named = (await api.http('POST', '/api/questionnaires', survey(false), office)).body.id;
    await api.http('POST', `/api/questionnaires/${named}/answers`, { answers: { q1: 0 } }, dep.deputy01);
    const namedCsv = await (await fetch(`${api.url}/api/questionnaires/${named}/export?format=csv`, { headers: { authorization: `Bearer ${office}` } })).text();
    expect(namedCsv).toContain('王建国');
  });

  test('a ballot: at most N of M, one ballot each, quorum and pass threshold', async () => {
    const created = await api.http('POST', '/api/questionnaires', {
      kind: 'ballot',
      title: '2027 年民生实事项目票决',
      closesAt: '2026-03-09T10:00:00+08:00',
      audience: { users },
      candidates: ['老旧小区改造', '新建公办幼儿园', '农村道路提升', '社区食堂'],
      maxChoices: 2,
      quorum: 0.6,
      passThreshold: 0.5,
    }, office);
    const id = created.body.id;
    const vote = (u: string, choice: number[]) => api.http('POST', `/api/questionnaires/${id}/answers`, { answers: { choice } }, dep[u]);
    const over = await vote('deputy01', [0, 1, 2]);
    expect(over.status).toBe(400);
    expect(over.body.error.message).toContain('最多只能选 2 项');
    expect((await vote('deputy01', [0, 1])).status).toBe(200);
    expect((await vote('deputy01', [0])).status).toBe(409);
    expect((await vote('deputy02', [0, 2])).status).toBe(200);
    let r = (await api.http('GET', `/api/questionnaires/${id}/results`, undefined, office)).body;
    expect(r.ballot.quorumMet).toBe(false); // 2 of 5 < 60 %
    expect(r.ballot.candidates.every((c: { passed: boolean }) => !c.passed)).toBe(true);
    expect((await vote('deputy03', [0, 3])).status).toBe(200);
    r = (await api.http('GET', `/api/questionnaires/${id}/results`, undefined, office)).body;
    expect(r.ballot.quorumMet).toBe(true); // 3 of 5 = 60 %
    expect(r.ballot.candidates.map((c: { votes: number; passed: boolean }) => [c.votes, c.passed])).toEqual([
      [3, true], // 3/5 ≥ 50 %
      [1, false],
      [1, false],
      [1, false],
    ]);
    const bad = await api.http('POST', '/api/questionnaires', { kind: 'ballot', title: 'x', closesAt: '2026-03-09T10:00:00+08:00', audience: { users }, candidates: ['a', 'b'], maxChoices: 3 }, office);
    expect(bad.status).toBe(400);
  });

  test('a ballot passes with strictly more than half (过半数) of those asked or of the valid votes, as it says; voters see the results after it closes', async () => {
    const four = ['deputy01', 'deputy02', 'deputy03', 'deputy04'];
    const ballot = (majorityOf?: string) =>
      api.http('POST', '/api/questionnaires', { kind: 'ballot', title: '民生实事项目票决', closesAt: '2026-03-03T10:00:00+08:00', audience: { users: four }, candidates: ['甲', '乙', '丙'], maxChoices: 2, ...(majorityOf ? { majorityOf } : {}) }, office);
    const ofEligible = (await ballot()).body.id;
    const ofValid = (await ballot('valid')).body.id;
    for (const id of [ofEligible, ofValid]) {
      for (const [u, choice] of [['deputy01', [0, 1]], ['deputy02', [0, 1]], ['deputy03', [0]]] as const) {
        expect((await api.http('POST', `/api/questionnaires/${id}/answers`, { answers: { choice } }, dep[u])).status).toBe(200);
      }
    }
    const results = async (id: number, token = office) => api.http('GET', `/api/questionnaires/${id}/results`, undefined, token);
    // Of the 4 asked: 甲 3 votes passes, 乙 2 votes (exactly half) does not.
    let r = (await results(ofEligible)).body.ballot;
    expect(r).toMatchObject({ majorityOf: 'eligible', majorityOfLabel: '全体应投票人数', base: 4, votesNeeded: 3 });
    expect(r.rule).toContain('超过全体应投票人数的半数');
    expect(r.candidates.map((c: { votes: number; passed: boolean }) => [c.votes, c.passed])).toEqual([[3, true], [2, false], [0, false]]);
    // Of the 3 valid votes: 乙 with 2 of 3 passes.
    r = (await results(ofValid)).body.ballot;
    expect(r).toMatchObject({ majorityOf: 'valid', base: 3, votesNeeded: 2 });
    expect(r.candidates.map((c: { votes: number; passed: boolean }) => [c.votes, c.passed])).toEqual([[3, true], [2, true], [0, false]]);
    // The ballot says how it is decided.
    const detail = (await api.http('GET', `/api/questionnaires/${ofValid}`, undefined, dep.deputy01)).body;
    expect(detail.rules).toMatchObject({ majorityOf: 'valid', passThreshold: 0.5 });
    expect(detail.rules.rule).toContain('超过有效票数的半数');
    // Voters see the results once the ballot has closed; others never.
    const early = await results(ofEligible, dep.deputy01);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('结束（3月3日 10:00）后公布结果');
    api.clock.set('2026-03-03T02:00:00Z');
    const late = await results(ofEligible, dep.deputy04);
    expect(late.status).toBe(200);
    expect(late.body.ballot.candidates[0]).toMatchObject({ label: '甲', passed: true });
    expect((await results(ofEligible, dep.deputy06)).status).toBe(403);
    api.clock.set('2026-03-02T02:00:00Z');
    const bad = await api.http('POST', '/api/questionnaires', { kind: 'ballot', title: 'x', closesAt: '2026-03-09T10:00:00+08:00', audience: { users }, candidates: ['a', 'b'], majorityOf: 'present' }, office);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('过半数的基数只能是');
  });

  test('an evaluation: 满意 / 基本满意 / 不满意 with instant results for those who answered', async () => {
    const id = (await api.http('POST', '/api/questionnaires', { kind: 'evaluation', title: '对市住建局专项工作报告的满意度测评', closesAt: '2026-03-02T12:00:00+08:00', audience: { users } }, office)).body.id;
    // A voter who has not answered waits for the close; after it, every voter reads the results.
    expect((await api.http('GET', `/api/questionnaires/${id}/results`, undefined, dep.deputy01)).status).toBe(409);
    await api.http('POST', `/api/questionnaires/${id}/answers`, { answers: { rating: 0 } }, dep.deputy01);
    await api.http('POST', `/api/questionnaires/${id}/answers`, { answers: { rating: 2 } }, dep.deputy02);
    const r = (await api.http('GET', `/api/questionnaires/${id}/results`, undefined, dep.deputy01)).body;
    expect(r.questions[0].options.map((o: { label: string; count: number }) => `${o.label}${o.count}`)).toEqual(['满意1', '基本满意0', '不满意1']);
    const mine = (await api.http('GET', '/api/questionnaires', undefined, dep.deputy01)).body.items;
    expect(mine.find((q: { id: number }) => q.id === id)).toMatchObject({ answered: true, kindLabel: '测评' });
    expect((await api.http('GET', `/api/questionnaires/${id}/results`, undefined, dep.deputy03)).status).toBe(409);
    api.clock.set('2026-03-02T04:00:00Z');
    expect((await api.http('GET', `/api/questionnaires/${id}/results`, undefined, dep.deputy03)).body.responded).toBe(2);
    api.clock.set('2026-03-02T02:00:00Z');
  });
});
