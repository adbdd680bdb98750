/**
 * What a client sends never makes a 500: content encodings decoded or refused (415), integers checked as integers,
 * NUL bytes refused at the edge, dates within 2000–2100, unknown methods 405, a unique-constraint race 409, and a
 * database that cannot be reached 503 with Retry-After (the health check says so too).
 */
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import Koa from 'koa';
import pino from 'pino';
import { errorHandler } from '../../../api/middleware/errors';
import { databaseUp } from '../../../models/db';
import { UserModel } from '../../../models/definitions';
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';

/** A raw request: fetch refuses TRACE and re-encodes what it sends. */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.each(databaseKinds())('the edge on %s', (kind) => {
  let api: TestApi;
  let deputy: string;
  let office: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    deputy = await api.token('deputy01');
    office = await api.token('office');
  });
  afterAll(() => api.close());

  const draft = { title: '关于增设公交站台的建议', body: '新建小区附近没有公交站台，居民出行不便。' };
  const json = (token: string, extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}`, ...extra });

  test('content encodings: real gzip is read; a body that is not what its Content-Encoding says, or an unknown encoding, is 415 in Chinese', async () => {
    const body = Buffer.from(JSON.stringify(draft));
    const zipped = await raw(api.url, 'POST', '/api/suggestions', json(deputy, { 'content-encoding': 'gzip' }), gzipSync(body));
    expect(zipped.status).toBe(201);
    expect(zipped.json.title).toBe(draft.title);
    for (const encoding of ['gzip', 'br', 'deflate']) {
      const r = await raw(api.url, 'POST', '/api/suggestions', json(deputy, { 'content-encoding': encoding }), body);
      expect(r.status).toBe(415);
      expect(r.json.error.message).toContain(`${encoding} 压缩`);
    }
    const unknown = await raw(api.url, 'POST', '/api/suggestions', json(deputy, { 'content-encoding': 'compress' }), body);
    expect(unknown.status).toBe(415);
    expect(unknown.json.error.message).toMatch(/不支持的内容编码/);
    const signedOut = await raw(api.url, 'POST', '/api/auth/login', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, Buffer.from('{"username":"office","password":"x"}'));
    expect(signedOut.status).toBe(415);
  });

  test('integers in the query are whole numbers; JSON bodies are objects', async () => {
    const bot = await api.token('bot');
    for (const q of ['limit=1.5', 'limit=abc', 'limit=0', 'limit=1e400']) {
      const r = await api.http('GET', `/api/deliveries?${q}`, undefined, bot);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/条数/);
    }
    expect((await api.http('GET', '/api/deliveries?limit=5', undefined, bot)).status).toBe(200);
    for (const q of ['page=abc', 'page=1.5', 'pageSize=2.5']) expect((await api.http('GET', `/api/suggestions?${q}`, undefined, deputy)).status).toBe(400);
    expect((await api.http('GET', '/api/inbox?limit=1.5', undefined, deputy)).status).toBe(400);
    const list = await api.http('POST', '/api/inbox/read-all', [1, 2], deputy);
    expect(list.status).toBe(400);
    expect(list.body.error.message).toMatch(/JSON 对象/);
  });

  test('a NUL byte anywhere (path, query, body value or key, sign-in) is 400 at the edge', async () => {
    const bot = await api.token('bot');
    for (const [method, path, body, token] of [
      ['GET', '/api/chat/sessions/%00', undefined, bot],
      ['GET', '/api/suggestions?q=%00', undefined, deputy],
      ['GET', '/api/deputies?q=a%00', undefined, undefined],
      ['POST', '/api/auth/login', { username: 'office\u0000', password: 'x' }, undefined],
      ['POST', '/api/auth/dev', { username: 'deputy01\u0000' }, undefined],
      ['POST', '/api/suggestions', { ...draft, 'x\u0000': 1 }, deputy],
      ['POST', '/api/suggestions', { ...draft, body: '正文\u0000' }, deputy],
    ] as const) {
      const r = await api.http(method, path, body, token);
      expect([method, path, r.status]).toEqual([method, path, 400]);
      expect(r.body.error.message).toMatch(/空字符/);
    }
  });

  test('dates outside 2000–2100 are 400, not a database error or "NaN月NaN日"', async () => {
    const meeting = { kind: 'inspection', title: '专题视察', place: '便民服务中心', startsAt: '2026-03-05T09:00:00+08:00', endsAt: '2026-03-05T11:00:00+08:00', invitees: { users: ['deputy01'] } };
    for (const endsAt of ['+010000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', '1899-01-01T00:00:00Z']) {
      const r = await api.http('POST', '/api/meetings', { ...meeting, endsAt }, office);
      expect([endsAt, r.status]).toEqual([endsAt, 400]);
      expect(r.body.error.message).toMatch(/2000–2100/);
    }
    const ballot = { kind: 'ballot', title: '票决', audience: { users: ['deputy01'] }, candidates: ['甲', '乙'], maxChoices: 1 };
    expect((await api.http('POST', '/api/questionnaires', { ...ballot, closesAt: '+010000-01-01T00:00:00Z' }, office)).status).toBe(400);
    for (const q of ['from=0000-01', 'to=9999-12', 'from=2101-01']) expect((await api.http('GET', `/api/stats/suggestions?${q}`, undefined, office)).status).toBe(400);
    expect((await api.http('GET', '/api/stats/suggestions?from=2026-01&to=2026-12', undefined, office)).status).toBe(200);
    expect((await api.http('POST', '/api/meetings', meeting, office)).status).toBe(201);
  });

  test('unknown methods are 405 with the methods allowed', async () => {
    for (const method of ['TRACE', 'PROPFIND', 'MKCOL']) {
      const r = await raw(api.url, method, '/api/suggestions');
      expect(r.status).toBe(405);
      expect(r.headers.allow).toContain('GET');
      expect(r.json.error.message).toContain(method);
    }
  });

  test('a known address asked with a method it does not take is 405 in Chinese, with the methods it takes', async () => {
    for (const [method, url] of [['DELETE', '/api/suggestions/1'], ['PUT', '/api/me'], ['DELETE', '/api/meetings']]) {
      const r = await raw(api.url, method, url);
      expect(r.status).toBe(405);
      expect(r.headers.allow).toContain('GET');
      expect(r.json.error).toEqual({ code: 'method_not_allowed', message: `这个地址不支持 ${method} 请求` });
    }
  });

  test('a unique-constraint race is 409 with a Chinese message, not 500', async () => {
    // The database's own refusal of a duplicate (what a lost race hits), thrown inside the API's error handler.
    const app = new Koa();
    app.use(errorHandler(pino({ level: 'silent' }), () => databaseUp(api.core.db)));
    app.use(async () => {
      const office = (await UserModel.findOne({ where: { username: 'office' } }))!;
      await UserModel.create({ ...office.get(), id: undefined, wechatOpenid: null });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const r = await raw(`http://127.0.0.1:${(server.address() as { port: number }).port}`, 'POST', '/');
      expect(r.status).toBe(409);
      expect(r.json.error).toEqual({ code: 'conflict', message: '刚刚有人做了同样的操作，请刷新后再试' });
    } finally {
      server.close();
    }
  });
});

describe.each(databaseKinds())('a database outage on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close().catch(() => undefined));

  test('requests that need the database are 503 with Retry-After, and /api/health reports it', async () => {
    const token = await api.token('deputy01');
    const healthy = await api.http('GET', '/api/health');
    expect(healthy).toMatchObject({ status: 200, body: { ok: true, databaseUp: true } });
    await api.core.db.sequelize.close();
    const r = await raw(api.url, 'GET', '/api/suggestions', { authorization: `Bearer ${token}` });
    expect(r.status).toBe(503);
    expect(r.headers['retry-after']).toBe('30');
    expect(r.json.error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/数据库暂时连不上/) });
    const health = await raw(api.url, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.headers['retry-after']).toBe('30');
    expect(health.json).toMatchObject({ ok: false, databaseUp: false });
  });
});
