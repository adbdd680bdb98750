/** The HTTP contract over the real Koa app: status order, error shape, bad input, OpenAPI. */
import { SUGGESTION_ACTIONS } from '../../../contracts/enums';
import { SuggestionModel, UserModel } from '../../../models/definitions';
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';

describe.each(databaseKinds())('HTTP contract on %s', (kind) => {
  let api: TestApi;
  let deputy: string;
  let staff: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    deputy = await api.token('deputy01');
    staff = await api.token('staff-edu');
  });
  afterAll(() => api.close());

  const good = { title: '关于增加中小学课后服务的建议', body: '双职工家庭接孩子难，建议学校延长课后托管时间。' };

  test('401 → 400 → 403 → 200/201 in that order', async () => {
    const none = await api.http('POST', '/api/suggestions', {});
    expect(none).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    expect(none.body.error.message).toMatch(/登录/);
    expect((await api.http('POST', '/api/suggestions', {}, 'forged.token.here')).status).toBe(401);
    const bad = await api.http('POST', '/api/suggestions', { title: 1 }, deputy);
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid' } } });
    expect((await api.http('POST', '/api/suggestions', good, staff)).status).toBe(403);
    const created = await api.http('POST', '/api/suggestions', good, deputy);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'draft', actions: expect.arrayContaining(['submit']) });
  });

  test('a page number or size that is not a whole number is refused by name', async () => {
    for (const [query, message] of [
      ['pageSize=1.5', '每页条数必须是整数'],
      ['pageSize=0', '每页至少 1 条'],
      ['pageSize=abc', '每页条数必须是数字'],
      ['page=2.5', '页码必须是整数'],
    ]) {
      const r = await api.http('GET', `/api/suggestions?${query}`, undefined, deputy);
      expect([query, r.status, r.body.error.message]).toEqual([query, 400, expect.stringContaining(message)]);
    }
  });

  test('unknown ids, actions and routes are 404 with a Chinese message', async () => {
    for (const path of ['/api/suggestions/999999', '/api/suggestions/abc', '/api/suggestions/99999999999999999999']) {
      const r = await api.http('GET', path, undefined, deputy);
      expect(r).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    }
    expect((await api.http('POST', '/api/suggestions/1/fly', {}, deputy)).status).toBe(404);
    expect((await api.http('GET', '/api/nothing-here')).body.error.message).toBe('没有这个接口');
  });

  test('a transition the state machine does not allow is 409', async () => {
    const { body } = await api.http('POST', '/api/suggestions', { ...good, submit: true }, deputy);
    const r = await api.http('POST', `/api/suggestions/${body.id}/submit`, {}, deputy);
    expect(r).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect(r.body.error.message).toContain('待审查');
  });

  test('bad input: broken JSON, wrong types, a 100 KB title, a body over 1 MB — 4xx, nothing stored', async () => {
    const before = await SuggestionModel.count();
    const broken = await api.http('POST', '/api/suggestions', '{"title": "x", ', deputy);
    expect(broken).toMatchObject({ status: 400, body: { error: { code: 'invalid' } } });
    const big = await api.http('POST', '/api/suggestions', { title: '长'.repeat(100_000), body: 'x' }, deputy);
    expect(big.status).toBe(400);
    expect(big.body.error.message).toContain('标题不能超过 200 字');
    const types = await api.http('POST', '/api/suggestions', { title: ['a'], body: { x: 1 }, submit: 'true' }, deputy);
    expect(types.status).toBe(400);
    const huge = await api.http('POST', '/api/suggestions', { title: 'x', body: 'x'.repeat(1_100_000) }, deputy);
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } });
    const list = await api.http('GET', '/api/suggestions?page=0&pageSize=1000', undefined, deputy);
    expect(list.status).toBe(400);
    expect((await api.http('GET', '/api/suggestions?state=flying', undefined, deputy)).status).toBe(400);
    expect(await SuggestionModel.count()).toBe(before);
  });

  test('HTML and SQL in text are stored verbatim and returned as data', async () => {
    const title = `<b>路灯</b>'); DROP TABLE users; --`;
    const body = `<script>alert(1)</script> ' OR '1'='1`;
    const r = await api.http('POST', '/api/suggestions', { title, body }, deputy);
    expect(r.status).toBe(201);
    const read = await api.http('GET', `/api/suggestions/${r.body.id}`, undefined, deputy);
    expect(read.body).toMatchObject({ title, body });
    expect(await UserModel.count()).toBeGreaterThan(50);
    const search = await api.http('GET', `/api/suggestions?q=${encodeURIComponent("' OR '1'='1")}`, undefined, deputy);
    expect(search.body.items.map((s: { id: number }) => s.id)).toEqual([r.body.id]);
    const pct = await api.http('GET', `/api/suggestions?q=${encodeURIComponent('%')}`, undefined, deputy);
    expect(pct.body.total).toBe(0);
  });

  test('the OpenAPI document lists every action, generated from the schemas; /docs renders it', async () => {
    const doc = (await api.http('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    for (const a of SUGGESTION_ACTIONS) expect(doc.paths[`/api/suggestions/{id}/${a}`]?.post).toBeDefined();
    for (const p of ['/api/notices', '/api/questionnaires', '/api/meetings', '/api/meetings/{id}/checkin', '/api/deliveries/{id}/ack']) expect(doc.paths[p]).toBeDefined();
    const rate = doc.paths['/api/suggestions/{id}/rate'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(rate)).toContain('basically_satisfied');
    const docs = await fetch(`${api.url}/docs`);
    expect(await docs.text()).toContain('/api/openapi.json');
    // Read to the end: a response left unread keeps its connection (and the jest worker) open after the file.
    const bundle = await fetch(`${api.url}/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
  });
});
