/** The WeCom callback with envelopes made by @wecom/crypto: valid, bad signature, wrong receive id, replay, bad JSON. */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { BotEngine } from '../../bot/engine';
import { wecomRoutes } from '../../bot/wecom';
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
