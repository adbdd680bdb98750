/** Notices reach exactly their audience, with read receipts. */
import { DeputyModel, RegionModel, UserModel } from '../../models/definitions';
import { NotificationModel } from '../../models/engagement';
import { startTestApi, type TestApi } from '../helpers/api';
import { databaseKinds } from '../helpers/db';
import { Op } from 'sequelize';

describe.each(databaseKinds())('notices on %s', (kind) => {
  let api: TestApi;
  let office: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    office = await api.token('office');
  });
  afterAll(() => api.close());

  const recipientsOf = async (noticeId: number) =>
    (await NotificationModel.findAll({ where: { refType: 'notice', refId: noticeId } })).map((n) => n.userId).sort((a, b) => a - b);

  test('an audience by level and region reaches exactly those deputies', async () => {
    const r = await api.http('POST', '/api/notices', { title: '关于开展集中视察的通知', body: '请各位代表于下周参加视察。', audience: { levels: ['city', 'county'], regions: ['370303'] } }, office);
    expect(r.status).toBe(201);
    const zhangdian = (await RegionModel.findOne({ where: { code: '370303' } }))!;
    const towns = (await RegionModel.findAll({ where: { path: { [Op.like]: `${zhangdian.path}%` } } })).map((t) => t.id);
    const expected = (await DeputyModel.findAll({ where: { level: ['city', 'county'], regionId: towns } })).map((d) => d.userId).sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(0);
    expect(await recipientsOf(r.body.id)).toEqual(expected);
    expect(r.body.recipients).toBe(expected.length);
  });

  test('all deputies, or named users; a district office reaches only its own district', async () => {
    const all = await api.http('POST', '/api/notices', { title: '全体代表通知', body: '……', audience: { all: true } }, office);
    expect(await recipientsOf(all.body.id)).toHaveLength(50);
    const named = await api.http('POST', '/api/notices', { title: '点名通知', body: '……', audience: { users: ['deputy07', 'staff-edu'] } }, office);
    const ids = (await UserModel.findAll({ where: { username: ['deputy07', 'staff-edu'] } })).map((u) => u.id).sort((a, b) => a - b);
    expect(await recipientsOf(named.body.id)).toEqual(ids);
    const district = await api.token('office-boshan');
    const local = await api.http('POST', '/api/notices', { title: '博山区通知', body: '……', audience: { all: true } }, district);
    const boshan = (await RegionModel.findOne({ where: { code: '370304' } }))!;
    const inBoshan = (await RegionModel.findAll({ where: { path: { [Op.like]: `${boshan.path}%` } } })).map((t) => t.id);
    const expected = (await DeputyModel.findAll({ where: { regionId: inBoshan } })).map((d) => d.userId).sort((a, b) => a - b);
    expect(await recipientsOf(local.body.id)).toEqual(expected);
  });

  test('read receipts: who read, who did not', async () => {
    const r = await api.http('POST', '/api/notices', { title: '会前通知', body: '请准时参会。', audience: { users: ['deputy01', 'deputy02', 'deputy03'] } }, office);
    const token = await api.token('deputy01');
    const inbox = await api.http('GET', '/api/inbox?unread=true', undefined, token);
    const entry = inbox.body.items.find((i: { ref: { id: number } | null }) => i.ref?.id === r.body.id);
    expect(entry).toMatchObject({ kind: 'notice', title: '会前通知', readAt: null });
    expect((await api.http('POST', `/api/inbox/${entry.id}/read`, {}, token)).body).toEqual({ marked: 1 });
    expect((await api.http('POST', `/api/inbox/${entry.id}/read`, {}, token)).body).toEqual({ marked: 0 });
    const receipts = (await api.http('GET', `/api/notices/${r.body.id}/receipts`, undefined, office)).body;
    expect(receipts).toMatchObject({ total: 3, read: 1 });
    expect(receipts.receipts.find((x: { username: string }) => x.username === 'deputy01').readAt).not.toBeNull();
    expect(receipts.receipts.find((x: { username: string }) => x.username === 'deputy02').readAt).toBeNull();
    // The office's list of published notices carries the same counts, newest first; deputies may not list them.
    const list = (await api.http('GET', '/api/notices', undefined, office)).body.items;
    expect(list[0]).toMatchObject({ id: r.body.id, title: '会前通知', total: 3, read: 1 });
    expect((await api.http('GET', '/api/notices', undefined, token)).status).toBe(403);
  });

  test('bad input and the wrong people get 4xx with Chinese messages', async () => {
    const deputy = await api.token('deputy01');
    expect((await api.http('POST', '/api/notices', { title: 'x', body: 'y', audience: { all: true } }, deputy)).status).toBe(403);
    const empty = await api.http('POST', '/api/notices', { title: 'x', body: 'y', audience: {} }, office);
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('发送对象');
    const unknown = await api.http('POST', '/api/notices', { title: 'x', body: 'y', audience: { regions: ['999999'] } }, office);
    expect(unknown.body.error.message).toContain('999999');
    expect((await api.http('GET', '/api/notices/99999/receipts', undefined, office)).status).toBe(404);
  });
});
