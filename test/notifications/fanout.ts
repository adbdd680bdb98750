/**
 * Set-based fan-out: a notice to more people than one chunk of statements carries reaches each of them exactly once
 * (one inbox entry, the outbox rows of their channels pointing at that entry), a second run with the same cause adds
 * nothing, and a fan-out whose transaction fails leaves nothing behind.
 */
import { Op } from 'sequelize';
import { notify, NOTIFY_CHUNK } from '../../core/notifications/notify';
import { UserModel } from '../../models/definitions';
import { NotificationModel, NotificationSettingModel, OutboxModel } from '../../models/engagement';
import { availableChannels, pushTime, DEFAULT_SETTINGS, type Settings } from '../../core/notifications/policy';
import { eachDatabase } from '../helpers/db';

eachDatabase('set-based fan-out', (t) => {
  const many = NOTIFY_CHUNK * 2 + 37;
  let ids: number[] = [];

  beforeAll(async () => {
    await UserModel.bulkCreate(
      Array.from({ length: many }, (_, i) => ({
        username: `fanout-${i}`,
        passwordHash: null,
        role: i % 10 === 0 ? 'citizen' : 'deputy',
        name: `代表${i}`,
        regionId: null,
        departmentId: null,
        stationId: null,
        // Every third has WeChat: two channels (chat and WeChat) for deputies, one for citizens.
        wechatOpenid: i % 3 === 0 ? `o-fanout-${i}` : null,
      })),
    );
    ids = (await UserModel.findAll({ where: { username: { [Op.like]: 'fanout-%' } }, attributes: ['id'] })).map((u) => u.id);
    expect(ids).toHaveLength(many);
  });

  test('every recipient once, with the outbox rows of their channels, across several chunks', async () => {
    const now = t().clock.now();
    const msg = { kind: 'notice', title: '大规模通知', body: '请按时参加。', refType: 'notice', refId: 999_001, key: 'notice:fanout-1' };
    expect(await notify([...ids, ...ids.slice(0, 50)], msg, now)).toBe(many);
    const inbox = await NotificationModel.findAll({ where: { refType: 'notice', refId: 999_001 }, raw: true });
    expect(inbox).toHaveLength(many);
    expect(new Set(inbox.map((n) => n.userId)).size).toBe(many);
    const outbox = await OutboxModel.findAll({ where: { notificationId: inbox.map((n) => n.id) }, raw: true });
    const users = new Map((await UserModel.findAll({ where: { id: ids }, raw: true })).map((u) => [u.id, u]));
    const expected = ids.reduce((sum, id) => {
      const u = users.get(id)!;
      return sum + (u.role !== 'citizen' ? 1 : 0) + (u.wechatOpenid ? 1 : 0);
    }, 0);
    expect(outbox).toHaveLength(expected);
    const byId = new Map(inbox.map((n) => [n.id, n]));
    for (const o of outbox) {
      // Each outbox row belongs to its person's own inbox entry and carries its channel's idempotency key.
      expect(byId.get(o.notificationId)!.userId).toBe(o.userId);
      expect(o.idempotencyKey).toBe(`${o.channel}:${o.notificationId}`);
      expect(o.status).toBe('pending');
    }
    expect(outbox.filter((o) => o.channel === 'wechat').every((o) => users.get(o.userId)!.wechatOpenid !== null)).toBe(true);
    // The same cause again reaches nobody new.
    expect(await notify(ids, msg, now)).toBe(0);
    expect(await NotificationModel.count({ where: { refType: 'notice', refId: 999_001 } })).toBe(many);
  });

  test('a fan-out whose transaction fails leaves nothing', async () => {
    const now = t().clock.now();
    const [inbox, outbox] = [await NotificationModel.count(), await OutboxModel.count()];
    await expect(
      t().core.db.sequelize.transaction(async () => {
        await notify(ids, { kind: 'notice', title: '回滚', body: '…', refType: 'notice', refId: 999_002, key: 'notice:fanout-2' }, now);
        throw new Error('crash after the fan-out');
      }),
    ).rejects.toThrow('crash after the fan-out');
    expect(await NotificationModel.count({ where: { refType: 'notice', refId: 999_002 } })).toBe(0);
    expect([await NotificationModel.count(), await OutboxModel.count()]).toEqual([inbox, outbox]);
  });

  test('the outbox rows the database writes follow the policy: channels, settings, quiet hours, urgency, allowed channels', async () => {
    // Some of the people turned chat, WeChat or quiet hours off.
    const some = ids.slice(0, 60);
    await NotificationSettingModel.bulkCreate(
      some.map((userId, i) => ({ userId, chat: i % 2 === 0, wechat: i % 3 !== 0, quietHours: i % 5 !== 0, updatedAt: new Date() })),
    );
    const users = new Map((await UserModel.findAll({ where: { id: ids.slice(0, 120) }, raw: true })).map((u) => [u.id, u]));
    const settings = new Map<number, Settings>((await NotificationSettingModel.findAll({ raw: true })).map((r) => [r.userId, { chat: !!r.chat, wechat: !!r.wechat, quietHours: !!r.quietHours }]));
    // 23:30 Beijing time (quiet) and 10:00 (not); urgent and not; all channels, and chat only.
    const cases = [
      { at: new Date('2026-11-30T15:30:00Z'), urgent: false, channels: undefined },
      { at: new Date('2026-11-30T15:30:00Z'), urgent: true, channels: undefined },
      { at: new Date('2026-12-01T02:00:00Z'), urgent: false, channels: ['inbox', 'chat'] as const },
    ];
    for (const [n, c] of cases.entries()) {
      const refId = 999_100 + n;
      const sample = [...users.keys()];
      expect(await notify(sample, { kind: 'notice', title: '设置', body: '…', refType: 'notice', refId, key: `notice:fanout-settings-${n}`, urgent: c.urgent, channels: c.channels }, c.at)).toBe(sample.length);
      const inbox = await NotificationModel.findAll({ where: { refType: 'notice', refId }, raw: true });
      const outbox = await OutboxModel.findAll({ where: { notificationId: inbox.map((x) => x.id) }, raw: true });
      const got = outbox.map((o) => `${o.userId}:${o.channel}:${new Date(o.nextAttemptAt).toISOString()}:${!!o.urgent}`).sort();
      const want = sample
        .flatMap((id) => {
          const mine = settings.get(id) ?? DEFAULT_SETTINGS;
          return availableChannels(users.get(id)!)
            .filter((ch) => mine[ch] && (!c.channels || (c.channels as readonly string[]).includes(ch)))
            .map((ch) => `${id}:${ch}:${pushTime(c.at, mine, c.urgent).toISOString()}:${c.urgent}`);
        })
        .sort();
      expect(got).toEqual(want);
      expect(got.length).toBeGreaterThan(0);
    }
  });
});
