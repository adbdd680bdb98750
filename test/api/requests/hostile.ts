/**
 * Hostile input over every operation of the served OpenAPI document, signed out and as several roles: bad JSON,
 * wrong types, NUL bytes, huge numbers, far-away dates, bodies whose content encoding lies, odd query values and
 * ids, unknown methods. Nothing may answer 5xx, every request that could change something must be refused, and
 * nothing stored may change.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { startTestApi, type TestApi } from '../../helpers/api';
import { suggestionAt } from '../../helpers/core';
import { databaseKinds } from '../../helpers/db';

interface Sent {
  method: string;
  path: string;
  who: string;
  variant: string;
  status: number;
  body: string;
}

interface Operation {
  method: string;
  path: string;
  /** Top-level properties of the JSON request body, when the operation takes one. */
  body: Record<string, { type?: string; items?: unknown }> | null;
}

const ROLES = ['', 'citizen01', 'deputy01', 'staff-housing', 'office-zichuan', 'office', 'admin', 'bot'];

/** A raw HTTP request (any method, any bytes, any headers): fetch refuses TRACE and rewrites what we send. */
function send(base: string, method: string, path: string, options: { token?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The operations of the OpenAPI document with the shape of their JSON bodies. */
function operations(doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      out.push({ method: method.toUpperCase(), path, body: schema ? ((schema.properties ?? {}) as Operation['body']) : null });
    }
  }
  return out;
}

/** A body whose every property has the wrong type (a string where a number goes, and so on). */
function wrongTypes(props: NonNullable<Operation['body']>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([k, p]) => [k, p.type === 'string' ? 12345 : p.type === 'number' || p.type === 'integer' ? '十二' : p.type === 'boolean' ? 'yes' : p.type === 'array' ? { a: 1 } : 'x']),
  );
}

/** A body of NUL bytes wherever text goes (and in a key). */
function nulBytes(props: NonNullable<Operation['body']>): Record<string, unknown> {
  return { ...Object.fromEntries(Object.entries(props).map(([k, p]) => [k, p.type === 'array' ? ['a\u0000b'] : p.type === 'object' ? { 'k\u0000': 'v' } : 'a\u0000b'])), 'x\u0000': 1 };
}

/** A body of numbers too large for any column, and dates far beyond any plan. */
function hugeValues(props: NonNullable<Operation['body']>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([k, p]) => [k, /At$|On$/.test(k) ? '+010000-01-01T00:00:00Z' : p.type === 'array' ? [1e308, 2 ** 53 + 2] : p.type === 'string' ? 1e308 : 2 ** 80]),
  );
}

describe.each(databaseKinds())('hostile input on %s', (kind) => {
  let api: TestApi;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  /** Every stored row of every table (large model and photo bytes by their hash), as one digest per table. */
  async function stored(): Promise<Record<string, string>> {
    const qi = api.core.db.sequelize.getQueryInterface();
    const out: Record<string, string> = {};
    for (const t of (await qi.showAllTables()).map(String).sort()) {
      const q = qi.quoteIdentifier(t);
      const [rows] = await api.core.db.sequelize.query(`SELECT * FROM ${q} ORDER BY 1`);
      const text = JSON.stringify(rows, (_k, v) => (v && typeof v === 'object' && v.type === 'Buffer' ? createHash('sha256').update(Buffer.from(v.data)).digest('hex') : v));
      out[t] = `${rows.length}:${createHash('sha256').update(text).digest('hex')}`;
    }
    return out;
  }

  beforeAll(async () => {
    api = await startTestApi(kind);
    for (const r of ROLES.filter(Boolean)) tokens[r] = await api.token(r);
    // Something of every kind exists, so ids reach real rows.
    ids.suggestions = String(await suggestionAt(api.core, 'handling'));
    const office = tokens.office;
    ids.meetings = String((await api.http('POST', '/api/meetings', { kind: 'inspection', title: '专题视察', place: '便民服务中心', startsAt: '2026-03-05T09:00:00+08:00', endsAt: '2026-03-05T11:00:00+08:00', invitees: { users: ['deputy01'] } }, office)).body.id);
    ids.questionnaires = String((await api.http('POST', '/api/questionnaires', { kind: 'ballot', title: '民生实事票决', closesAt: '2026-03-09T10:00:00+08:00', audience: { users: ['deputy01', 'deputy02'] }, candidates: ['甲', '乙'], maxChoices: 1 }, office)).body.id);
    ids.notices = String((await api.http('POST', '/api/notices', { title: '视察通知', body: '请准时参加。', audience: { users: ['deputy01'] } }, office)).body.id);
    ids.inbox = String((await api.http('GET', '/api/inbox', undefined, tokens.deputy01)).body.items[0].id);
    ids.models = '1';
    ids.deliveries = '1';
    ids.photos = '1';
    for (const v of Object.values(ids)) expect(v).toMatch(/^\d+$/);
  });
  afterAll(() => api.close());

  test('every operation, signed out and as six roles: no 5xx, everything that could change data refused, nothing stored changed', async () => {
    const doc = JSON.parse((await send(api.url, 'GET', '/api/openapi.json')).body);
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(60);
    const before = await stored();
    const sent: Sent[] = [];
    let turn = 0;
    const fire = async (op: Operation, variant: string, path: string, options: { headers?: Record<string, string>; body?: Buffer | string } = {}) => {
      const who = ROLES[turn++ % ROLES.length];
      const r = await send(api.url, op.method, path, { ...options, token: who ? tokens[who] : undefined });
      sent.push({ method: op.method, path, who: who || '(signed out)', variant, status: r.status, body: r.body.slice(0, 200) });
    };

    for (const op of ops) {
      const real = op.path.replace(/\{id\}/, ids[op.path.split('/')[2]] ?? '1').replace('{key}', 'hostile-session');
      const paths = op.path.includes('{') ? [real, op.path.replace(/\{\w+\}/, '%00'), op.path.replace(/\{\w+\}/, '1.5'), op.path.replace(/\{\w+\}/, '99999999999999999999')] : [real];
      for (const p of paths.slice(1)) await fire(op, 'odd id', p);
      await fire(op, 'NUL in query', `${real}?q=%00&username=a%00b`);
      if (op.method === 'GET') {
        await fire(op, 'odd query', `${real}?limit=1.5&page=abc&pageSize=1e999&from=0000-13&to=9999-12&format=%E0%A4%A&past=%FF`);
        await fire(op, 'huge query', `${real}?limit=99999999999999999999&page=1e308&pageSize=-0&from=%2B010000-01&unread=%00`);
        continue;
      }
      await fire(op, 'bad JSON', real, { body: '{"title": "未完' });
      await fire(op, 'JSON not an object', real, { body: '[1,2,3]' });
      await fire(op, 'gzip that is not gzip', real, { body: '{"a":1}', headers: { 'content-encoding': 'gzip' } });
      await fire(op, 'br that is not br', real, { body: '{"a":1}', headers: { 'content-encoding': 'br' } });
      await fire(op, 'unknown encoding', real, { body: '{"a":1}', headers: { 'content-encoding': 'x-hostile' } });
      if (!op.body) continue;
      await fire(op, 'wrong types', real, { body: JSON.stringify(wrongTypes(op.body)) });
      await fire(op, 'NUL bytes', real, { body: JSON.stringify(nulBytes(op.body)) });
      await fire(op, 'huge values', real, { body: JSON.stringify(hugeValues(op.body)) });
    }
    for (const method of ['TRACE', 'PROPFIND', 'MKCOL', 'LINK']) {
      for (const path of ['/api/suggestions', `/api/suggestions/${ids.suggestions}`, '/api/health']) await fire({ method, path, body: null }, 'unknown method', path);
    }

    expect(sent.length).toBeGreaterThan(500);
    expect(sent.filter((s) => s.status >= 500)).toEqual([]);
    // Only reading (or deleting a chat session that is not there) may succeed: every request that could write was refused.
    expect(sent.filter((s) => s.method !== 'GET' && s.status < 400 && !(s.method === 'DELETE' && s.body === '{"deleted":false,"expired":false}'))).toEqual([]);
    expect(sent.filter((s) => s.variant === 'unknown method').map((s) => s.status)).toEqual(Array(12).fill(405));
    expect(sent.filter((s) => s.variant === 'NUL in query' || s.variant === 'NUL bytes').every((s) => s.status === 400)).toBe(true);
    expect(await stored()).toEqual(before);
  });
});
