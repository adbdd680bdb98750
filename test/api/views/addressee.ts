/**
 * The citizen's QR journey on the API side: the addressee's public info, the real mini-program code from
 * (a local imitation of) WeChat's getwxacodeunlimit with the H5 link beside it, WeChat's refusals as Chinese
 * 502/503, deputies found by name, a citizen who signs in through WeChat handing in an opinion, and the
 * invitation checked before WeChat is asked.
 */
import { DeputyModel, StationModel, UserModel } from '../../../models/definitions';
import { clearMiniProgramCodes } from '../../../core/wechat/miniProgramCode';
import { dropAccessToken } from '../../../core/wechat/accessToken';
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';
import { fakeWechat } from '../../helpers/fakeWechat';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe.each(databaseKinds())('addressee and mini-program code on %s', (kind) => {
  let api: TestApi;
  let wx: Awaited<ReturnType<typeof fakeWechat>>;
  let deputy05: UserModel;
  beforeAll(async () => {
    wx = await fakeWechat();
    api = await startTestApi(kind, { WECHAT_API_BASE: wx.url, WECHAT_APPID: 'wx-test-app', WECHAT_SECRET: 's3cret', PUBLIC_URL: 'https://lvzhi.example.cn' });
    deputy05 = (await UserModel.findOne({ where: { username: 'deputy05' } }))!;
  });
  beforeEach(() => {
    clearMiniProgramCodes();
    dropAccessToken();
    Object.assign(wx.state, { codeError: null, staleTokens: 0, tokenError: null });
  });
  afterAll(async () => {
    await api.close();
    await wx.close();
  });

  test('the addressee: only public fields, by username, id, scene or station; closed or deactivated ones are 404', async () => {
    const d = (await DeputyModel.findOne({ where: { userId: deputy05.id } }))!;
    const r = await api.http('GET', '/api/addressee?deputy=deputy05');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ kind: 'deputy', name: d.name, deputy: { username: 'deputy05', name: d.name, level: d.level }, form: { deputy: 'deputy05' }, page: 'pages/compose/index', scene: `d=${deputy05.id}` });
    expect(r.body.link).toBe(`https://lvzhi.example.cn/app/#/pages/compose/index?deputy=deputy05&name=${encodeURIComponent(d.name)}`);
    expect(r.body.region?.code).toMatch(/^37/);
    // Nothing private: no phone, work unit, birth year or openid anywhere in the answer.
    const text = JSON.stringify(r.body);
    for (const secret of [d.phone, d.workUnit, String(d.birthYear || 'none-given')].filter((x) => x && x.length > 3)) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/phone|workUnit|birthYear|openid/i);
    for (const q of [`deputyId=${deputy05.id}`, `scene=${encodeURIComponent(`d=${deputy05.id}`)}`, `scene=d=${deputy05.id}`]) {
      expect((await api.http('GET', `/api/addressee?${q}`)).body.deputy.username).toBe('deputy05');
    }

    const station = (await StationModel.findOne({ where: { active: true } }))!;
    const s = await api.http('GET', `/api/addressee?scene=s%3D${station.id}`);
    expect(s.body).toMatchObject({ kind: 'station', name: station.name, deputy: null, station: { id: station.id, address: station.address }, form: { station: station.id } });

    // Not addressees: an office account, an unknown deputy, a deactivated one, a closed station.
    const office = (await UserModel.findOne({ where: { username: 'office' } }))!;
    for (const q of ['deputy=office', `deputyId=${office.id}`, 'deputy=nobody', 'deputyId=99999999', 'station=99999999']) {
      const x = await api.http('GET', `/api/addressee?${q}`);
      expect(x.status).toBe(404);
      expect(x.body.error.message).toMatch(/没有找到/);
    }
    await UserModel.update({ active: false }, { where: { username: 'deputy49' } });
    expect((await api.http('GET', '/api/addressee?deputy=deputy49')).status).toBe(404);
    await StationModel.update({ active: false }, { where: { id: station.id } });
    expect((await api.http('GET', `/api/addressee?station=${station.id}`)).status).toBe(404);
    await StationModel.update({ active: true }, { where: { id: station.id } });
    await UserModel.update({ active: true }, { where: { username: 'deputy49' } });
    // Bad input: none, two at once, a malformed scene, a huge id.
    for (const q of ['', 'deputy=deputy05&station=1', 'scene=x%3D1', 'scene=%E0%A4%A', 'station=abc', 'deputyId=99999999999']) {
      const x = await api.http('GET', `/api/addressee?${q}`);
      expect(x.status).toBe(400);
      expect(x.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  test('a real mini-program code from getwxacodeunlimit, cached; the H5 link beside it', async () => {
    const token = await api.token('deputy05');
    expect((await api.http('GET', '/api/addressee/code?deputy=deputy05')).status).toBe(401);
    const before = wx.bodies.length;
    const r = await api.http('GET', '/api/addressee/code?deputy=deputy05', undefined, token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ page: 'pages/compose/index', scene: `d=${deputy05.id}`, cached: false, addressee: { kind: 'deputy' } });
    expect(r.body.link).toContain('/app/#/pages/compose/index?deputy=deputy05');
    const image = Buffer.from(r.body.image.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(image.subarray(0, 4).equals(PNG)).toBe(true);
    expect(wx.bodies.slice(before)).toEqual([{ scene: `d=${deputy05.id}`, page: 'pages/compose/index', check_path: false, env_version: 'release', width: 430 }]);
    const tokenCall = wx.calls.find((c) => c.pathname === '/cgi-bin/token')!;
    expect(Object.fromEntries(tokenCall.searchParams)).toEqual({ grant_type: 'client_credential', appid: 'wx-test-app', secret: 's3cret' });

    // The second time comes from the cache: WeChat is not asked again.
    const again = await api.http('GET', '/api/addressee/code?deputy=deputy05', undefined, token);
    expect(again.body).toMatchObject({ cached: true, image: r.body.image });
    expect(wx.bodies.length).toBe(before + 1);

    // The raw image, for printing.
    const png = await fetch(`${api.url}/api/addressee/code?station=1&format=png&width=600`, { headers: { authorization: `Bearer ${token}` } });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(0, 4).equals(PNG)).toBe(true);
    expect(wx.bodies.at(-1)).toMatchObject({ scene: 's=1', width: 600 });
    for (const q of ['deputy=deputy05&width=20', 'deputy=deputy05&width=abc', 'deputy=deputy05&env=beta']) {
      expect((await api.http('GET', `/api/addressee/code?${q}`, undefined, token)).status).toBe(400);
    }
    expect((await api.http('GET', '/api/addressee/code?deputy=nobody', undefined, token)).status).toBe(404);
  });

  test("WeChat's refusals: a stale token is renewed once; errors are Chinese 502/503, never 500", async () => {
    const token = await api.token('office');
    wx.state.staleTokens = 1;
    const renewed = await api.http('GET', '/api/addressee/code?deputy=deputy06', undefined, token);
    expect(renewed.status).toBe(200);

    clearMiniProgramCodes();
    wx.state.codeError = 41030;
    const page = await api.http('GET', '/api/addressee/code?deputy=deputy06', undefined, token);
    expect(page).toMatchObject({ status: 502, body: { error: { code: 'upstream' } } });
    expect(page.body.error.message).toContain('页面不存在');

    wx.state.codeError = 45009;
    const busy = await api.http('GET', '/api/addressee/code?deputy=deputy06', undefined, token);
    expect(busy).toMatchObject({ status: 503, body: { error: { code: 'unavailable', message: expect.stringContaining('繁忙') } } });

    wx.state.codeError = null;
    dropAccessToken();
    wx.state.tokenError = 40125;
    const secret = await api.http('GET', '/api/addressee/code?deputy=deputy06', undefined, token);
    expect(secret).toMatchObject({ status: 502, body: { error: { message: expect.stringContaining('AppSecret') } } });
  });

  test('a citizen new to WeChat signs in and hands the opinion to the deputy the code named', async () => {
    const login = await api.http('POST', '/api/auth/wechat', { code: 'citizen-scan-1' });
    expect(login.body.user.role).toBe('citizen');
    const addressee = (await api.http('GET', `/api/addressee?scene=d%3D${deputy05.id}`)).body;
    const created = await api.http('POST', '/api/suggestions', { title: '小区门口路灯坏了', body: '和平路小区门口的路灯坏了一个月。', ...addressee.form, submit: true }, login.body.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'received', addressedDeputy: { username: 'deputy05' }, viewer: 'citizen' });
    const station = (await StationModel.findOne({ where: { active: true } }))!;
    const toStation = (await api.http('GET', `/api/addressee?station=${station.id}`)).body;
    const viaStation = await api.http('POST', '/api/suggestions', { title: '联络站意见', body: '希望增加接待日。', ...toStation.form, submit: true }, login.body.token);
    expect(viaStation.status).toBe(201);
    expect(viaStation.body.addressedStation).toMatchObject({ id: station.id });
  });

  test('an invitation is checked before WeChat is asked', async () => {
    const calls = () => wx.calls.filter((c) => c.pathname === '/sns/jscode2session').length;
    const before = calls();
    const wrong = await api.http('POST', '/api/auth/wechat', { code: 'good-code', invitation: '23456789' });
    expect(wrong.status).toBe(404);
    const malformed = await api.http('POST', '/api/auth/wechat', { code: 'good-code', invitation: 'abc' });
    expect(malformed.status).toBe(400);
    expect(calls()).toBe(before);
    // A usable invitation goes on to WeChat.
    const inv = await api.http('POST', '/api/users/deputy20/invitation', {}, await api.token('office'));
    expect(inv.status).toBe(201);
    const ok = await api.http('POST', '/api/auth/wechat', { code: 'deputy20-phone', invitation: inv.body.code });
    expect(ok.status).toBe(200);
    expect(ok.body.user.username).toBe('deputy20');
    expect(calls()).toBe(before + 1);
    // Used now: the second try is refused before WeChat.
    const reuse = await api.http('POST', '/api/auth/wechat', { code: 'other-phone', invitation: inv.body.code });
    expect(reuse.status).toBe(409);
    expect(calls()).toBe(before + 1);
  });

  test('deputies by name: exact names first, usernames too, deactivated ones left out, limit', async () => {
    const d = (await DeputyModel.findOne({ where: { userId: deputy05.id } }))!;
    const byName = await api.http('GET', `/api/deputies?q=${encodeURIComponent(d.name)}`);
    expect(byName.body.items[0]).toMatchObject({ username: 'deputy05', name: d.name });
    const byUsername = await api.http('GET', '/api/deputies?q=deputy05');
    expect(byUsername.body.items.map((x: { username: string }) => x.username)).toEqual(['deputy05']);
    const surname = [...d.name][0];
    const all = await api.http('GET', `/api/deputies?q=${encodeURIComponent(surname)}`);
    expect(all.body.items.length).toBeGreaterThan(0);
    expect(all.body.items.every((x: { name: string }) => x.name.includes(surname))).toBe(true);
    const two = await api.http('GET', `/api/deputies?limit=2`);
    expect(two.body.items).toHaveLength(2);
    await UserModel.update({ active: false }, { where: { username: 'deputy05' } });
    try {
      expect((await api.http('GET', '/api/deputies?q=deputy05')).body.items).toEqual([]);
    } finally {
      await UserModel.update({ active: true }, { where: { username: 'deputy05' } });
    }
    for (const q of ['limit=0', 'limit=abc', 'limit=5000', `q=${'长'.repeat(30)}`]) expect((await api.http('GET', `/api/deputies?${q}`)).status).toBe(400);
  });
  // Last: it starts two more APIs, which rebind the models to their databases.
  test('WeChat out of reach or not configured: 503 with a Chinese message', async () => {
    const down = await startTestApi(kind, { WECHAT_API_BASE: 'http://127.0.0.1:9', WECHAT_SECRET: 's3cret' });
    const bare = await startTestApi(kind, { WECHAT_API_BASE: wx.url, WECHAT_SECRET: '' });
    try {
      const r = await down.http('GET', '/api/addressee/code?deputy=deputy05', undefined, await down.token('deputy05'));
      expect(r).toMatchObject({ status: 503, body: { error: { code: 'unavailable', message: expect.stringContaining('连不上微信') } } });
      const n = await bare.http('GET', '/api/addressee/code?deputy=deputy05', undefined, await bare.token('deputy05'));
      expect(n).toMatchObject({ status: 503, body: { error: { message: expect.stringContaining('AppSecret') } } });
      // The addressee and its link do not need WeChat.
      expect((await bare.http('GET', '/api/addressee?deputy=deputy05')).status).toBe(200);
    } finally {
      await down.close();
      await bare.close();
    }
  });
});
