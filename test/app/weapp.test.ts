/**
 * The weapp bundle booted in Node with a small fake WeChat host (test/helpers/weappHost.ts): built by Taro (only
 * when its sources changed, see weappBuild.ts) with an API base whose requests the host sends to a real API on
 * loopback, it loads from dist/weapp, renders the sign-in, home and tab pages and a subpackage page, takes taps
 * and typing, and its wx.request calls reach the API with the user's token. The package sizes are printed, and
 * the main package must stay under WeChat's 2 MB.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startTestApi, type TestApi } from '../helpers/api';
import { bootWeapp } from '../helpers/weappHost';
import { fakeWechat } from '../helpers/fakeWechat';
import { until } from '../helpers/jobs';
import { ensureWeappBuilt, WEAPP_DIST as DIST, WEAPP_TEST_API } from './weappBuild';

type Host = ReturnType<typeof bootWeapp>;

jest.setTimeout(180_000);

let api: TestApi;
let host: Host;
let wechat: Awaited<ReturnType<typeof fakeWechat>>;
beforeAll(async () => {
  wechat = await fakeWechat();
  api = await startTestApi('sqlite', { WECHAT_API_BASE: wechat.url, WECHAT_APPID: 'wx-test-app', WECHAT_SECRET: 's3cret' });
  const start = performance.now();
  await ensureWeappBuilt();
  process.stdout.write(`weapp bundle ready in ${((performance.now() - start) / 1000).toFixed(1)} s (built only when stale)\n`);
  // Requests for the bundle's API base reach the API this file started.
  host = bootWeapp(DIST, {}, { [WEAPP_TEST_API]: api.url });
});
afterAll(async () => {
  await api.close();
  await wechat.close();
});

/** Bytes under `dir`, all files. */
function bytesUnder(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? bytesUnder(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0);
}

test('the weapp build declares its pages, the tab bar, preloading, the sitemap and the feature subpackages', () => {
  const appJson = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
  expect(appJson.pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/login/index', 'pages/suggestion/index']));
  expect(appJson.tabBar.list.map((t: { pagePath: string; text: string }) => [t.pagePath, t.text])).toEqual([
    ['pages/index/index', '首页'],
    ['pages/work/index', '办件'],
    ['pages/messages/index', '消息'],
    ['pages/me/index', '我的'],
  ]);
  // Tab pages live in the main package, and their icons were copied where app.json says.
  for (const t of appJson.tabBar.list) {
    expect(appJson.pages).toContain(t.pagePath);
    for (const icon of [t.iconPath, t.selectedIconPath]) expect(fs.existsSync(path.join(DIST, icon))).toBe(true);
  }
  expect(Object.values(appJson.preloadRule).flatMap((r) => (r as { packages: string[] }).packages).sort()).toEqual(['admin', 'engage', 'office']);
  expect(appJson.sitemapLocation).toBe('sitemap.json');
  expect(JSON.parse(fs.readFileSync(path.join(DIST, 'sitemap.json'), 'utf8')).rules.length).toBeGreaterThan(0);
  expect(appJson.subPackages ?? appJson.subpackages).toEqual([
    expect.objectContaining({ root: 'engage', pages: expect.arrayContaining(['inbox/index', 'meetings/index']) }),
    expect.objectContaining({ root: 'office', pages: ['dashboard/index', 'publish/index'] }),
    expect.objectContaining({ root: 'admin', pages: ['regions/index', 'stations/index', 'departments/index', 'users/index', 'audit/index', 'calendar/index'] }),
  ]);
  for (const page of ['pages/index/index', 'engage/meetings/index']) {
    for (const ext of ['js', 'json', 'wxml']) expect(fs.existsSync(path.join(DIST, `${page}.${ext}`))).toBe(true);
  }
});

test('the main package is under 2 MB and each subpackage too (sizes printed)', () => {
  const subpackages = ['engage', 'office', 'admin'];
  const sizes = Object.fromEntries(subpackages.map((root) => [root, bytesUnder(path.join(DIST, root))]));
  const main = bytesUnder(DIST) - Object.values(sizes).reduce((a, b) => a + b, 0);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  process.stdout.write(`weapp package sizes: main ${kb(main)}; ${subpackages.map((r) => `${r} ${kb(sizes[r])}`).join('; ')}\n`);
  expect(main).toBeLessThan(2 * 1024 * 1024);
  for (const root of subpackages) expect(sizes[root]).toBeLessThan(2 * 1024 * 1024);
});

test('sign in on the sign-in page, land on home, tap a tile', async () => {
  const login = await host.open('pages/login/index');
  expect(login.text()).toContain('微信一键登录');
  expect(login.text()).toContain('演示体验');
  // Input 0 is the invitation code beside 微信一键登录; then username and password.
  await login.input(1, 'office');
  await login.input(2, 'lvzhi-demo');
  await login.tap('登录');
  await until(() => Boolean(host.storage['lvzhi.token']) && host.calls.some((c) => c.api === 'reLaunch'), 10_000);
  const signIn = host.calls.find((c) => c.api === 'request' && String(c.arg?.url).endsWith('/api/auth/login'));
  expect(signIn?.arg).toMatchObject({ url: `${WEAPP_TEST_API}/api/auth/login`, method: 'POST' });
  expect(JSON.parse(String(signIn!.arg!.data))).toEqual({ username: 'office', password: 'lvzhi-demo' });
  expect(host.storage['lvzhi.token']).toMatch(/^ey/);
  expect(host.calls.find((c) => c.api === 'reLaunch')?.arg).toMatchObject({ url: '/pages/index/index' });

  const before = host.calls.length;
  const home = await host.open('pages/index/index');
  expect(home.text()).toContain('您好，');
  expect(home.text()).toContain('待分办');
  // The user came with the sign-in; home asks for the counts only — unread messages and the routing queue's
  // size — once each, with the token, and puts them on the 办件 and 消息 tabs.
  const calls = host.calls.slice(before);
  expect(calls.filter((c) => c.api === 'request' && String(c.arg?.url) === `${WEAPP_TEST_API}/api/me`)).toHaveLength(0);
  const unread = calls.filter((c) => c.api === 'request' && String(c.arg?.url) === `${WEAPP_TEST_API}/api/inbox?unread=true`);
  expect(unread).toHaveLength(1);
  expect((unread[0].arg!.header as Record<string, string>).authorization).toBe(`Bearer ${host.storage['lvzhi.token']}`);
  expect(calls.filter((c) => c.api === 'request' && String(c.arg?.url) === `${WEAPP_TEST_API}/api/suggestions?queue=routing&pageSize=1`)).toHaveLength(1);
  const badges = calls.filter((c) => /^(set|remove)TabBarBadge$/.test(c.api)).map((c) => c.arg?.index);
  expect(badges.sort()).toEqual([1, 2]);
  await home.tap('待分办');
  expect(host.calls.filter((c) => c.api === 'navigateTo').at(-1)?.arg).toMatchObject({ url: '/pages/suggestions/index?view=queue' });
  // A tile that is a tab switches to it instead of stacking it.
  await home.tap('消息');
  expect(host.calls.filter((c) => c.api === 'switchTab').at(-1)?.arg).toMatchObject({ url: '/pages/messages/index' });
});

test('the tab pages: 办件 lists the role\'s work with search, 消息 the inbox, 我的 the large-text switch and settings', async () => {
  const token = await api.token('deputy02');
  await api.http('POST', '/api/suggestions', { title: '关于完善社区养老服务的建议', body: '社区日间照料中心太少，老人白天没人照顾。', submit: true }, token);
  host.storage['lvzhi.token'] = token;
  const work = await host.open('pages/work/index');
  expect(work.text()).toContain('我的建议');
  expect(work.text()).toContain('群众来信');
  expect(work.text()).toContain('关于完善社区养老服务的建议');
  const list = host.calls.filter((c) => c.api === 'request' && String(c.arg?.url).startsWith(`${WEAPP_TEST_API}/api/suggestions?mine=true`)).at(-1);
  expect(String(list?.arg?.url)).toBe(`${WEAPP_TEST_API}/api/suggestions?mine=true&page=1&pageSize=20`);
  await work.tap('群众来信');
  expect(work.text()).toContain('暂时没有群众交来的意见');
  expect(work.text()).toContain('群众扫您的二维码');

  const messages = await host.open('pages/messages/index');
  expect(messages.text()).toMatch(/还没有消息|未读/);

  const mine = await host.open('pages/me/index');
  expect(mine.text()).toContain('长辈模式（大字）');
  expect(mine.text()).toContain('夜间免打扰');
  expect(mine.text()).toContain('退出登录');
});

test('找代表 on WeChat shows a liaison station\'s real mini-program code, and the code\'s scene opens the form addressed to it', async () => {
  host.storage['lvzhi.token'] = await api.token('citizen01');
  // The page opens on the first district; its stations come first, each with its code.
  const district = (await api.http('GET', '/api/regions')).body.items.find((r: { level: string }) => r.level === 'district');
  const station = (await api.http('GET', `/api/stations?region=${district.code}`)).body.items[0];
  const page = await host.open('pages/deputies/index');
  expect(page.text()).toContain(station.name);
  await page.tap('二维码');
  await until(() => host.calls.some((c) => c.api === 'request' && String(c.arg?.url).includes(`/api/addressee/code?station=${station.id}`)), 5_000);
  // WeChat (the local imitation) was asked for a code of the form page with the station's scene, and the page shows it.
  expect(wechat.bodies.at(-1)).toMatchObject({ page: 'pages/compose/index', scene: `s=${station.id}` });
  await until(() => JSON.stringify(page.data).includes('data:image/png;base64,'), 5_000);
  // Scanning that code opens the form with `scene`: it says to whom it goes.
  const form = await host.open('pages/compose/index', { scene: encodeURIComponent(`s=${station.id}`) });
  await until(() => form.text().includes(station.name) && form.text().includes(station.address), 5_000);
  expect(form.text()).toContain('提交给联络站');
});

test('a subpackage page (engage/meetings) loads from its own package and lists the meetings through wx.request', async () => {
  const office = await api.token('office');
  const startsAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const endsAt = new Date(Date.now() + 2 * 86_400_000 + 7_200_000).toISOString();
  await api.http('POST', '/api/meetings', { kind: 'inspection', title: '老旧小区改造专题视察', place: '张店区和平街道', startsAt, endsAt, invitees: { users: ['deputy02'] } }, office);
  host.storage['lvzhi.token'] = await api.token('deputy02');
  const meetings = await host.open('engage/meetings/index');
  expect(meetings.text()).toContain('老旧小区改造专题视察');
  expect(meetings.text()).toContain('扫码签到');
  expect(host.calls.some((c) => c.api === 'request' && String(c.arg?.url) === `${WEAPP_TEST_API}/api/meetings`)).toBe(true);
  // Replying asks for subscribe messages (WeChat only), after the reply went through.
  await meetings.tap('参加');
  await until(() => host.calls.some((c) => c.api === 'requestSubscribeMessage'), 5_000);
  const rsvp = host.calls.findIndex((c) => c.api === 'request' && String(c.arg?.url).endsWith('/rsvp'));
  const subscribe = host.calls.findIndex((c) => c.api === 'requestSubscribeMessage');
  expect(rsvp).toBeGreaterThan(-1);
  expect(subscribe).toBeGreaterThan(rsvp);
  expect(host.calls[subscribe].arg).toMatchObject({ tmplIds: ['lvzhi-notice'] });
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
  const call = host.calls.filter((c) => c.api === 'request' && String(c.arg?.url).includes('/api/suggestions?mine=true')).at(-1);
  expect(String(call?.arg?.url)).toBe(`${WEAPP_TEST_API}/api/suggestions?mine=true&page=1&pageSize=20`);
});
