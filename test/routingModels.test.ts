/**
 * The department routing model in the product: labelled history imported over HTTP (CSV and XLSX, rows taken
 * or refused with reasons), versions with their training summary and held-out scores, a retrain that is not
 * adopted when it scores worse, rollback, the nightly retrain sweep, and the command line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sweepRoutingRetrain } from '../core/sweeps/routingRetrain';
import { DepartmentModel, RoutingExampleModel } from '../models/definitions';
import { startTestApi, type TestApi } from './helpers/api';
import { nodeArgs, ROOT } from './helpers/bin';
import { databaseKinds, seededDatabaseUrl } from './helpers/db';

// Training a version takes tens of seconds on a loaded 2-core machine (5,000 first-day documents); the default 60 s is too tight.
jest.setTimeout(240_000);

const CSV_TYPE = { 'content-type': 'text/csv; charset=utf-8' };

/**
 * Past suggestions as an office exports them: three good rows, then one without a title, an unknown unit, one
 * without a unit and a duplicate. The HTTP import and the command line read the same file into a copy of the same
 * city, so the command line's retrain is of the documents the HTTP test trained (read from this run's training
 * cache, core/routing/trainingCache.ts) and only the HTTP test pays for that training.
 */
const HISTORY_CSV = [
  '标题,内容,承办单位',
  '关于增加夜间公交班次的建议,下晚班的职工没有公交可坐,淄博市交通运输局',
  '关于整治货车超载的建议,,交通运输局',
  '关于农村客运班线通达的建议,偏远村庄不通客车,transport',
  ',没有标题的一行,交通运输局',
  '关于成立月球局的建议,,月球管理局',
  '关于社区食堂的建议,老人吃饭难,',
  '关于增加夜间公交班次的建议,重复的一行,交通运输局',
].join('\n');

describe.each(databaseKinds())('routing model versions on %s', (kind) => {
  let api: TestApi;
  let office: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    office = await api.token('office');
  });
  afterAll(() => api.close());

  const versions = async () => (await api.http('GET', '/api/routing/models', undefined, office)).body;

  test('the first version is trained from the keywords and the demo history, with its summary and scores', async () => {
    await api.core.router.load();
    const { current, items } = await versions();
    expect(items).toHaveLength(1);
    expect(current).toBe(`v${items[0].id}`);
    expect(items[0]).toMatchObject({ status: 'current', statusLabel: '当前使用', reason: 'initial', reasonLabel: '初始训练' });
    expect(items[0].summary.keywords).toBeGreaterThan(300);
    expect(items[0].summary.examples).toBeGreaterThan(50);
    expect(items[0].scores.heldOut.n).toBeGreaterThan(10);
    expect(items[0].scores.heldOut.macroF1).toBeGreaterThan(0.3);
    expect(items[0]).not.toHaveProperty('model');
  });

  test('only the office and the administrator manage models', async () => {
    const deputy = await api.token('deputy01');
    expect((await api.http('GET', '/api/routing/models', undefined, deputy)).status).toBe(403);
    expect((await api.http('POST', '/api/routing/models', {}, deputy)).body.error.message).toBe('只有人大办公室可以管理分办模型');
    expect((await api.http('POST', '/api/routing/history', '标题,承办单位\n公交,交通运输局', deputy, CSV_TYPE)).status).toBe(403);
    expect((await api.http('GET', '/api/routing/models')).status).toBe(401);
  });

  test('a CSV of past suggestions: good rows are taken, the rest refused with reasons, then a new version is trained', async () => {
    const r = await api.http('POST', '/api/routing/history', HISTORY_CSV, office, CSV_TYPE);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 7, taken: 3, refused: 4, byDepartment: [{ code: 'transport', name: '淄博市交通运输局', count: 3 }] });
    expect(r.body.reasons).toEqual(
      expect.arrayContaining([
        { reason: '标题为空', count: 1, rows: [5] },
        { reason: '承办单位“月球管理局”不在部门名录中', count: 1, rows: [6] },
        { reason: '承办单位为空', count: 1, rows: [7] },
        { reason: '与已有样本重复（标题和承办单位相同）', count: 1, rows: [8] },
      ]),
    );
    expect(r.body.retrain.version).toMatchObject({ reason: 'import', note: '导入 3 条历史建议' });
    expect(r.body.retrain.message).toMatch(/^第 2 版(已启用|未启用)/);
    const stored = await RoutingExampleModel.findAll({ where: { source: 'import' } });
    expect(stored.map((s) => s.title).sort()).toEqual(['关于农村客运班线通达的建议', '关于增加夜间公交班次的建议', '关于整治货车超载的建议']);
  });

  test('an XLSX workbook is read too; a file that cannot be read is a clear 4xx and stores nothing', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('历史建议');
    sheet.addRow(['建议标题', '建议内容', '主办单位']);
    sheet.addRow(['关于提高大病医保报销比例的建议', '大病患者负担重', '淄博市医疗保障局']);
    sheet.addRow(['关于延长中小学课后服务时间的建议', '', '教育局']);
    const data = Buffer.from(await book.xlsx.writeBuffer());
    const before = await RoutingExampleModel.count();
    const res = await fetch(`${api.url}/api/routing/history?retrain=false`, {
      method: 'POST',
      headers: { authorization: `Bearer ${office}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: data,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ total: 2, taken: 2, refused: 0, retrain: null });
    expect(await RoutingExampleModel.count()).toBe(before + 2);

    const broken = await api.http('POST', '/api/routing/history?format=xlsx', 'not a workbook', office, CSV_TYPE);
    expect(broken).toMatchObject({ status: 400, body: { error: { message: '文件不是可读的 XLSX 工作簿' } } });
    const noColumns = await api.http('POST', '/api/routing/history', 'a,b\n1,2', office, CSV_TYPE);
    expect(noColumns.status).toBe(400);
    expect(noColumns.body.error.message).toContain('缺少“标题”或“承办单位”列');
    expect((await api.http('POST', '/api/routing/history', { rows: [] }, office)).status).toBe(415);
    expect(await RoutingExampleModel.count()).toBe(before + 2);
  });

  test('a retrain that scores worse on the held-out examples is kept but not adopted; the office can roll back', async () => {
    const good = await api.http('POST', '/api/routing/models', { note: '手动重训' }, office);
    expect(good.status).toBe(201);
    expect(good.body.accepted).toBe(true);
    const goodId = good.body.version.id;
    expect(good.body.version.scores.previous).toMatchObject({ n: good.body.version.scores.heldOut.n });
    expect((await api.http('POST', '/api/routing/models', { note: 123 }, office)).status).toBe(400);

    // Someone wipes most departments' duty keywords: the model trained now is worse and is not used.
    const saved = await DepartmentModel.findAll();
    await DepartmentModel.update({ keywords: '[]', duties: '' }, { where: {} });
    const worse = await api.http('POST', '/api/routing/models', {}, office);
    for (const d of saved) await DepartmentModel.update({ keywords: d.keywords, duties: d.duties }, { where: { id: d.id } });
    expect(worse.body.accepted).toBe(false);
    expect(worse.body.version.status).toBe('rejected');
    expect(worse.body.message).toMatch(/未启用：留出样本 \d+ 条，答对 \d+ 条，宏平均 F1 [\d.]+，不如当前第 \d+ 版（答对 \d+ 条，[\d.]+）/);
    expect((await versions()).current).toBe(`v${goodId}`);

    // Roll back to the first version; the proposals now come from it.
    const first = (await versions()).items.at(-1);
    const rolled = await api.http('POST', `/api/routing/models/${first.id}/activate`, {}, office);
    expect(rolled.status).toBe(200);
    const after = await versions();
    expect(after.current).toBe(`v${first.id}`);
    expect(after.items.filter((v: { status: string }) => v.status === 'current').map((v: { id: number }) => v.id)).toEqual([first.id]);
    expect(after.items.find((v: { id: number }) => v.id === goodId).status).toBe('retired');
    const deputy = await api.token('deputy01');
    expect((await api.http('POST', '/api/routing/classify', { title: '建议增加公交线路' }, deputy)).body.modelVersion).toBe(`v${first.id}`);

    expect((await api.http('POST', `/api/routing/models/${first.id}/activate`, {}, office)).status).toBe(409);
    expect((await api.http('POST', '/api/routing/models/9999/activate', {}, office)).status).toBe(404);
    expect((await api.http('POST', '/api/routing/models/abc/activate', {}, office)).status).toBe(400);
  });

  test('the nightly sweep retrains once a day after 02:00 Beijing time, and only when there is something new', async () => {
    const count = async () => (await versions()).items.length;
    const n = await count();
    await RoutingExampleModel.create({ title: '关于小区充电桩建设的建议', text: '电动车充电难', departmentCode: 'power', label: 'positive', source: 'confirm', suggestionId: null, createdAt: new Date() });
    api.clock.set('2026-03-09T17:30:00Z'); // 01:30 in Beijing: too early
    expect(await sweepRoutingRetrain(api.core)).toBe(0);
    api.clock.set('2026-03-09T19:00:00Z'); // 03:00
    expect(await sweepRoutingRetrain(api.core)).toBe(1);
    expect(await sweepRoutingRetrain(api.core)).toBe(0);
    const items = (await versions()).items;
    expect(items).toHaveLength(n + 1);
    expect(items[0]).toMatchObject({ reason: 'nightly', reasonLabel: '夜间自动重训', note: '2026-03-10 夜间自动重训' });
    api.clock.set('2026-03-10T19:00:00Z'); // the next night, nothing new
    expect(await sweepRoutingRetrain(api.core)).toBe(0);
    expect(await count()).toBe(n + 1);
  });
});

describe('npm run routing:models', () => {
  let db: { url: string; drop: () => Promise<void> };
  // A copy of this run's demo city with its first model (trained once for the whole run, as a city has it
  // after its first start), so the commands below train only what they are asked to.
  beforeAll(async () => {
    db = await seededDatabaseUrl('sqlite');
  });
  afterAll(() => db.drop());

  test('imports a file with a progress bar and a summary, lists versions, retrains and rolls back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-models-'));
    const env = { ...process.env, DATABASE_URL: db.url };
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [...nodeArgs('cli/routingModels.ts'), ...args], { encoding: 'utf8', cwd: ROOT, env });
    fs.writeFileSync(path.join(dir, 'h.csv'), `${HISTORY_CSV}\n`);
    const imported = run('import', path.join(dir, 'h.csv'));
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('共 7 行：导入 3 行，拒收 4 行');
    expect(imported.stdout).toContain('拒收 1 行：承办单位“月球管理局”不在部门名录中（第 6 行）');
    expect(imported.stdout).toContain('拒收 1 行：与已有样本重复（标题和承办单位相同）（第 8 行）');
    expect(imported.stdout).toMatch(/第 2 版(已启用|未启用)/);
    expect(imported.stderr).toContain('7/7 行');
    const list = run('list');
    expect(list.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(list.stdout).toMatch(/第 1 版 {2}(当前使用|已停用) {2}初始训练/);
    expect(run('retrain', '--note', '测试').stdout).toMatch(/^第 3 版/);
    expect(run('activate', '1').stdout).toBe('已切换到第 1 版\n');
    const again = run('activate', '1');
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('第 1 版已经是当前模型\n');
    expect(run('bogus').stderr).toContain('用法');
  });
});
