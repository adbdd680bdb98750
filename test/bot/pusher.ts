/** Pushes: pulled from the outbox, sent within the rate limit, acknowledged; a restarted pusher repeats nothing. */
import { Pusher } from '../../bot/pusher';
import { createApiClient, type ChatDeliveryItem } from '../../contracts/client';
import { notify } from '../../core/notifications/notify';
import { UserModel } from '../../models/definitions';
import { OutboxModel } from '../../models/engagement';
import { startTestApi, type TestApi } from '../helpers/api';
import { databaseKinds } from '../helpers/db';

describe.each(databaseKinds())('pushes on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const service = async () => {
    const c = createApiClient({ baseUrl: api.url });
    await c.login('bot', 'lvzhi-demo');
    return c;
  };

  test('every delivery is sent once, within 3 a minute, and not again after a restart', async () => {
    const users = await UserModel.findAll({ where: { username: ['deputy11', 'deputy12', 'deputy13', 'deputy14'] } });
    await notify(users.map((u) => u.id), { kind: 'notice', title: '代表活动日通知', body: '本周六上午', key: 'push-test' }, api.clock.now());
    const sent: { to: string; text: string; key: string }[] = [];
    let clock = 1_000_000;
    const waits: number[] = [];
    const make = () =>
      new Pusher(service, {
        transport: 'console',
        perMinute: 3,
        now: () => clock,
        sleep: async (ms) => {
          waits.push(ms);
          clock += ms;
        },
        send: async (to, text, d: ChatDeliveryItem) => {
          sent.push({ to, text, key: d.idempotencyKey });
        },
      });
    expect(await make().runOnce()).toBe(4);
    expect(sent.map((s) => s.to).sort()).toEqual(['deputy11', 'deputy12', 'deputy13', 'deputy14']);
    expect(sent[0].text).toBe('【代表活动日通知】\n本周六上午');
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(59_000);
    expect(await make().runOnce()).toBe(0);
    expect(new Set(sent.map((s) => s.key)).size).toBe(4);
    const rows = await OutboxModel.findAll({ where: { channel: 'chat', userId: users.map((u) => u.id) } });
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  test('a failed send is retried later; an unbound recipient is given up at once', async () => {
    const u = (await UserModel.findOne({ where: { username: 'deputy15' } }))!;
    await notify([u.id], { kind: 'notice', title: '失败重试', body: '', key: 'push-fail' }, api.clock.now());
    let fail = true;
    const pusher = new Pusher(service, {
      transport: 'console',
      send: async () => {
        if (fail) throw new Error('网络抖动');
      },
    });
    expect(await pusher.runOnce()).toBe(0);
    const row = (await OutboxModel.findOne({ where: { channel: 'chat', userId: u.id } }))!;
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: '网络抖动' });
    fail = false;
    expect(await pusher.runOnce()).toBe(0); // backoff: not due yet
    api.clock.set(new Date(api.clock.now().getTime() + 61_000).toISOString());
    expect(await pusher.runOnce()).toBe(1);

    const wecom = new Pusher(service, { transport: 'wecom', send: async () => undefined });
    const v = (await UserModel.findOne({ where: { username: 'deputy16' } }))!;
    await notify([v.id], { kind: 'notice', title: '未绑定', body: '', key: 'push-unbound' }, api.clock.now());
    // Demo mode addresses people by username on every transport, so turn that off for this check.
    api.core.config.demoMode = false;
    try {
      expect(await wecom.runOnce()).toBe(0);
    } finally {
      api.core.config.demoMode = true;
    }
    expect(await OutboxModel.findOne({ where: { channel: 'chat', userId: v.id } })).toMatchObject({ status: 'dead' });
  });
});
