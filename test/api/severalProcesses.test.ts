/**
 * Several API processes and jobs runners on one database, as a city runs it behind a load balancer: two real API
 * processes (`api/server.ts`) and two real jobs runners (`jobs/main.ts`) whose lease lasts a millisecond, so both
 * sweep at once on every tick. Every notification is delivered once (the bot pulls from both API processes at
 * the same time; WeChat messages go out once through a local imitation of WeChat's servers), reminders and urges
 * are sent once, a routing model switched in one API process is used by the other, and the sign-in limits count
 * attempts made on either.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotificationModel, NotificationSettingModel, OutboxModel } from '../../models/engagement';
import { RoutingModelVersion, SuggestionEventModel, UserModel } from '../../models/definitions';
import { DEMO_PASSWORD } from '../../models/seed';
import { nodeArgs, ROOT } from '../helpers/bin';
import { suggestionAt } from '../helpers/core';
import { createTestCore, TEST_JWT_SECRET, type DbKind, type TestCore } from '../helpers/db';
import { freePort, startJobs, until, type Tick } from '../helpers/jobs';

/** Keeps `child` for the clean-up and fails the run at once if it dies on its own. */
function watch(child: ChildProcess, children: ChildProcess[]): void {
  children.push(child);
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGKILL') process.stderr.write(`a process of the test exited by itself (code ${code}, signal ${signal})\n`);
  });
}

/** Starts a real API process on `databaseUrl` and waits until it answers. */
async function startApi(databaseUrl: string, env: Record<string, string>, children: ChildProcess[]): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, nodeArgs('api/server.ts'), {
    cwd: ROOT,
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_MODE: '0', JWT_SECRET: TEST_JWT_SECRET, JOBS: 'off', APP_BUILD: 'off', ROUTING_REFRESH_SECONDS: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  watch(child, children);
  const url = `http://127.0.0.1:${port}`;
  await until(async () => child.exitCode === null && (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.status === 200, 150_000);
  return { child, url };
}

/** A local imitation of WeChat's token and subscribe-message endpoints that records every message it is sent. */
async function fakeWechatMessages(): Promise<{ url: string; sent: string[]; close: () => Promise<void> }> {
  const sent: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url!.startsWith('/cgi-bin/token')) return res.end(JSON.stringify({ access_token: 'fake-token', expires_in: 7200 }));
      if (req.url!.startsWith('/cgi-bin/message/subscribe/send')) {
        sent.push(JSON.parse(Buffer.concat(chunks).toString('utf8')).client_msg_id);
        return res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      }
      res.end(JSON.stringify({ errcode: 404 }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent, close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

async function call(base: string, method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${base}${url}`, {
    signal: AbortSignal.timeout(20_000),
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function signIn(base: string, username: string): Promise<string> {
  const r = await call(base, 'POST', '/api/auth/login', { username, password: DEMO_PASSWORD });
  expect(r.status).toBe(200);
  return r.body.token;
}

/**
 * Several API processes behind a load balancer is a MySQL deployment: with TEST_MYSQL_URL (as CI sets it) this runs
 * on MariaDB; without it, on SQLite (one machine running the API and its jobs side by side) rather than not at all.
 */
const KINDS: DbKind[] = process.env.TEST_MYSQL_URL ? ['mysql'] : ['sqlite'];

describe.each(KINDS)('two API processes and two jobs runners on one %s database', (kind) => {
  let t: TestCore;
  let wechat: Awaited<ReturnType<typeof fakeWechatMessages>>;
  const children: ChildProcess[] = [];
  let a: string;
  let b: string;
  let runners: ReturnType<typeof startJobs>[];
  const led = (ticks: Tick[]) => ticks.filter((x) => x.leader).length;

  beforeAll(async () => {
    t = await createTestCore(kind);
    wechat = await fakeWechatMessages();
    // Pushes go out at once whatever the hour (quiet hours would hold them until 07:00); ten deputies have WeChat.
    const users = await UserModel.findAll({ attributes: ['id', 'username'] });
    await NotificationSettingModel.bulkCreate(users.map((u) => ({ userId: u.id, chat: true, wechat: true, quietHours: false, updatedAt: new Date() })));
    for (const u of users.filter((x) => /^deputy(0\d|10)$/.test(x.username))) await UserModel.update({ wechatOpenid: `openid-${u.username}` }, { where: { id: u.id } });
    const env = { WECHAT_API_BASE: wechat.url, WECHAT_SECRET: 'fake' };
    const [apiA, apiB] = await Promise.all([startApi(t.config.databaseUrl, env, children), startApi(t.config.databaseUrl, env, children)]);
    a = apiA.url;
    b = apiB.url;
    // Both runners lead at once (a lease of a millisecond) and sweep every second.
    runners = ['runner-a', 'runner-b'].map((holder) => startJobs(t.config.databaseUrl, holder, { ...env, JOBS_LEASE_MS: '1' }));
    for (const r of runners) watch(r.child, children);
    await until(() => runners.every((r) => led(r.ticks) >= 1), 150_000);
  }, 400_000);

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await wechat?.close();
    await t?.close();
  });

  test('notifications, reminders and urges go out once with both runners sweeping; deliveries are pulled once from both API processes', async () => {
    // Assigned long ago (the test clock): overdue today, so the urge and the order are both due.
    t.clock.set('2025-06-02');
    const overdue = await suggestionAt(t.core, 'handling');
    const office = await signIn(a, 'office');
    const now = Date.now();
    const meeting = await call(a, 'POST', '/api/meetings', {
      kind: 'inspection',
      title: '加装电梯现场视察',
      place: '张店区便民服务中心',
      startsAt: new Date(now + 30 * 60_000).toISOString(),
      endsAt: new Date(now + 90 * 60_000).toISOString(),
      invitees: { users: ['deputy01', 'deputy02', 'deputy03'] },
    }, office);
    expect(meeting.status).toBe(201);
    const survey = await call(b, 'POST', '/api/questionnaires', {
      kind: 'survey',
      title: '代表履职服务满意度调查',
      anonymous: false,
      closesAt: new Date(now + 2 * 3_600_000).toISOString(),
      audience: { users: ['deputy04', 'deputy05'] },
      questions: [{ id: 'q1', type: 'single', title: '你最常用的履职渠道', options: ['小程序', '群聊'], required: true }],
    }, office);
    expect(survey.status).toBe(201);
    const notice = await call(b, 'POST', '/api/notices', { title: '关于开展集中视察的通知', body: '请各位代表按时参加。', audience: { all: true } }, office);
    expect(notice.status).toBe(201);

    // Everything due is found by both runners (each sweeps every second) …
    const meetingReminders = () => NotificationModel.count({ where: { refType: 'meeting', refId: meeting.body.id, kind: 'meeting.reminder' } });
    const surveyReminders = () => NotificationModel.count({ where: { refType: 'questionnaire', refId: survey.body.id, kind: 'survey.reminder' } });
    const escalations = () => SuggestionEventModel.count({ where: { suggestionId: overdue, action: ['urge', 'order'] } });
    await until(async () => (await meetingReminders()) >= 3 && (await surveyReminders()) >= 2 && (await escalations()) >= 2, 90_000);
    const ticked = runners.map((r) => led(r.ticks));
    await until(() => runners.every((r, i) => led(r.ticks) >= ticked[i] + 2), 60_000);

    // The bot pulls from both API processes at the same time until nothing is left, acknowledging each delivery.
    const bot = await signIn(a, 'bot');
    const received: number[] = [];
    const pull = async (base: string) => {
      let empty = 0;
      while (empty < 3) {
        const items = (await call(base, 'GET', '/api/deliveries?limit=5', undefined, bot)).body.items as { id: number }[];
        if (!items.length) {
          empty += 1;
          await new Promise((r) => setTimeout(r, 300));
          continue;
        }
        empty = 0;
        for (const item of items) {
          received.push(item.id);
          expect((await call(base, 'POST', `/api/deliveries/${item.id}/ack`, { ok: true }, bot)).status).toBe(200);
        }
      }
    };
    await Promise.all([pull(a), pull(b)]);
    await until(async () => (await OutboxModel.count({ where: { channel: 'wechat', status: 'pending' } })) === 0, 60_000).catch(async (e) => {
      throw new Error(`${e.message}: wechat rows ${JSON.stringify(await OutboxModel.findAll({ where: { channel: 'wechat' }, attributes: ['id', 'status', 'attempts', 'lastError', 'nextAttemptAt'] }))}`);
    });
    // Two more rounds of both runners: nothing more may go out.
    const later = runners.map((r) => led(r.ticks));
    await until(() => runners.every((r, i) => led(r.ticks) >= later[i] + 2), 60_000);

    const chatRows = await OutboxModel.findAll({ where: { channel: 'chat' } });
    expect(chatRows.length).toBeGreaterThan(50);
    expect(new Set(received).size).toBe(received.length);
    expect([...received].sort((x, y) => x - y)).toEqual(chatRows.map((r) => r.id).sort((x, y) => x - y));
    expect(chatRows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    const wechatRows = await OutboxModel.findAll({ where: { channel: 'wechat' } });
    expect(wechatRows.length).toBeGreaterThanOrEqual(10);
    expect(wechatRows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect([...wechat.sent].sort()).toEqual(wechatRows.map((r) => r.idempotencyKey).sort());

    // One reminder per invitee and per recipient who has not answered, one urge and one order.
    const reminders = await NotificationModel.findAll({ where: { refType: 'meeting', refId: meeting.body.id, kind: 'meeting.reminder' } });
    expect(reminders.map((n) => n.userId).sort()).toEqual((await UserModel.findAll({ where: { username: ['deputy01', 'deputy02', 'deputy03'] } })).map((u) => u.id).sort());
    expect(await surveyReminders()).toBe(2);
    const urges = await SuggestionEventModel.findAll({ where: { suggestionId: overdue, action: ['urge', 'order'] } });
    expect(urges.map((e) => e.action).sort()).toEqual(['order', 'urge']);
  }, 300_000);

  test('a routing model switched in one API process is the one the other uses', async () => {
    const office = await signIn(a, 'office');
    const current = (await RoutingModelVersion.findOne({ where: { status: 'current' } }))!;
    const { id: _id, ...copy } = current.get();
    const other = await RoutingModelVersion.create({ ...copy, status: 'retired', reason: 'retrain', note: '另一版', activatedAt: null, activatedBy: null });
    const before = (await call(b, 'POST', '/api/routing/classify', { title: '关于加快老旧小区加装电梯的建议' }, office)).body;
    expect(before.modelVersion).toBe(`v${current.id}`);
    expect((await call(a, 'POST', `/api/routing/models/${other.id}/activate`, undefined, office)).status).toBe(200);
    await until(async () => (await call(b, 'POST', '/api/routing/classify', { title: '关于加快老旧小区加装电梯的建议' }, office)).body.modelVersion === `v${other.id}`, 30_000);
    expect((await call(b, 'GET', '/api/routing/models', undefined, office)).body.current).toBe(`v${other.id}`);
    expect((await call(b, 'GET', '/api/health')).body.routingModel).toBe(`v${other.id}`);
  }, 120_000);

  test('sign-in limits count the attempts made on either API process', async () => {
    const wrong = (base: string) => call(base, 'POST', '/api/auth/login', { username: 'office-boshan', password: 'wrong-password' });
    for (let i = 0; i < 10; i++) expect((await wrong(i % 2 ? b : a)).status).toBe(401);
    const locked = await wrong(a);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toContain('请稍后再试');
    // The right password is refused too while the account waits, on the other process as well.
    expect((await call(b, 'POST', '/api/auth/login', { username: 'office-boshan', password: DEMO_PASSWORD })).status).toBe(429);
  }, 120_000);
});
