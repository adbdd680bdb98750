/** The bot's `service` role: it speaks for bound chat users and pulls chat deliveries — and nothing an admin or the office does. */
import { ROLE_LABELS } from '../../../contracts/labels';
import { startTestApi, type TestApi } from '../../helpers/api';

describe('the service role', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
  });
  afterAll(() => api.close());

  test('the seeded bot account has it and may act for chat users; the human admin may not', async () => {
    expect(ROLE_LABELS.service).toBe('机器人服务账号');
    const bot = await api.token('bot');
    const me = await api.http('GET', '/api/me', undefined, bot);
    expect(me.body.role).toBe('service');
    const ok = await api.http('POST', '/api/chat/token', { transport: 'console', chatUserId: 'deputy01', session: 'console:deputy01' }, bot);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ username: 'deputy01', role: 'deputy', session: { data: null, expired: false } });
    const admin = await api.token('admin');
    expect((await api.http('POST', '/api/chat/token', { transport: 'console', chatUserId: 'deputy01' }, admin)).status).toBe(403);
    expect((await api.http('GET', '/api/chat/sessions/console%3Adeputy01', undefined, admin)).status).toBe(403);
    expect((await api.http('GET', '/api/deliveries', undefined, admin)).status).toBe(403);
    // Neither account can be spoken for through a chat identity named like it.
    expect((await api.http('POST', '/api/chat/token', { transport: 'console', chatUserId: 'admin' }, bot)).status).toBe(404);
    expect((await api.http('POST', '/api/chat/token', { transport: 'console', chatUserId: 'bot' }, bot)).status).toBe(404);
  });

  test.each([
    ['GET', '/api/stats/suggestions', undefined],
    ['GET', '/api/deliveries/dead', undefined],
    ['GET', '/api/audit', undefined],
    ['GET', '/api/users', undefined],
    ['GET', '/api/notices', undefined],
    ['POST', '/api/notices', { title: '通知', body: '正文', audience: { all: true } }],
    ['POST', '/api/questionnaires', { kind: 'survey', title: '调查', closesAt: '2030-01-01T00:00:00Z', audience: { all: true }, questions: [{ id: 'a', type: 'text', title: '意见' }] }],
    ['POST', '/api/suggestions', { title: '标题', body: '内容', submit: true }],
  ])('service may not %s %s', async (method, path, body) => {
    expect((await api.http(method as 'GET', path, body, await api.token('bot'))).status).toBe(403);
  });

  test('service sees no suggestion and can do none of their actions', async () => {
    const bot = await api.token('bot');
    const list = await api.http('GET', '/api/suggestions', undefined, bot);
    expect(list.body.total).toBe(0);
    const deputy = await api.as('deputy03');
    const s = await deputy.createSuggestion({ title: '关于加快老旧小区加装电梯的建议', body: '老年人上下楼困难。', submit: true });
    expect((await api.http('GET', `/api/suggestions/${s.id}`, undefined, bot)).status).toBe(404);
    expect((await api.http('POST', `/api/suggestions/${s.id}/accept`, {}, bot)).status).toBe(404);
    expect((await api.http('POST', `/api/suggestions/${s.id}/reassign`, { lead: 'housing' }, bot)).status).toBe(404);
  });

  test('a session write says whether the state it replaced had expired', async () => {
    const bot = await api.token('bot');
    api.clock.set('2026-03-02T02:00:00Z');
    expect((await api.http('PUT', '/api/chat/sessions/k1', { data: { a: 1 } }, bot)).body.expired).toBe(false);
    expect((await api.http('PUT', '/api/chat/sessions/k1', { data: { a: 2 } }, bot)).body.expired).toBe(false);
    api.clock.set('2026-03-02T02:31:00Z');
    expect((await api.http('PUT', '/api/chat/sessions/k1', { data: { a: 3 } }, bot)).body.expired).toBe(true);
    expect((await api.http('DELETE', '/api/chat/sessions/k1', undefined, bot)).body).toEqual({ deleted: true, expired: false });
    expect((await api.http('DELETE', '/api/chat/sessions/k1', undefined, bot)).body).toEqual({ deleted: false, expired: false });
  });
});

describe('reassign in one call', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
  });
  afterAll(() => api.close());

  test('a submitted suggestion is accepted and assigned; the timeline has both steps; a wrong code is a 400', async () => {
    const deputy = await api.as('deputy04');
    const s = await deputy.createSuggestion({ title: '关于规范共享单车停放的建议', body: '地铁口乱停乱放。', submit: true });
    const office = await api.token('office');
    expect((await api.http('POST', `/api/suggestions/${s.id}/reassign`, { lead: 'nope' }, office)).status).toBe(400);
    const r = await api.http('POST', `/api/suggestions/${s.id}/reassign`, { lead: 'urban', co: ['police'] }, office);
    expect(r.status).toBe(200);
    expect(r.body.state).toBe('assigned');
    expect(r.body.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['accept', 'assign']));
    const again = await api.http('POST', `/api/suggestions/${s.id}/reassign`, { lead: 'housing' }, office);
    expect([again.status, again.body.error.message]).toEqual([409, '这件建议现在是“已交办待签收”，不能再改派：承办单位可在退回期限内退回，退回后再重新分办']);
    expect((await api.http('POST', `/api/suggestions/${s.id}/reassign`, { lead: 'housing' }, await api.token('deputy04'))).status).toBe(403);
  });
});
