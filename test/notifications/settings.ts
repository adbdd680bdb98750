/**
 * A person's notification settings: the inbox always on, chat and WeChat can be turned off (no rows, pending ones
 * cancelled), quiet hours 22:00–07:00 Beijing time defer chat and WeChat to 07:00 — except urgent items — and bad
 * input is a Chinese 400 that changes nothing.
 */
import { deliverWechat } from '../../core/notifications/wechatChannel';
import { notify } from '../../core/notifications/notify';
import { UserModel } from '../../models/definitions';
import { NotificationModel, NotificationSettingModel, OutboxModel } from '../../models/engagement';
import { startTestApi, type TestApi } from '../helpers/api';
import { databaseKinds } from '../helpers/db';

describe.each(databaseKinds())('notification settings on %s', (kind) => {
  let api: TestApi;
  let deputy01: UserModel;
  beforeAll(async () => {
    api = await startTestApi(kind);
    await UserModel.update({ wechatOpenid: 'o-deputy01' }, { where: { username: 'deputy01' } });
    deputy01 = (await UserModel.findOne({ where: { username: 'deputy01' } }))!;
  });
  afterAll(() => api.close());

  const settings = async (user: string, body?: unknown) =>
    api.http(body === undefined ? 'GET' : 'PUT', '/api/me/notification-settings', body, await api.token(user));
  const call = async (user: string, method: string, path: string, body?: unknown) => {
    const r = await api.http(method, path, body, await api.token(user));
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const rowsOf = async (userId: number, kind: string) => {
    const notes = await NotificationModel.findAll({ where: { userId, kind }, order: [['id', 'ASC']] });
    return OutboxModel.findAll({ where: { notificationId: notes.map((n) => n.id) }, order: [['id', 'ASC']] });
  };
  const submitted = async () =>
    (await call('deputy01', 'POST', '/api/suggestions', { title: '关于增设公交站点的建议', body: '新建小区附近没有公交站，居民出行不便，建议增设站点。', submit: true })).id as number;

  test('everyone starts with every channel and quiet hours on; the inbox cannot be turned off; bad input changes nothing', async () => {
    const defaults = { inbox: true, chat: true, wechat: true, quietHours: true, quietFrom: '22:00', quietTo: '07:00' };
    expect((await settings('deputy01')).body).toEqual({ ...defaults, available: { chat: true, wechat: true } });
    expect((await settings('citizen01')).body).toEqual({ ...defaults, available: { chat: false, wechat: false } });
    for (const [body, message] of [
      [{ inbox: false }, '站内消息始终开启，不能关闭'],
      [{ chat: 'no' }, '群聊推送只能是 true（开）或 false（关）'],
      [{ quietHours: 1 }, '免打扰时段只能是 true（开）或 false（关）'],
      [{ email: true }, '不认识的字段：email'],
      ['[]', '请求内容应为 JSON 对象'],
    ] as const) {
      const r = await settings('deputy01', body);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toContain(message);
    }
    expect(await NotificationSettingModel.count()).toBe(0);
    expect((await settings('deputy01')).body).toMatchObject(defaults);
    expect((await api.http('GET', '/api/me/notification-settings')).status).toBe(401);
  });

  test('quiet hours defer chat and WeChat to 07:00 Beijing time, urgent items go at once', async () => {
    api.clock.set('2026-03-02T02:00:00Z');
    const id = await submitted();
    await call('office', 'POST', `/api/suggestions/${id}/accept`, {});
    await call('office', 'POST', `/api/suggestions/${id}/assign`, { lead: 'housing' });
    await call('staff-housing', 'POST', `/api/suggestions/${id}/sign`, {});
    api.clock.set('2026-03-02T15:00:00Z'); // 23:00 in Beijing
    await call('staff-housing', 'POST', `/api/suggestions/${id}/consult`, { method: 'phone', happenedOn: '2026-03-02', summary: '电话联系代表' });
    await call('office', 'POST', `/api/suggestions/${id}/urge`, { note: '请抓紧办理' });
    await call('staff-housing', 'POST', `/api/suggestions/${id}/request-extension`, { months: 1, reason: '需要预算安排' });
    // The request reaches the office at once in the inbox; its chat push waits until 07:00 (23:00 UTC).
    const office = (await UserModel.findOne({ where: { username: 'office' } }))!;
    const deferred = await rowsOf(office.id, 'extension.requested');
    expect(deferred.map((r) => [r.channel, r.urgent, r.nextAttemptAt.toISOString()])).toEqual([['chat', false, '2026-03-02T23:00:00.000Z']]);
    const staff = (await UserModel.findOne({ where: { username: 'staff-housing' } }))!;
    const urgent = await rowsOf(staff.id, 'suggestion.urge');
    expect(urgent.map((r) => [r.channel, r.urgent, r.nextAttemptAt.toISOString()])).toEqual([['chat', true, '2026-03-02T15:00:00.000Z']]);
    // The bot pulling at 23:30 gets the urge but not the request; at 07:00 it gets the request.
    const bot = await api.token('bot');
    api.clock.set('2026-03-02T15:30:00Z');
    const night = (await api.http('GET', '/api/deliveries?limit=200', undefined, bot)).body.items.map((d: { id: number }) => d.id);
    expect(night).toContain(urgent[0].id);
    expect(night).not.toContain(deferred[0].id);
    api.clock.set('2026-03-02T23:00:00Z');
    const morning = (await api.http('GET', '/api/deliveries?limit=200', undefined, bot)).body.items.map((d: { id: number }) => d.id);
    expect(morning).toContain(deferred[0].id);

    // A retry that would fall into the quiet hours waits for the morning too.
    api.clock.set('2026-03-03T13:59:30Z'); // 21:59:30
    await notify([staff.id], { kind: 'notice', title: '晚间通知', body: '…', key: 'late-retry' }, api.clock.now());
    const row = (await rowsOf(staff.id, 'notice')).find((r) => r.channel === 'chat')!;
    expect((await api.http('GET', '/api/deliveries?limit=200', undefined, bot)).body.items.map((d: { id: number }) => d.id)).toContain(row.id);
    await api.http('POST', `/api/deliveries/${row.id}/ack`, { ok: false, error: '群机器人限流' }, bot);
    expect((await OutboxModel.findByPk(row.id))!.nextAttemptAt.toISOString()).toBe('2026-03-03T23:00:00.000Z');
    api.clock.set('2026-03-02T02:00:00Z');
  });

  test('a person who turns quiet hours off gets deferred pushes at once', async () => {
    api.clock.set('2026-03-04T15:00:00Z'); // 23:00
    await notify([deputy01.id], { kind: 'notice', title: '夜间通知', body: '…', key: 'quiet-off' }, api.clock.now());
    const before = await rowsOf(deputy01.id, 'notice');
    expect(before.map((r) => [r.channel, r.nextAttemptAt.toISOString()])).toEqual([
      ['chat', '2026-03-04T23:00:00.000Z'],
      ['wechat', '2026-03-04T23:00:00.000Z'],
    ]);
    expect((await settings('deputy01', { quietHours: false })).body).toMatchObject({ quietHours: false, chat: true, wechat: true });
    const after = await OutboxModel.findAll({ where: { id: before.map((r) => r.id) } });
    expect(after.every((r) => r.nextAttemptAt.toISOString() === '2026-03-04T15:00:00.000Z')).toBe(true);
    await notify([deputy01.id], { kind: 'notice', title: '夜间通知二', body: '…', key: 'quiet-off-2' }, api.clock.now());
    expect((await rowsOf(deputy01.id, 'notice')).slice(-2).map((r) => r.nextAttemptAt.toISOString())).toEqual(['2026-03-04T15:00:00.000Z', '2026-03-04T15:00:00.000Z']);
    api.clock.set('2026-03-02T02:00:00Z');
  });

  test('turning a channel off cancels its pending rows and writes no new ones; the inbox still gets everything', async () => {
    await notify([deputy01.id], { kind: 'notice', title: '关前', body: '…', key: 'before-off' }, api.clock.now());
    const pending = (await rowsOf(deputy01.id, 'notice')).filter((r) => r.status === 'pending');
    expect(pending.map((r) => r.channel)).toEqual(expect.arrayContaining(['chat', 'wechat']));
    expect((await settings('deputy01', { wechat: false, chat: false })).body).toMatchObject({ inbox: true, chat: false, wechat: false });
    expect((await OutboxModel.findAll({ where: { id: pending.map((r) => r.id) } })).map((r) => r.status)).toEqual(pending.map(() => 'cancelled'));
    await notify([deputy01.id], { kind: 'notice', title: '关后', body: '…', key: 'after-off' }, api.clock.now());
    const note = (await NotificationModel.findOne({ where: { userId: deputy01.id, title: '关后' } }))!;
    expect(await OutboxModel.count({ where: { notificationId: note.id } })).toBe(0);
    // WeChat back on: new messages take it again, chat stays off.
    await settings('deputy01', { wechat: true });
    await notify([deputy01.id], { kind: 'notice', title: '再开', body: '…', key: 'on-again' }, api.clock.now());
    const again = (await NotificationModel.findOne({ where: { userId: deputy01.id, title: '再开' } }))!;
    expect((await OutboxModel.findAll({ where: { notificationId: again.id } })).map((r) => r.channel)).toEqual(['wechat']);
    // A row written before a change made behind the API's back is cancelled when a worker claims it, not sent.
    await NotificationSettingModel.update({ wechat: false }, { where: { userId: deputy01.id } });
    expect(await deliverWechat(api.core)).toBe(0);
    expect((await OutboxModel.findOne({ where: { notificationId: again.id } }))!.status).toBe('cancelled');
  });
});
