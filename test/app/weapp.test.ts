/**
 * The weapp bundle booted in Node with a small fake WeChat host (test/helpers/weappHost.ts): it is built by Taro
 * against a real API on loopback, loads from dist/weapp, renders the sign-in and home pages, takes taps and
 * typing, and its wx.request calls reach the API with the user's token.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startTestApi, type TestApi } from '../helpers/api';
import { bootWeapp } from '../helpers/weappHost';
import { fakeWechat } from '../helpers/fakeWechat';

type Host = ReturnType<typeof bootWeapp>;

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'miniprogram/dist/weapp');

jest.setTimeout(180_000);

let api: TestApi;
let host: Host;
let wechat: Awaited<ReturnType<typeof fakeWechat>>;
beforeAll(async () => {
  wechat = await fakeWechat();
  api = await startTestApi('sqlite', { WECHAT_API_BASE: wechat.url });
  const build = spawnSync('npm', ['run', '--silent', 'app:weapp'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', LVZHI_API_URL: api.url } });
  if (build.status !== 0) throw new Error(`weapp build failed:\n${build.stdout}\n${build.stderr}`.slice(-3000));
  host = bootWeapp(DIST);
});
afterAll(async () => {
  await api.close();
  await wechat.close();
});

test('the weapp build declares its pages and the feature subpackages', () => {
  const appJson = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
  expect(appJson.pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/login/index', 'pages/suggestion/index']));
  expect(appJson.subPackages ?? appJson.subpackages).toEqual([
    expect.objectContaining({ root: 'engage', pages: expect.arrayContaining(['inbox/index', 'meetings/index']) }),
    expect.objectContaining({ root: 'office', pages: ['dashboard/index', 'publish/index'] }),
    expect.objectContaining({ root: 'admin', pages: ['regions/index', 'stations/index', 'departments/index', 'users/index', 'audit/index', 'calendar/index'] }),
  ]);
  for (const page of ['pages/index/index', 'engage/meetings/index']) {
    for (const ext of ['js', 'json', 'wxml']) expect(fs.existsSync(path.join(DIST, `${page}.${ext}`))).toBe(true);
  }
});

test('sign in on the sign-in page, land on home, tap a tile', async () => {
  const login = await host.open('pages/login/index');
  expect(login.text()).toContain('微信一键登录');
  expect(login.text()).toContain('演示体验');
  // Input 0 is the invitation code beside 微信一键登录; then username and password.
  await login.input(1, 'office');
  await login.input(2, 'lvzhi-demo');
  await login.tap('登录');
  const signIn = host.calls.find((c) => c.api === 'request' && String(c.arg?.url).endsWith('/api/auth/login'));
  expect(signIn?.arg).toMatchObject({ url: `${api.url}/api/auth/login`, method: 'POST' });
  expect(JSON.parse(String(signIn!.arg!.data))).toEqual({ username: 'office', password: 'lvzhi-demo' });
  expect(host.storage['lvzhi.token']).toMatch(/^ey/);
  expect(host.calls.find((c) => c.api === 'reLaunch')?.arg).toMatchObject({ url: '/pages/index/index' });

  const home = await host.open('pages/index/index');
  expect(home.text()).toContain('您好，');
  expect(home.text()).toContain('待分办');
  // The user came with the sign-in; home asks only for the unread count, once, with the token.
  expect(host.calls.filter((c) => c.api === 'request' && String(c.arg?.url) === `${api.url}/api/me`)).toHaveLength(0);
  const unread = host.calls.filter((c) => c.api === 'request' && String(c.arg?.url) === `${api.url}/api/inbox?unread=true`);
  expect(unread).toHaveLength(1);
  expect((unread[0].arg!.header as Record<string, string>).authorization).toBe(`Bearer ${host.storage['lvzhi.token']}`);
  await home.tap('待分办');
  expect(host.calls.filter((c) => c.api === 'navigateTo').at(-1)?.arg).toMatchObject({ url: '/pages/suggestions/index?view=queue' });
});

test('on WeChat, 微信一键登录 sends wx.login\'s code to the API, which asks WeChat and signs a new citizen in', async () => {
  delete host.storage['lvzhi.token'];
  const login = await host.open('pages/login/index');
  await login.tap('微信一键登录');
  expect(host.calls.some((c) => c.api === 'login')).toBe(true);
  const call = host.calls.filter((c) => c.api === 'request' && String(c.arg?.url).endsWith('/api/auth/wechat')).at(-1);
  expect(JSON.parse(String(call!.arg!.data))).toEqual({ code: 'fake-wx-code' });
  expect(wechat.calls.at(-1)?.searchParams.get('js_code')).toBe('fake-wx-code');
  const me = await api.http('GET', '/api/me', undefined, host.storage['lvzhi.token']);
  expect(me.body).toMatchObject({ role: 'citizen' });
});

test('opened from an invitation QR code, the sign-in page links this WeChat to the invited deputy', async () => {
  delete host.storage['lvzhi.token'];
  const invitation = await api.http('POST', '/api/users/deputy05/invitation', {}, await api.token('office'));
  expect(invitation.status).toBe(201);
  // WeChat's 扫普通链接二维码打开小程序 hands the page the whole link as `q`.
  const login = await host.open('pages/login/index', { q: encodeURIComponent(invitation.body.url) });
  await login.tap('用邀请码绑定微信并登录');
  const call = host.calls.filter((c) => c.api === 'request' && String(c.arg?.url).endsWith('/api/auth/wechat')).at(-1);
  expect(JSON.parse(String(call!.arg!.data))).toEqual({ code: 'fake-wx-code', invitation: invitation.body.code });
  const me = await api.http('GET', '/api/me', undefined, host.storage['lvzhi.token']);
  expect(me.body).toMatchObject({ username: 'deputy05', role: 'deputy' });
});

test('a list page loads through wx.request and shows the API\'s Chinese labels', async () => {
  const token = await api.token('deputy01');
  await api.http('POST', '/api/suggestions', { title: '关于增加夜间公交班次的建议', body: '下晚班的职工没有公交可坐。', submit: true }, token);
  host.storage['lvzhi.token'] = token;
  const list = await host.open('pages/suggestions/index', { view: 'mine' });
  expect(list.text()).toContain('关于增加夜间公交班次的建议');
  expect(list.text()).toContain('待审查');
  const call = host.calls.find((c) => c.api === 'request' && String(c.arg?.url).includes('/api/suggestions?'));
  expect(String(call?.arg?.url)).toBe(`${api.url}/api/suggestions?mine=true&pageSize=50`);
});
