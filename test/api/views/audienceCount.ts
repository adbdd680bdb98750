/** The publish forms' audience count: the same people publishing reaches, scoped to the caller's region. */
import { NotificationModel } from '../../../models/engagement';
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';

describe.each(databaseKinds())('POST /api/notices/audience on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  test('the count equals the recipients of the notice published to the same audience', async () => {
    const office = await api.as('office');
    for (const audience of [{ all: true }, { levels: ['national', 'city'], regions: ['370303'] }, { users: ['deputy07', 'staff-edu'] }, { all: true, users: ['staff-edu'] }]) {
      const counted = await office.audienceCount(audience);
      const published = await office.publishNotice({ title: '关于开展专题视察的通知', body: '请准时参加。', audience });
      expect(published.recipients).toBe(counted.count);
      expect(await NotificationModel.count({ where: { refType: 'notice', refId: published.id } })).toBe(counted.count);
      expect(counted.deputies + counted.others).toBe(counted.count);
      expect(counted.byLevel.reduce((n, l) => n + l.count, 0)).toBe(counted.deputies);
    }
    const named = await office.audienceCount({ users: ['deputy07', 'staff-edu'] });
    expect(named).toMatchObject({ count: 2, deputies: 1, others: 1 });
    expect(named.byLevel).toHaveLength(1);
    expect(named.byLevel[0].label).toMatch(/代表$/);
  });

  test('a district office counts only its own region; the city office counts more', async () => {
    const city = await (await api.as('office')).audienceCount({ all: true });
    const district = await (await api.as('office-zhangdian')).audienceCount({ all: true });
    expect(district.count).toBeGreaterThan(0);
    expect(district.count).toBeLessThan(city.count);
    const invited = await (await api.as('office-zhangdian')).createMeeting({
      kind: 'reception',
      title: '联络站接待日',
      place: '科苑街道联络站',
      startsAt: new Date(Date.now() + 86400e3).toISOString(),
      endsAt: new Date(Date.now() + 90000e3).toISOString(),
      invitees: { all: true },
    });
    const meeting = await (await api.as('office-zhangdian')).meeting(invited.id);
    expect(meeting.attendance?.invited).toBe(district.count);
    // Another district's region is outside it: nobody there is counted.
    expect((await (await api.as('office-zhangdian')).audienceCount({ regions: ['370302'] })).count).toBe(0);
  });

  test('refusals: not the office 403, unknown people and regions 400, no audience 400, none found is 0', async () => {
    const deputy = await api.token('deputy01');
    const office = await api.token('office');
    expect((await api.http('POST', '/api/notices/audience', { audience: { all: true } }, deputy)).status).toBe(403);
    expect((await api.http('POST', '/api/notices/audience', { audience: { all: true } })).status).toBe(401);
    const unknown = await api.http('POST', '/api/notices/audience', { audience: { users: ['nobody-here'] } }, office);
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'invalid' } } });
    expect(unknown.body.error.message).toContain('nobody-here');
    const region = await api.http('POST', '/api/notices/audience', { audience: { regions: ['999999'] } }, office);
    expect(region.status).toBe(400);
    expect(region.body.error.message).toContain('999999');
    for (const body of [{}, { audience: {} }, { audience: 'all' }, { audience: { levels: ['emperor'] } }, []]) {
      const r = await api.http('POST', '/api/notices/audience', body, office);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const none = await api.http('POST', '/api/notices/audience', { audience: { stations: [999999] } }, office);
    expect(none).toMatchObject({ status: 200, body: { count: 0, deputies: 0, others: 0, byLevel: [] } });
  });
});
