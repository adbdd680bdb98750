/** Sign-in: passwords, demo sign-in, and WeChat's jscode2session through a local imitation of WeChat. */
import { UserModel } from '../../../models/definitions';
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';
import { fakeWechat } from '../../helpers/fakeWechat';

describe.each(databaseKinds())('sign-in on %s', (kind) => {
  let api: TestApi;
  let wx: Awaited<ReturnType<typeof fakeWechat>>;
  beforeAll(async () => {
    wx = await fakeWechat();
    api = await startTestApi(kind, { WECHAT_API_BASE: wx.url, WECHAT_APPID: 'wx-test-app', WECHAT_SECRET: 's3cret' });
  });
  afterAll(async () => {
    await api.close();
    await wx.close();
  });

  test('password sign-in for staff, office and admin; wrong password is 401', async () => {
    for (const username of ['staff-housing', 'office', 'office-linzi', 'admin']) {
      const r = await api.http('POST', '/api/auth/login', { username, password: 'lvzhi-demo' });
      expect(r.status).toBe(200);
      expect(r.body.user.username).toBe(username);
    }
    const wrong = await api.http('POST', '/api/auth/login', { username: 'office', password: 'nope' });
    expect(wrong).toMatchObject({ status: 401, body: { error: { message: '用户名或密码不正确' } } });
    expect((await api.http('POST', '/api/auth/login', { username: 'ghost', password: 'lvzhi-demo' })).status).toBe(401);
    expect((await api.http('POST', '/api/auth/login', { username: 'office' })).status).toBe(400);
  });

  test('demo sign-in only for deputies and citizens', async () => {
    const r = await api.http('POST', '/api/auth/dev', { username: 'deputy03' });
    expect(r.body.user).toMatchObject({ role: 'deputy', deputy: { level: expect.any(String), station: { name: expect.stringContaining('联络站') } } });
    expect((await api.http('POST', '/api/auth/dev', { username: 'office' })).status).toBe(403);
    expect((await api.http('POST', '/api/auth/dev', { username: 'nobody' })).status).toBe(404);
    const me = await api.http('GET', '/api/me', undefined, r.body.token);
    expect(me.body.username).toBe('deputy03');
  });

  test('WeChat: a new openid becomes a citizen, a bound one signs in its deputy, a bad code is 401', async () => {
    const first = await api.http('POST', '/api/auth/wechat', { code: 'c1' });
    expect(first.status).toBe(200);
    expect(first.body.user.role).toBe('citizen');
    const call = wx.calls.at(-1)!;
    expect(Object.fromEntries(call.searchParams)).toEqual({ appid: 'wx-test-app', secret: 's3cret', js_code: 'c1', grant_type: 'authorization_code' });
    const again = await api.http('POST', '/api/auth/wechat', { code: 'c1' });
    expect(again.body.user.id).toBe(first.body.user.id);

    await UserModel.update({ wechatOpenid: 'openid-d10' }, { where: { username: 'deputy10' } });
    const dep = await api.http('POST', '/api/auth/wechat', { code: 'd10' });
    expect(dep.body.user).toMatchObject({ username: 'deputy10', role: 'deputy' });

    const bad = await api.http('POST', '/api/auth/wechat', { code: 'bad-code' });
    expect(bad.status).toBe(401);
    expect(bad.body.error.message).toContain('微信');
    expect((await api.http('POST', '/api/auth/wechat', {})).status).toBe(400);
  });
});

describe('demo mode off (production)', () => {
  test('no demo sign-in, deputies cannot use the demo password', async () => {
    const api = await startTestApi('sqlite', { DEMO_MODE: '0' });
    try {
      expect((await api.http('POST', '/api/auth/dev', { username: 'deputy01' })).status).toBe(403);
      expect((await api.http('POST', '/api/auth/login', { username: 'deputy01', password: 'lvzhi-demo' })).status).toBe(401);
      expect((await api.http('POST', '/api/auth/login', { username: 'office', password: 'lvzhi-demo' })).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
