/**
 * The outbox: WeChat subscribe messages through a local imitation of WeChat (delivered once, also after a
 * crash between commit and delivery; retried with backoff; dead letters for the office), and the chat channel
 * that the bot pulls and acknowledges.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverWechat } from '../../core/notifications/wechatChannel';
import { notify } from '../../core/notifications/notify';
import { OutboxModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import { until, startJobs } from '../helpers/jobs';
import { startTestApi, type TestApi } from '../helpers/api';
import { databaseKinds } from '../helpers/db';

interface Sent {
  touser: string;
  template_id: string;
  client_msg_id: string;
  data: Record<string, { value: string }>;
}

async function fakeWechat() {
  const sent: Sent[] = [];
  const state = { failNext: 0, errcode: 0 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === '/cgi-bin/token') return res.end(JSON.stringify({ access_token: 'tok', expires_in: 7200 }));
    let body = '';
    req.on('data', (c) => (body += c)).on('end', () => {
      if (state.failNext > 0) {
        state.failNext -= 1;
        res.statusCode = 500;
        return res.end(JSON.stringify({ errcode: -1, errmsg: 'system busy' }));
      }
      if (state.errcode) return res.end(JSON.stringify({ errcode: state.errcode, errmsg: 'user refuse to accept the msg' }));
      sent.push(JSON.parse(body));
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent, state, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

describe.each(databaseKinds())('outbox on %s', (kind) => {
  let api: TestApi;
  let wx: Awaited<ReturnType<typeof fakeWechat>>;
  let deputy: UserModel;
  beforeAll(async () => {
    wx = await fakeWechat();
    api = await startTestApi(kind, { WECHAT_API_BASE: wx.url });
    await UserModel.update({ wechatOpenid: 'o-deputy01' }, { where: { username: 'deputy01' } });
    deputy = (await UserModel.findOne({ where: { username: 'deputy01' } }))!;
  });
  afterAll(async () => {
    await api.close();
    await wx.close();
  });

  test('a crash between commit and delivery delivers after restart, once', async () => {
    // The change commits with its outbox row; the process dies before any delivery.
    await api.core.db.sequelize.transaction(() => notify([deputy.id], { kind: 'notice', title: '关于召开代表座谈会的通知', body: '周五下午三点', key: 'crash-test' }, api.clock.now()));
    expect(wx.sent).toHaveLength(0);
    // A jobs process started afterwards delivers it; killed and started again, it does not deliver it twice.
    const env = { WECHAT_API_BASE: wx.url };
    const first = startJobs(api.config.databaseUrl, 'after-crash-1', env);
    await until(() => wx.sent.length === 1);
    // Kill it once it has recorded the delivery (a kill between WeChat's answer and that record is the
    // at-least-once window: the message would be sent again, with the same client_msg_id).
    await until(async () => (await OutboxModel.findOne({ where: { idempotencyKey: wx.sent[0].client_msg_id } }))?.status === 'sent');
    first.child.kill('SIGKILL');
    const second = startJobs(api.config.databaseUrl, 'after-crash-2', env);
    await until(() => second.ticks.filter((x) => x.leader).length >= 2, 20_000);
    second.child.kill('SIGKILL');
    expect(await deliverWechat(api.core)).toBe(0);
    expect(wx.sent).toHaveLength(1);
    expect(wx.sent[0]).toMatchObject({ touser: 'o-deputy01', data: { thing1: { value: '关于召开代表座谈会的通知' } } });
    // The time shown is Beijing time (UTC+8).
    const beijing = new Date(api.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(wx.sent[0].data.time3.value).toBe(beijing);
    const row = await OutboxModel.findOne({ where: { idempotencyKey: wx.sent[0].client_msg_id } });
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  test('failures are retried with backoff; a refused subscription goes dead at once and the office sees it', async () => {
    await notify([deputy.id], { kind: 'notice', title: '重试测试', body: '…', key: 'retry-test' }, api.clock.now());
    wx.state.failNext = 2;
    expect(await deliverWechat(api.core)).toBe(0);
    expect(await deliverWechat(api.core)).toBe(0); // not due yet: backoff
    api.clock.set(new Date(api.clock.now().getTime() + 61_000).toISOString());
    expect(await deliverWechat(api.core)).toBe(0); // second failure
    api.clock.set(new Date(api.clock.now().getTime() + 121_000).toISOString());
    expect(await deliverWechat(api.core)).toBe(1);
    expect(wx.sent.filter((s) => s.data.thing1.value === '重试测试')).toHaveLength(1);

    wx.state.errcode = 43101;
    await notify([deputy.id], { kind: 'notice', title: '拒收测试', body: '…', key: 'refuse-test' }, api.clock.now());
    expect(await deliverWechat(api.core)).toBe(0);
    wx.state.errcode = 0;
    const office = await api.token('office');
    const dead = (await api.http('GET', '/api/deliveries/dead', undefined, office)).body.items;
    expect(dead).toContainEqual(expect.objectContaining({ channel: 'wechat', to: 'deputy01', title: '拒收测试', attempts: 1 }));
  });

  test('the chat bot pulls, acknowledges, and nothing is handed out twice', async () => {
    // The bot's own service account pulls; a deputy and the human admin may not.
    const admin = await api.token('bot');
    const deputyToken = await api.token('deputy02');
    expect((await api.http('GET', '/api/deliveries', undefined, deputyToken)).status).toBe(403);
    expect((await api.http('GET', '/api/deliveries', undefined, await api.token('admin'))).status).toBe(403);
    const deputy02 = (await UserModel.findOne({ where: { username: 'deputy02' } }))!;
    await notify([deputy02.id], { kind: 'notice', title: '群聊推送测试', body: '…', key: 'chat-test' }, api.clock.now());
    const first = (await api.http('GET', '/api/deliveries?limit=100', undefined, admin)).body.items;
    const mine = first.find((d: { title: string }) => d.title === '群聊推送测试');
    expect(mine).toMatchObject({ to: 'deputy02', kind: 'notice' });
    const second = (await api.http('GET', '/api/deliveries?limit=100', undefined, admin)).body.items;
    expect(second.find((d: { id: number }) => d.id === mine.id)).toBeUndefined();
    expect((await api.http('POST', `/api/deliveries/${mine.id}/ack`, { ok: false, error: '群机器人限流' }, admin)).body).toEqual({ status: 'pending' });
    api.clock.set(new Date(api.clock.now().getTime() + 61_000).toISOString());
    const again = (await api.http('GET', '/api/deliveries?limit=100', undefined, admin)).body.items;
    expect(again.find((d: { id: number }) => d.id === mine.id)).toMatchObject({ attempts: 1 });
    expect((await api.http('POST', `/api/deliveries/${mine.id}/ack`, { ok: true }, admin)).body).toEqual({ status: 'sent' });
    expect((await api.http('POST', `/api/deliveries/${mine.id}/ack`, { ok: true }, admin)).body).toEqual({ status: 'sent' });
    expect((await api.http('POST', `/api/deliveries/${mine.id}/ack`, { ok: 'yes' }, admin)).status).toBe(400);
    api.clock.set(new Date(api.clock.now().getTime() + 3_600_000).toISOString());
    const later = (await api.http('GET', '/api/deliveries?limit=200', undefined, admin)).body.items;
    expect(later.find((d: { id: number }) => d.id === mine.id)).toBeUndefined();
  });
});
