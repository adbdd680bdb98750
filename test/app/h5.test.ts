/**
 * The mini-program's H5 build in Debian Chromium (playwright-core, one browser for the file) against `npm start`
 * on a copy of this run's demo-city SQLite database (the server builds the H5 app only when its sources are newer
 * than the build; CI builds it beforehand), on a phone (390×844) and a desktop (1366×800):
 * - every role's main journey: a citizen hands an opinion to a deputy → forwarded → accepted and routed by the
 *   office → signed, consulted and answered by the department → rated by the deputy → read by the citizen; a
 *   meeting RSVP and check-in; a survey; a notice and its read receipts; the admin's accounts and audit log;
 * - the QR journey: a signed-out citizen opens a deputy's form, sees to whom it goes, types, signs in and keeps
 *   the text;
 * - the tab bar with its badges, 长辈模式 at twice the system font, disabled buttons that look disabled;
 * - on every page visited: a screenshot (test-output/screenshots/<phone|desktop>/), axe-core with no serious or
 *   critical violation, on the phone no visible text under 14 CSS px, and the page at 200 % zoom (683×400 CSS px)
 *   with no sideways scrolling and every control and heading on the screen.
 * Journeys are independent (each its own people and data) and run side by side in their own browser contexts.
 * Each kind of sign-in (demo for deputies and citizens, password for staff) is done once through the page; the
 * other journeys start with the token in storage, as a returning user would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { nodeArgs } from '../helpers/bin';
import { seededDatabaseUrl } from '../helpers/db';
import { until } from '../helpers/jobs';
import { axeViolations, launchChromium, limiter, settle, smallText, Timings, trackRequests, zoom200 } from './browserKit';

const ROOT = path.resolve(__dirname, '../..');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const SHOTS = path.join(ROOT, 'test-output/screenshots');
const PORT = 3400 + (process.pid % 500);
const BASE = `http://127.0.0.1:${PORT}`;

type Device = 'phone' | 'desktop';
const VIEWPORTS: Record<Device, { width: number; height: number }> = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 800 } };

jest.setTimeout(420_000);

let server: ChildProcess;
let browser: Browser;
let database: { url: string; drop: () => Promise<void> };
const visited = new Set<string>();
const timings = new Timings();
/** Journeys at once: more only queue for the same two cores. */
const run = limiter(3);

async function api(method: string, p: string, body?: unknown, token?: string) {
  const res = await fetch(`${BASE}${p}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}
const passwordToken = async (username: string) => (await api('POST', '/api/auth/login', { username, password: 'lvzhi-demo' })).token as string;
const demoToken = async (username: string) => (await api('POST', '/api/auth/dev', { username })).token as string;

type Kind = 'demo' | 'password';
const kindOf = (username: string): Kind => (/^(deputy|citizen)/.test(username) ? 'demo' : 'password');
/** What the app stored after the first real sign-in of each kind (the token inside it is swapped for another user's). */
const stored: Partial<Record<Kind, string>> = {};
const JWT = /ey[\w-]+\.[\w-]+\.[\w-]+/;

/** A page of one journey: the device it imitates and where that journey's findings go. */
type JourneyPage = Page & { device?: Device; problems?: string[] };
const deviceOf = (page: Page): Device => (page as JourneyPage).device ?? 'phone';

/** One journey: its findings (asserted empty by the journey) and its pages (closed when it ends). */
class Journey {
  readonly problems: string[] = [];
  private readonly pages: Page[] = [];

  /**
   * A fresh page (its own storage) on `device`; `token` starts it signed in: the app's stored sign-in is in the
   * tab's storage before the app's first script runs, as for a returning user. (Put there by a script the tab runs
   * before its first document, once per tab, so that a sign-out in the journey stays signed out; Playwright's
   * `storageState` would do the same by opening and closing an extra page per context, about 1.5 s of Chromium's CPU.)
   */
  async open(device: Device, who: string, token?: string): Promise<Page> {
    const context = await browser.newContext({ viewport: VIEWPORTS[device], deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    if (token) {
      await context.addInitScript(
        ({ origin, value }) => {
          if (window.location.origin !== origin || sessionStorage.getItem('lvzhi.test.seeded')) return;
          localStorage.setItem('lvzhi.token', value);
          sessionStorage.setItem('lvzhi.test.seeded', '1');
        },
        { origin: BASE, value: stored[kindOf(who)]!.replace(JWT, token) },
      );
    }
    // A loaded machine (CI shares two cores between two jest workers) may take long for a real step: wait longer.
    context.setDefaultTimeout(60_000);
    const page = (await context.newPage()) as JourneyPage;
    page.on('pageerror', (e) => process.stderr.write(`page error (${who}): ${e.message}\n`));
    trackRequests(page);
    page.device = device;
    page.problems = this.problems;
    this.pages.push(page);
    return page;
  }

  /**
   * A browser page signed in as `username`. The first sign-in of each kind goes through the sign-in page
   * (password for staff, office and admin; demo sign-in for deputies and citizens); later ones start with
   * the user's token in the app's storage and open the home page.
   */
  async signIn(username: string, device: Device = 'phone'): Promise<Page> {
    const kind = kindOf(username);
    if (stored[kind]) {
      return timings.time('sign-in (stored token)', async () => {
        const page = await this.open(device, username, kind === 'demo' ? await demoToken(username) : await passwordToken(username));
        await page.goto(`${BASE}/app/`);
        await top(page).getByText('您好，').waitFor();
        return page;
      });
    }
    return timings.time('sign-in (through the page)', async () => {
      const page = await this.open(device, username);
      await page.goto(`${BASE}/app/`);
      await page.getByText('演示体验').waitFor();
      if (kind === 'demo') {
        await page.locator('.demo-input input').fill(username);
        await press(page, '演示登录');
      } else {
        await page.locator('input[name="username"]').first().fill(username);
        await page.locator('input[type="password"]').fill('lvzhi-demo');
        await page.locator('.nut-button', { hasText: /^登录$/ }).click();
      }
      await top(page).getByText('您好，').waitFor();
      const value = await page.evaluate(() => localStorage.getItem('lvzhi.token'));
      expect(value).toMatch(JWT);
      stored[kind] ??= value!;
      return page;
    });
  }

  /** Closes the journey's pages. */
  async close(): Promise<void> {
    await Promise.all(this.pages.map((p) => p.context().close().catch(() => undefined)));
  }
}

/** A journey: a concurrent test with its own pages, queued behind `run`'s limit. */
function journey(name: string, fn: (j: Journey) => Promise<void>) {
  test.concurrent(name, () =>
    run(async () => {
      const j = new Journey();
      const start = performance.now();
      try {
        await fn(j);
      } finally {
        await j.close();
        timings.add(`journey: ${name.slice(0, 40)}`, performance.now() - start);
      }
    }),
  );
}

/** The page on top of Taro's page stack (earlier pages stay in the DOM, hidden). */
const top = (page: Page) => page.locator('.taro_page:visible');

/** Presses the button labelled exactly `label` inside `scope` (a NutUI or Taro button). */
async function press(scope: Page | Locator, label: string) {
  await scope.locator('taro-button-core', { hasText: new RegExp(`^\\s*${label}\\s*$`) }).first().click();
}

/**
 * One page seen, once it is still (no request in flight, no animation running, no toast showing — a toast
 * fading out reads as low contrast): a screenshot; axe-core (serious and critical violations are problems)
 * unless `sameUiAs` names the visit that audited the same UI in another state (larger type, say); on the phone
 * the 14 px floor; and the page at 200 % zoom. Every page of the suite goes through here.
 */
async function visit(page: Page, name: string, { sameUiAs }: { sameUiAs?: string } = {}) {
  const device = deviceOf(page);
  const problems = (page as JourneyPage).problems!;
  await timings.time('visit: wait until still', async () => {
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((t) => getComputedStyle(t).display === 'none'), undefined, { timeout: 10_000 });
    await settle(page);
  });
  fs.mkdirSync(path.join(SHOTS, device), { recursive: true });
  await timings.time('visit: screenshot', () => page.screenshot({ path: path.join(SHOTS, device, `${name}.png`), fullPage: true, animations: 'disabled' }));
  if (sameUiAs) expect(visited).toContain(`${device}/${sameUiAs}`);
  else for (const v of await timings.time('visit: axe', () => axeViolations(page))) problems.push(`${device}/${name}: axe ${v}`);
  if (device === 'phone') for (const t of (await timings.time('visit: small text', () => smallText(page))).slice(0, 5)) problems.push(`${device}/${name}: small text ${t}`);
  for (const z of await timings.time('visit: 200 % zoom', () => zoom200(page, 'body', rootKeepsItsSize))) problems.push(`${device}/${name}: at 200 % zoom ${z}`);
  visited.add(`${device}/${name}`);
}

/** Zoom makes the type larger on screen: the rem script keeps the root size when the CSS width narrows to 683 px. */
async function rootKeepsItsSize(page: Page): Promise<string[]> {
  const root = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  return root >= 25 ? [] : [`the root font shrank to ${root}px`];
}

/** Accepts the confirmation dialog an irreversible act asks first. */
async function confirmDialog(page: Page) {
  const ok = page.locator('.taro__modal .taro-model__confirm');
  await ok.waitFor();
  await ok.click();
  await ok.waitFor({ state: 'hidden' });
}

/** Taps one of the detail page's action buttons (the buttons the API's `actions` produced). */
async function tapAction(page: Page, label: string) {
  await top(page).locator('.actions .nut-button', { hasText: new RegExp(`^${label}$`) }).click();
}

/** Submits the open action form with its own button (confirming when asked) and waits until the form closes. */
async function submitForm(page: Page, label: string, confirmFirst = true) {
  await top(page).locator('.action-form .nut-button', { hasText: new RegExp(`^${label}$`) }).last().click();
  if (confirmFirst) await confirmDialog(page);
  await top(page).locator('.action-form').waitFor({ state: 'detached' });
}

/** Taps a tab of the H5 tab bar. */
async function tab(page: Page, label: '首页' | '办件' | '消息' | '我的') {
  await page.locator('.weui-tabbar__item', { hasText: label }).click();
}

beforeAll(async () => {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  const browserReady = timings.time('start Chromium', launchChromium);
  await timings.time('start the server (and build the H5 app when stale)', async () => {
    database = await seededDatabaseUrl('sqlite');
    server = spawn(process.execPath, nodeArgs('api/server.ts'), {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, PORT: String(PORT), JOBS: 'off', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await until(async () => {
      try {
        return (await fetch(`${BASE}/app/`)).status === 200;
      } catch {
        return false;
      }
    }, 600_000);
  });
  browser = await browserReady;
}, 620_000);

afterAll(async () => {
  await browser?.close();
  // The server has ended before the file does: its process and pipe do not outlive the test file in the worker.
  if (server && server.exitCode === null && server.signalCode === null) {
    const ended = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    const stubborn = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await ended;
    clearTimeout(stubborn);
  }
  await database?.drop();
  process.stdout.write(`h5 suite: ${visited.size} page views checked (axe, text size, 200 % zoom) and saved under test-output/screenshots\n`);
  process.stdout.write(timings.report('h5 suite, time per phase (journeys overlap):'));
});

journey('the page scales for reading: no user-scalable=no, rem sized to the screen, body text at least 15 px on a phone', async (j) => {
  const page = await j.open('phone', 'viewport');
  await page.goto(`${BASE}/app/`);
  await page.getByText('演示体验').waitFor();
  const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
  expect(viewport).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\D|$)/);
  const sizes = await page.evaluate(() => ({
    root: parseFloat(getComputedStyle(document.documentElement).fontSize),
    body: parseFloat(getComputedStyle(document.querySelector('.page .input') as Element).fontSize),
    label: parseFloat(getComputedStyle(document.querySelector('.page .label') as Element).fontSize),
  }));
  expect(sizes.root).toBeCloseTo(390 / 18.75, 1);
  expect(sizes.body).toBeGreaterThanOrEqual(15);
  expect(sizes.label).toBeGreaterThanOrEqual(14);
  // A disabled button looks disabled: grey, not an empty white box.
  const disabled = page.locator('.nut-button-disabled', { hasText: /^\s*登录\s*$/ });
  await disabled.waitFor();
  const look = await disabled.evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, color: getComputedStyle(el).color }));
  expect(look.bg).toBe('rgb(233, 233, 233)');
  expect(look.color).toBe('rgb(85, 85, 85)');
  await visit(page, 'login');
  await page.context().close();
  expect(j.problems).toEqual([]);
});

journey('an opinion goes from a citizen to a deputy, through the office and a department, and comes back answered', async (j) => {
  // The citizen finds a deputy of 张店区 and writes to them.
  // The office's page opens meanwhile (it reads its queue only later).
  const officeReady = j.signIn('office');
  officeReady.catch(() => undefined);
  const citizen = await j.signIn('citizen01');
  await visit(citizen, 'citizen-home');
  await top(citizen).getByText('找代表', { exact: true }).click();
  await top(citizen).getByText('张店区', { exact: true }).click();
  const zhangdian = (await api('GET', '/api/deputies?region=370303')).items[0];
  const firstDeputy = top(citizen).locator('.card', { hasText: zhangdian.name }).filter({ hasText: '写意见' });
  await press(firstDeputy, '二维码');
  await firstDeputy.locator('.qr img, img.qr, .qr').first().waitFor();
  await visit(citizen, 'citizen-find-deputy');
  await press(firstDeputy, '写意见');
  await top(citizen).locator('.addressee', { hasText: zhangdian.name }).waitFor();
  await top(citizen).locator('input[name="title"]').fill('小区门口公交站台被占用');
  await top(citizen).locator('textarea').first().fill('公交站台长期被车辆占用，乘客只能站在马路上等公交车，很危险。');
  await top(citizen).locator('input[name="place"]').fill('张店区科苑街道');
  const chooser = citizen.waitForEvent('filechooser');
  await top(citizen).getByText('＋ 添加照片').click();
  await (await chooser).setFiles({ name: 'bus-stop.png', mimeType: 'image/png', buffer: PNG });
  await top(citizen).locator('.photos img').first().waitFor();
  await visit(citizen, 'citizen-compose');
  await press(top(citizen), '提交给代表');
  await top(citizen).getByText('办理经过').waitFor();
  // The stepper says where it is in plain words.
  await top(citizen).locator('.progress', { hasText: `您的意见已送到${zhangdian.name}代表` }).waitFor();
  await top(citizen).locator('.next-step', { hasText: `下一步：${zhangdian.name}代表答复您` }).waitFor();
  const photo = top(citizen).locator('.photos img').first();
  await photo.waitFor();
  await until(async () => (await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)) === 1, 10_000);
  await visit(citizen, 'citizen-opinion');
  const id = Number(new URL(citizen.url().replace('#', '')).searchParams.get('id'));
  expect(id).toBeGreaterThan(0);

  // The deputy sees the letter counted on the home tile, and forwards it as a suggestion.
  const deputy = await j.signIn(zhangdian.username);
  await top(deputy).locator('.tile', { hasText: '群众来信' }).locator('.count').waitFor();
  await visit(deputy, 'deputy-home');
  await top(deputy).getByText('群众来信', { exact: true }).click();
  await top(deputy).getByText('小区门口公交站台被占用').click();
  await tapAction(deputy, '转为建议');
  await submitForm(deputy, '转为建议');
  await top(deputy).locator('.tag', { hasText: '待审查' }).waitFor();

  // The office accepts it and confirms (or picks) the routing; the proposal shows its deciding words in words.
  const office = await officeReady;
  await visit(office, 'office-home');
  await top(office).getByText('待分办', { exact: true }).click();
  await top(office).getByText('小区门口公交站台被占用').first().waitFor();
  await visit(office, 'office-queue');
  await top(office).getByText('小区门口公交站台被占用').first().click();
  await expect(office.locator('.routing .why').first().innerText()).resolves.toMatch(/依据：.+/);
  await expect(top(office).locator('.routing').innerText()).resolves.toMatch(/把握[高中低]/);
  await expect(top(office).locator('.routing').innerText()).resolves.not.toMatch(/\d+%/);
  // Each button says what it does (the API's actionDetails); 立案 alone can be followed by a choice of departments.
  await top(office).locator('.action-item', { hasText: '立案（稍后交办）' }).getByText('稍后再选定承办单位交办').waitFor();
  await tapAction(office, '立案（稍后交办）');
  await top(office).locator('.tag', { hasText: '已立案待交办' }).waitFor();
  const officeToken = await passwordToken('office');
  const detail = await api('GET', `/api/suggestions/${id}`, undefined, officeToken);
  if (detail.actions.includes('confirm')) {
    await tapAction(office, '按分办建议交办');
    // Cancelling the confirmation does nothing.
    await top(office).page().locator('.taro__modal .taro-model__cancel').click();
    await expect(top(office).locator('.tag').first().innerText()).resolves.toBe('已立案待交办');
    await tapAction(office, '按分办建议交办');
    await confirmDialog(office);
  } else {
    await tapAction(office, '选择承办单位交办');
    await submitForm(office, '选择承办单位交办');
  }
  await top(office).locator('.tag', { hasText: '已交办待签收' }).waitFor();
  await top(office).locator('.next-step', { hasText: /^下一步：.+签收并开始办理/ }).waitFor();
  await visit(office, 'office-suggestion');

  // The lead department signs, records a consultation, drafts, previews and publishes its answer.
  const lead = (await api('GET', `/api/suggestions/${id}`, undefined, officeToken)).lead.code;
  const staff = await j.signIn(`staff-${lead}`);
  await visit(staff, 'staff-home');
  await top(staff).getByText('待办任务', { exact: true }).click();
  await top(staff).getByText('小区门口公交站台被占用').first().waitFor();
  await expect(staff.locator('.suggestion-row', { hasText: '小区门口公交站台被占用' }).innerText()).resolves.toMatch(/还剩 \d+ 个工作日/);
  await visit(staff, 'staff-tasks');
  await top(staff).getByText('小区门口公交站台被占用').first().click();
  // Whose turn it is and by when, in Beijing calendar days (never an ISO date). The suite runs on the real clock: a
  // deadline counted through a year whose holidays are not published yet says so (2027年3月1日（星期一，暂定）).
  await expect(top(staff).locator('.next-step').innerText()).resolves.toMatch(/^轮到您：签收并开始办理，\d{4}年\d{1,2}月\d{1,2}日（星期[一二三四五六日](?:，暂定)?）前答复（还剩 \d+ 个工作日）/);
  await expect(top(staff).locator('.progress').innerText()).resolves.not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:/);
  await tapAction(staff, '签收');
  await confirmDialog(staff);
  await top(staff).locator('.tag', { hasText: '办理中' }).waitFor();
  await tapAction(staff, '面商');
  await top(staff).locator('.action-form textarea').fill('电话联系代表，说明将在站台旁加装隔离桩。');
  await submitForm(staff, '面商', false);
  await top(staff).locator('.timeline-item', { hasText: '面商' }).first().waitFor();
  await tapAction(staff, '保存答复草稿');
  await top(staff).locator('.action-form').getByText('已解决或采纳').click();
  await top(staff).locator('.action-form textarea').fill('已在站台两侧加装隔离桩，并安排交警定期巡查，占用问题已解决。');
  await submitForm(staff, '保存答复草稿', false);
  await tapAction(staff, '正式答复');
  await top(staff).locator('.preview', { hasText: '已在站台两侧加装隔离桩' }).waitFor();
  await visit(staff, 'staff-preview');
  await submitForm(staff, '正式答复');
  await top(staff).locator('.tag', { hasText: '已答复待测评' }).waitFor();
  await visit(staff, 'staff-answered');

  // The deputy rates the answer.
  await deputy.goto(`${BASE}/app/#/pages/suggestion/index?id=${id}`);
  await top(deputy).locator('.answer', { hasText: '已在站台两侧加装隔离桩' }).waitFor();
  await tapAction(deputy, '测评');
  await top(deputy).locator('.action-form').getByText('满意', { exact: true }).click();
  await visit(deputy, 'deputy-rate');
  await submitForm(deputy, '测评');
  await top(deputy).locator('.tag', { hasText: '已办结' }).waitFor();

  // The citizen sees the answer among their items, with every step of the stepper done.
  await citizen.goto(`${BASE}/app/#/pages/index/index`);
  await top(citizen).getByText('我的意见', { exact: true }).click();
  await top(citizen).getByText('小区门口公交站台被占用').first().click();
  await top(citizen).locator('.answer', { hasText: '已在站台两侧加装隔离桩' }).waitFor();
  expect(await top(citizen).locator('.progress .nut-step-finish').count()).toBe(5);
  await visit(citizen, 'citizen-answer');
  const final = await api('GET', `/api/suggestions/${id}`, undefined, officeToken);
  expect(final.state).toBe('closed');
  expect(final.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['forward', 'accept', 'sign', 'consult', 'publish-answer', 'rate']));
  for (const p of [citizen, deputy, office, staff]) await p.context().close();
  expect(j.problems).toEqual([]);
});

journey('the QR journey: a signed-out citizen sees to whom the form goes, types, signs in and keeps the text', async (j) => {
  const target = (await api('GET', '/api/deputies?region=370303')).items[1];
  const page = await j.open('phone', 'qr');
  // What the deputy's code opens (the H5 link; on WeChat the mini-program code's scene lands on the same form).
  await page.goto(`${BASE}/app/#/pages/compose/index?deputy=${target.username}&name=${encodeURIComponent(target.name)}`);
  const addressee = top(page).locator('.addressee');
  await addressee.getByText(`${target.name} 代表`).waitFor();
  await expect(addressee.innerText()).resolves.toContain(target.levelLabel);
  await top(page).locator('input[name="title"]').fill('老年活动中心晚上没有灯');
  await top(page).locator('textarea').first().fill('社区老年活动中心门口的路灯坏了，晚上散步的老人看不清路。');
  await visit(page, 'qr-signed-out');
  await press(top(page), '登录后提交给代表');
  await top(page).getByText('您写的意见已替您保存').waitFor();
  await page.locator('.demo-input input').fill('citizen03');
  await press(page, '演示登录');
  // Back on the form, signed in, with what was typed.
  await top(page).locator('.addressee', { hasText: target.name }).waitFor();
  await until(async () => (await top(page).locator('input[name="title"]').inputValue()) === '老年活动中心晚上没有灯', 10_000);
  await expect(top(page).locator('textarea').first().inputValue()).resolves.toBe('社区老年活动中心门口的路灯坏了，晚上散步的老人看不清路。');
  await visit(page, 'qr-signed-in');
  await press(top(page), '提交给代表');
  await top(page).getByText('办理经过').waitFor();
  const id = Number(new URL(page.url().replace('#', '')).searchParams.get('id'));
  const token = (await api('POST', '/api/auth/dev', { username: 'citizen03' })).token;
  const stored = await api('GET', `/api/suggestions/${id}`, undefined, token);
  expect(stored).toMatchObject({ title: '老年活动中心晚上没有灯', state: 'received', addressedDeputy: { username: target.username } });
  // The kept text is gone once handed in: the form is empty next time.
  await page.goto(`${BASE}/app/#/pages/compose/index?deputy=${target.username}&name=${encodeURIComponent(target.name)}`);
  await top(page).locator('.addressee', { hasText: target.name }).waitFor();
  await expect(top(page).locator('input[name="title"]').inputValue()).resolves.toBe('');
  await page.context().close();
  expect(j.problems).toEqual([]);
});

journey('the tab bar: 办件 and 消息 carry the to-do and unread counts; 我的 turns on 长辈模式, which survives twice the system font', async (j) => {
  const office = await passwordToken('office');
  await api('POST', '/api/notices', { title: '关于参加代表培训的通知', body: '周三上午九点在市人大常委会机关报告厅。', audience: { users: ['deputy06'] } }, office);
  const page = await j.signIn('deputy06');
  await page.locator('.weui-tabbar__item', { hasText: '消息' }).locator('.weui-badge').waitFor();
  await expect(page.locator('.weui-tabbar__item', { hasText: '消息' }).locator('.weui-badge').innerText()).resolves.toMatch(/^\d+$/);
  await tab(page, '办件');
  await top(page).locator('.suggestion-list').waitFor();
  await visit(page, 'deputy-work');
  // Search by words: nothing found says what to do next.
  await top(page).locator('input[name="q"]').fill('没有这种词语的建议');
  await top(page).locator('.search .nut-button').click();
  await top(page).locator('taro-button-core', { hasText: /^\s*清空搜索\s*$/ }).waitFor();
  await visit(page, 'deputy-work-search-empty');
  await tab(page, '消息');
  await top(page).getByText('关于参加代表培训的通知').click();
  await top(page).getByText(/周三上午九点/).waitFor();
  await visit(page, 'deputy-messages');
  await tab(page, '我的');
  await top(page).getByText('长辈模式（大字）').waitFor();
  await visit(page, 'deputy-mine');
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.taro_page:not([style*="display: none"]) .line') as Element).fontSize));
  await top(page).locator('.setting-row', { hasText: '长辈模式' }).locator('.nut-switch').click();
  await until(async () => (await top(page).locator('.page.elder').count()) === 1, 5_000);
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.taro_page .page.elder .line') as Element).fontSize));
  expect(after).toBeGreaterThanOrEqual(before * 1.2);
  await visit(page, 'deputy-mine-elder', { sameUiAs: 'deputy-mine' });
  await tab(page, '首页');
  await top(page).locator('.page.elder .tile').first().waitFor();
  // Twice the system font: the root size doubles (as Android's font scale or a browser's minimum size does).
  await page.evaluate(() => {
    document.documentElement.style.fontSize = `${parseFloat(getComputedStyle(document.documentElement).fontSize) * 2}px`;
  });
  await settle(page);
  const tiles = await top(page).locator('.tile-name').evaluateAll((els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.4;
      return { text: el.textContent, lines: Math.round(box.height / lineHeight), right: box.right };
    }),
  );
  expect(tiles.length).toBeGreaterThan(3);
  for (const t of tiles) expect({ text: t.text, lines: t.lines, inside: t.right <= 391 }).toEqual({ text: t.text, lines: 1, inside: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
  await visit(page, 'deputy-home-elder-2x');
  await page.context().close();
  expect(j.problems).toEqual([]);
});

journey('a deputy replies to a meeting, checks in with its code, and answers a survey', async (j) => {
  const office = await passwordToken('office');
  const startsAt = new Date(Date.now() + 30 * 60_000).toISOString();
  const endsAt = new Date(Date.now() + 150 * 60_000).toISOString();
  const meeting = await api('POST', '/api/meetings', { kind: 'reception', title: '科苑街道联络站代表接待日', place: '科苑街道人大代表联络站', startsAt, endsAt, invitees: { users: ['deputy03'] } }, office);
  const code = (await api('GET', `/api/meetings/${meeting.id}`, undefined, office)).checkinCode;
  const closesAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const survey = await api(
    'POST',
    '/api/questionnaires',
    { kind: 'survey', title: '履职服务满意度调查', closesAt, audience: { users: ['deputy03'] }, questions: [{ id: 'q1', type: 'single', title: '最常用的履职渠道', options: ['小程序', '群聊', '联络站'], required: true }, { id: 'q2', type: 'rating', title: '总体评分' }] },
    office,
  );

  const deputy = await j.signIn('deputy03');
  await top(deputy).getByText('会议活动', { exact: true }).click();
  const card = top(deputy).locator('.card', { hasText: '科苑街道联络站代表接待日' });
  await press(card, '参加');
  await card.getByText(/我的回复：参加/).waitFor();
  await top(deputy).locator('input[name="code"]').fill(code);
  await press(top(deputy), '签到');
  await top(deputy).getByText('签到成功：科苑街道联络站代表接待日').waitFor();
  await card.getByText(/已签到/).waitFor();
  await visit(deputy, 'deputy-meetings');
  const attendance = (await api('GET', `/api/meetings/${meeting.id}`, undefined, office)).attendance;
  expect(attendance).toMatchObject({ invited: 1, checkedIn: 1 });

  await deputy.goto(`${BASE}/app/#/engage/surveys/index`);
  await top(deputy).getByText('履职服务满意度调查').click();
  await top(deputy).getByText('群聊', { exact: true }).click();
  await top(deputy).getByText('5 分', { exact: true }).click();
  await visit(deputy, 'deputy-survey');
  await press(top(deputy), '提交');
  await top(deputy).getByText('提交成功，谢谢！').waitFor();
  const results = await api('GET', `/api/questionnaires/${survey.id}/results`, undefined, office);
  expect(results.responded).toBe(1);
  await deputy.context().close();
  expect(j.problems).toEqual([]);
});

journey('a deputy writes with the routing proposal shown as they type, picks a co-signer by name, saves a draft, edits and submits it', async (j) => {
  const cosigner = (await api('GET', '/api/deputies?region=370303')).items.find((d: { username: string }) => d.username !== 'deputy05');
  const deputy = await j.signIn('deputy05');
  await top(deputy).getByText('写建议', { exact: true }).click();
  await top(deputy).locator('input[name="title"]').fill('关于增加幼儿园学位的建议');
  await top(deputy).locator('textarea').first().fill('新建小区周边没有公办幼儿园，孩子入园难。');
  await top(deputy).locator('.proposal', { hasText: '淄博市教育局' }).waitFor();
  await expect(top(deputy).locator('.proposal .why').innerText()).resolves.toMatch(/依据：.*幼儿园/);
  await top(deputy).locator('input[name="cosigner"]').fill(cosigner.name);
  await press(top(deputy).locator('.person', { hasText: cosigner.delegation }).filter({ hasText: cosigner.name }).first(), '选择');
  await top(deputy).locator('.picked', { hasText: cosigner.name }).waitFor();
  await visit(deputy, 'deputy-compose');
  await press(top(deputy), '保存草稿');
  await top(deputy).locator('.tag', { hasText: '草稿' }).waitFor();
  await press(top(deputy), '修改草稿');
  await until(async () => (await top(deputy).locator('input[name="title"]').inputValue()) === '关于增加幼儿园学位的建议', 10_000);
  await top(deputy).locator('.picked', { hasText: cosigner.name }).waitFor();
  await top(deputy).locator('input[name="title"]').fill('关于增加公办幼儿园学位的建议');
  await press(top(deputy), '提交建议');
  await top(deputy).locator('.tag', { hasText: '待审查' }).waitFor();
  await top(deputy).getByText('关于增加公办幼儿园学位的建议').waitFor();
  await top(deputy).locator('.timeline-item', { hasText: '修改' }).waitFor();
  await visit(deputy, 'deputy-submitted');
  const id = Number(new URL(deputy.url().replace('#', '')).searchParams.get('id'));
  const stored = await api('GET', `/api/suggestions/${id}`, undefined, (await api('POST', '/api/auth/dev', { username: 'deputy05' })).token);
  expect(stored.cosigning.map((c: { person: { username: string } }) => c.person.username)).toEqual([cosigner.username]);
  await deputy.context().close();
  expect(j.problems).toEqual([]);
});

journey('the office reads its dashboard, publishes a notice to a deputy picked by name and follows its read receipts', async (j) => {
  // A suggestion with a lead department of its own, so that the ranking by department has a row whatever else runs.
  const officeToken = await passwordToken('office');
  const mine = await api('POST', '/api/suggestions', { title: '关于增设社区便民菜市场的建议', body: '新建小区周边没有菜市场，居民买菜要走很远。', submit: true }, await demoToken('deputy07'));
  expect((await api('POST', `/api/suggestions/${mine.id}/accept`, {}, officeToken)).state).toBe('accepted');
  expect((await api('POST', `/api/suggestions/${mine.id}/assign`, { lead: 'commerce' }, officeToken)).state).toBe('assigned');
  const office = await j.signIn('office');
  await top(office).getByText('统计分析', { exact: true }).click();
  await top(office).getByText('按期答复率', { exact: true }).waitFor();
  await top(office).locator('.chart', { hasText: '按主办单位' }).locator('.bar-row').first().waitFor();
  await visit(office, 'office-dashboard');

  const name = (await api('GET', '/api/me', undefined, (await api('POST', '/api/auth/dev', { username: 'deputy04' })).token)).name;
  await office.goto(`${BASE}/app/#/office/publish/index`);
  await top(office).locator('input[name="title"]').fill('关于参加联络站接待日的通知');
  await top(office).locator('textarea').first().fill('请于周五上午到科苑街道联络站接待选民。');
  await top(office).locator('input[name="users"]').fill(name);
  await press(top(office).locator('.person', { hasText: name }).first(), '选择');
  // The form says how many people it reaches before sending.
  await top(office).locator('.audience-count', { hasText: '将发送给 1 人' }).waitFor();
  await visit(office, 'office-publish-form');
  await top(office).locator('.nut-button', { hasText: '发布通知' }).click();
  await confirmDialog(office);
  await top(office).getByText('已发布通知：关于参加联络站接待日的通知').waitFor();
  await press(top(office), '查看阅读情况');
  await top(office).getByText('已读 0 / 1').waitFor();
  await visit(office, 'office-publish');

  const deputy = await j.signIn('deputy04');
  await top(deputy).getByText('通知消息', { exact: true }).click();
  await top(deputy).getByText('关于参加联络站接待日的通知').click();
  await top(deputy).getByText(/请于周五上午/).waitFor();
  // Opening shows the text at once and marks it read in the background: the receipt exists once the tag is gone.
  await top(deputy).locator('.inbox-item', { hasText: '关于参加联络站接待日的通知' }).locator('.tag', { hasText: '未读' }).waitFor({ state: 'detached' });
  await press(top(office), '查看阅读情况');
  await top(office).getByText('已读 1 / 1').waitFor();
  for (const p of [office, deputy]) await p.context().close();
  expect(j.problems).toEqual([]);
});

journey('bad sign-in shows the server\'s Chinese message on the page', async (j) => {
  const page = await j.open('phone', 'bad');
  await page.goto(`${BASE}/app/`);
  await page.locator('input[name="username"]').first().fill('office');
  await page.locator('input[type="password"]').fill('wrong-password');
  await page.locator('.nut-button', { hasText: /^登录$/ }).click();
  await page.locator('.error').filter({ hasText: /密码/ }).waitFor();
  expect(page.url()).toContain('/pages/login/index');
  await page.context().close();
});

journey('the admin finds an account, deactivates it and reads that in the audit log', async (j) => {
  const admin = await j.signIn('admin');
  await top(admin).getByText('账号管理', { exact: true }).click();
  await top(admin).locator('input[name="q"]').fill('staff-water');
  await press(top(admin), '搜索');
  const card = top(admin).locator('.card', { hasText: '（staff-water）' });
  await press(card, '停用');
  await card.getByText('已停用', { exact: true }).first().waitFor();
  await card.getByText('恢复', { exact: true }).waitFor();
  await visit(admin, 'admin-users');
  await admin.goto(`${BASE}/app/#/admin/audit/index`);
  await top(admin).locator('.audit-row', { hasText: '停用账号' }).first().getByText(/状态：启用 → 停用/).waitFor();
  await visit(admin, 'admin-audit');
  await admin.context().close();
  expect(j.problems).toEqual([]);
});

// On a desktop every role's main pages render as a readable column, pass axe, and stay usable at 200 % zoom.
const tours: [string, string[]][] = [
  ['citizen02', ['/pages/index/index', '/pages/deputies/index', '/pages/me/index']],
  ['deputy01', ['/pages/work/index', '/pages/compose/index', '/engage/meetings/index']],
  ['staff-housing', ['/pages/index/index', '/pages/work/index']],
  ['office', ['/pages/index/index', '/office/dashboard/index', '/pages/suggestions/index?view=all']],
  ['admin', ['/pages/index/index', '/admin/departments/index']],
];
for (const [who, pages] of tours) {
  journey(`on a desktop ${who}'s main pages render as a readable column, pass axe, and stay usable at 200 % zoom`, async (j) => {
    const page = await j.signIn(who, 'desktop');
    for (const p of pages) {
      await page.goto(`${BASE}/app/#${p}`);
      await top(page).locator('.page').first().waitFor();
      const column = await top(page).locator('.page').first().evaluate((el) => el.getBoundingClientRect().width);
      expect(column).toBeLessThanOrEqual(481);
      await visit(page, `${who}${p.replace(/[/?=]+/g, '-').replace(/-index/g, '')}`);
    }
    expect(j.problems).toEqual([]);
  });
}
