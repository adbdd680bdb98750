/**
 * The WeCom callback with envelopes made by @wecom/crypto: valid, bad signature, wrong receive id, replay, bad JSON;
 * replays across restarts and bot processes (message ids recorded by the API), malformed and stale timestamps.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { BotEngine } from '../../bot/engine';
import { wecomRoutes } from '../../bot/wecom';
import { pruneChatMessages } from '../../core/chat/messages';
import { SWEEPS } from '../../jobs/runner';
import { startTestApi, type TestApi } from '../helpers/api';

const TOKEN = 'lvzhiToken';
const AES_KEY = randomBytes(32).toString('base64').replace(/=+$/, ''); // 43 characters

describe('WeCom 智能机器人 callback', () => {
  let api: TestApi;
  let server: Server;
  let url: string;
  let nonce = 0;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    const engine = new BotEngine({ apiUrl: api.url, serviceUsername: 'bot', servicePassword: 'lvzhi-demo' });
    const app = new Koa();
    app.use(bodyParser());
    const routes = wecomRoutes(engine, { token: TOKEN, encodingAESKey: AES_KEY, receiveId: '' });
    app.use(routes.routes());
    server = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wecom/callback`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await api.close();
  });

  const envelope = (plain: string, o: { receiveId?: string; token?: string; timestamp?: number; nonce?: string } = {}) => {
    const cipher = encrypt(AES_KEY, plain, o.receiveId ?? '');
    const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
    const n = o.nonce ?? `n${++nonce}`;
    const sig = getSignature(o.token ?? TOKEN, timestamp, n, cipher);
    return { cipher, query: `msg_signature=${sig}&timestamp=${timestamp}&nonce=${n}` };
  };
  const post = (e: { cipher: string; query: string }, body?: unknown) =>
    fetch(`${url}?${e.query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? { encrypt: e.cipher }) });
  const textMessage = (userid: string, content: string, chat?: string) =>
    JSON.stringify({ msgid: `m${++nonce}`, aibotid: 'AIBOT', chatid: chat, chattype: chat ? 'group' : 'single', from: { userid }, msgtype: 'text', text: { content } });

  test('URL verification returns the decrypted echostr', async () => {
    const e = envelope('echo-12345');
    const res = await fetch(`${url}?${e.query}&echostr=${encodeURIComponent(e.cipher)}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('echo-12345');
  });

  test('a valid message is answered with an encrypted, signed stream reply', async () => {
    const res = await post(envelope(textMessage('deputy01', '帮助')));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { encrypt: string; msgsignature: string; timestamp: number; nonce: string };
    expect(getSignature(TOKEN, body.timestamp, body.nonce, body.encrypt)).toBe(body.msgsignature);
    const { message, id } = decrypt(AES_KEY, body.encrypt);
    expect(id).toBe('');
    const reply = JSON.parse(message);
    expect(reply).toMatchObject({ msgtype: 'stream', stream: { finish: true } });
    expect(reply.stream.content).toContain('提建议');
  });

  test('a group message gets the public part of the answer', async () => {
    const res = await post(envelope(textMessage('deputy01', '@履职通 帮助', 'wrkGroup1')));
    const reply = JSON.parse(decrypt(AES_KEY, ((await res.json()) as { encrypt: string }).encrypt).message);
    expect(reply.stream.content).toContain('我可以帮你');
  });

  test('refused: bad signature, wrong receive id, replayed nonce, stale timestamp, malformed JSON', async () => {
    const forged = envelope(textMessage('deputy01', '帮助'), { token: 'not-the-token' });
    expect((await post(forged)).status).toBe(401);
    const wrongId = envelope(textMessage('deputy01', '帮助'), { receiveId: 'wwSomeOtherCorp' });
    expect((await post(wrongId)).status).toBe(401);
    const once = envelope(textMessage('deputy01', '帮助'), { nonce: 'same-nonce' });
    expect((await post(once)).status).toBe(200);
    expect((await post(once)).status).toBe(401);
    const stale = envelope(textMessage('deputy01', '帮助'), { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect((await post(stale)).status).toBe(401);
    const notJson = envelope('{"msgtype": "text", ');
    const r = await post(notJson);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain('JSON');
    expect((await post(envelope('x'), { nothing: true })).status).toBe(400);
  });
});

describe('WeCom replays: message ids recorded by the API, shared by bot processes and kept across restarts', () => {
  let api: TestApi;
  const open: Server[] = [];
  let n = 0;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => new Promise((r) => s.close(r))));
    await api.close();
  });

  /** A bot process: its own engine (nothing in memory) and callback server, against the one API. */
  const startBot = async () => {
    const engine = new BotEngine({ apiUrl: api.url, serviceUsername: 'bot', servicePassword: 'lvzhi-demo' });
    const app = new Koa();
    app.use(bodyParser());
    app.use(wecomRoutes(engine, { token: TOKEN, encodingAESKey: AES_KEY, receiveId: '' }).routes());
    const server = await new Promise<Server>((r) => {
      const s = app.listen(0, '127.0.0.1', () => r(s));
    });
    open.push(server);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wecom/callback`;
    return { server, base, stop: () => new Promise((r) => (server.closeAllConnections(), server.close(r))) };
  };
  /** An envelope as WeCom sends it; `timestamp` may be anything the platform (or an attacker) puts in the URL. */
  const envelope = (msgid: string, userid: string, content: string, timestamp: string = String(Math.floor(Date.now() / 1000))) => {
    const plain = JSON.stringify({ msgid, aibotid: 'AIBOT', chattype: 'single', from: { userid }, msgtype: 'text', text: { content } });
    const cipher = encrypt(AES_KEY, plain, '');
    const nonce = `r${++n}x${randomBytes(4).toString('hex')}`;
    return { cipher, query: `msg_signature=${getSignature(TOKEN, timestamp, nonce, cipher)}&timestamp=${encodeURIComponent(timestamp)}&nonce=${nonce}` };
  };
  /** Posts an envelope to a bot; the reply's text ('' when the bot answered nothing). */
  const send = async (base: string, e: { cipher: string; query: string }) => {
    const res = await fetch(`${base}?${e.query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ encrypt: e.cipher }) });
    const text = await res.text();
    if (res.status !== 200) return { status: res.status, reply: text };
    const body = text ? (JSON.parse(text) as { encrypt?: string }) : {};
    return { status: 200, reply: body.encrypt ? (JSON.parse(decrypt(AES_KEY, body.encrypt).message) as { stream: { content: string } }).stream.content : '' };
  };
  const titled = async (username: string, title: string) =>
    (await (await api.as(username)).listSuggestions({ mine: true })).items.filter((s) => s.title === title).length;

  test('the same envelopes replayed to a restarted bot submit nothing a second time', async () => {
    const title = '关于增设科苑街道公交站遮雨棚的建议';
    const draft = envelope('msg-restart-1', 'deputy05', `提建议 ${title}｜科苑街道公交站没有遮雨棚，雨天等车很不方便。`);
    const confirm = envelope('msg-restart-2', 'deputy05', '确认');
    const a = await startBot();
    expect((await send(a.base, draft)).reply).toContain('请确认你的建议');
    expect((await send(a.base, confirm)).reply).toContain('建议编号');
    expect(await titled('deputy05', title)).toBe(1);
    await a.stop();
    // A new process: no nonce, token or conversation in memory; the same envelopes come again.
    const b = await startBot();
    expect(await send(b.base, draft)).toEqual({ status: 200, reply: '' });
    expect(await send(b.base, confirm)).toEqual({ status: 200, reply: '' });
    expect(await titled('deputy05', title)).toBe(1);
    // The new process answers new messages as usual.
    expect((await send(b.base, envelope('msg-restart-3', 'deputy05', '帮助'))).reply).toContain('提建议');
  });

  test("the platform's retry (same msgid, a new envelope) is handled once", async () => {
    const title = '关于规范共享单车停放的建议';
    const bot = await startBot();
    expect((await send(bot.base, envelope('msg-retry-1', 'deputy07', `提建议 ${title}｜地铁口共享单车乱停乱放，影响通行。`))).reply).toContain('请确认你的建议');
    expect((await send(bot.base, envelope('msg-retry-2', 'deputy07', '确认'))).reply).toContain('建议编号');
    // New nonce, new timestamp, same message ids.
    expect(await send(bot.base, envelope('msg-retry-2', 'deputy07', '确认'))).toEqual({ status: 200, reply: '' });
    expect(await send(bot.base, envelope('msg-retry-1', 'deputy07', `提建议 ${title}｜地铁口共享单车乱停乱放，影响通行。`))).toEqual({ status: 200, reply: '' });
    expect(await titled('deputy07', title)).toBe(1);
    // Nothing of the retried draft is waiting either: 确认 now has nothing to confirm.
    expect((await send(bot.base, envelope('msg-retry-3', 'deputy07', '确认'))).reply).toContain('没有需要确认');
  });

  test('two bot processes on one API handle a message delivered to both once', async () => {
    const title = '关于延长社区图书馆开放时间的建议';
    const [a, b] = [await startBot(), await startBot()];
    expect((await send(a.base, envelope('msg-two-1', 'deputy08', `提建议 ${title}｜社区图书馆晚上六点就关门，上班族去不了。`))).reply).toContain('请确认你的建议');
    // Both processes receive the same 确认 at once (each in its own envelope).
    const replies = await Promise.all([send(a.base, envelope('msg-two-2', 'deputy08', '确认')), send(b.base, envelope('msg-two-2', 'deputy08', '确认'))]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect(replies.filter((r) => r.reply.includes('建议编号'))).toHaveLength(1);
    expect(replies.filter((r) => r.reply === '')).toHaveLength(1);
    expect(await titled('deputy08', title)).toBe(1);
  });

  test('a timestamp that is not a number, stale or far in the future is refused with a 4xx and not handled', async () => {
    const bot = await startBot();
    const now = Math.floor(Date.now() / 1000);
    for (const [i, timestamp] of ['abc', '', '1e9', String(now - 400), String(now - 86_400), String(now + 400)].entries()) {
      const r = await send(bot.base, envelope(`msg-time-${i}`, 'deputy09', '帮助', timestamp));
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    // Refused means not handled: the same message ids in envelopes with a good timestamp are handled now.
    for (const i of [0, 3, 5]) expect((await send(bot.base, envelope(`msg-time-${i}`, 'deputy09', '帮助'))).reply).toContain('提建议');
  });

  test('the API refuses a message id it has seen (409) and records it before the binding is checked', async () => {
    const token = await api.token('bot');
    const post = (body: Record<string, unknown>) => api.http('POST', '/api/chat/token', { transport: 'wecom', ...body }, token);
    expect((await post({ chatUserId: 'deputy10', messageId: 'api-1', nonce: 'api-nonce-1' })).status).toBe(200);
    const again = await post({ chatUserId: 'deputy10', messageId: 'api-1' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已经处理过');
    // The same nonce with another id is a replay too; another transport has its own ids.
    expect((await post({ chatUserId: 'deputy10', messageId: 'api-2', nonce: 'api-nonce-1' })).status).toBe(409);
    expect((await api.http('POST', '/api/chat/token', { transport: 'wechaty', chatUserId: 'deputy10', messageId: 'api-1' }, token)).status).toBe(200);
    // An unbound sender's message is recorded as well (its replay gets no second binding hint).
    expect((await post({ chatUserId: 'nobody-here', messageId: 'api-3' })).status).toBe(404);
    expect((await post({ chatUserId: 'nobody-here', messageId: 'api-3' })).status).toBe(409);
    expect((await post({ chatUserId: 'deputy10', messageId: '' })).status).toBe(400);
  });

  test('the jobs runner forgets message ids after a day, and only then', async () => {
    const token = await api.token('bot');
    const post = (messageId: string) => api.http('POST', '/api/chat/token', { transport: 'wecom', chatUserId: 'deputy11', messageId }, token);
    const start = api.clock.now().toISOString();
    try {
      expect((await post('prune-1')).status).toBe(200);
      api.clock.set(new Date(Date.parse(start) + 23 * 3_600_000).toISOString());
      expect(await pruneChatMessages(api.core)).toBe(0);
      expect((await post('prune-1')).status).toBe(409);
      api.clock.set(new Date(Date.parse(start) + 25 * 3_600_000).toISOString());
      expect(await pruneChatMessages(api.core)).toBeGreaterThanOrEqual(1);
      expect((await post('prune-1')).status).toBe(200);
      expect(SWEEPS.map(([name]) => name)).toContain('chat-messages');
    } finally {
      api.clock.set(start);
    }
  });
});

describe('WeCom group robot webhook', () => {
  test('pushes markdown mentioning the recipient; an error code is a failure', async () => {
    const http = await import('node:http');
    const got: unknown[] = [];
    let errcode = 0;
    const s = http.createServer((req, res) => {
      let b = '';
      req.on('data', (c) => (b += c)).on('end', () => {
        got.push({ url: req.url, body: JSON.parse(b) });
        res.end(JSON.stringify({ errcode, errmsg: errcode ? 'freq limit' : 'ok' }));
      });
    });
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const hook = `http://127.0.0.1:${(s.address() as AddressInfo).port}/cgi-bin/webhook/send?key=K`;
    try {
      const { wecomWebhookSend } = await import('../../bot/wecom');
      await wecomWebhookSend(hook, 'zhangsan', '【会议提醒】明天上午九点');
      expect(got).toEqual([{ url: '/cgi-bin/webhook/send?key=K', body: { msgtype: 'markdown', markdown: { content: '<@zhangsan> 【会议提醒】明天上午九点' } } }]);
      errcode = 45009;
      await expect(wecomWebhookSend(hook, 'zhangsan', 'x')).rejects.toThrow('45009');
    } finally {
      await new Promise((r) => s.close(r));
    }
  });
});
