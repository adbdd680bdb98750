/**
 * The mini-program's H5 build in Debian Chromium (playwright-core) against `npm start` on a temporary SQLite
 * database: a citizen hands an opinion to a deputy → the deputy forwards it as a suggestion → the office accepts
 * and confirms the routing → the department signs, consults and answers → the deputy rates → the citizen sees the
 * answer; a meeting RSVP and check-in; a survey answered; the admin deactivates an account and reads that in
 * the audit log. Screenshots of each role's main page are saved under test-output/screenshots.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { until } from '../helpers/jobs';

const ROOT = path.resolve(__dirname, '../..');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const SHOTS = path.join(ROOT, 'test-output/screenshots');
const PORT = 3400 + (process.pid % 500);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

jest.setTimeout(240_000);

let server: ChildProcess;
let browser: Browser;
let dir: string;

async function api(method: string, p: string, body?: unknown, token?: string) {
  const res = await fetch(`${BASE}${p}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

/** A fresh browser page signed in as `username` (password sign-in for staff and office, demo sign-in otherwise). */
async function signIn(username: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => process.stderr.write(`page error (${username}): ${e.message}\n`));
  await page.goto(`${BASE}/app/`);
  await page.getByText('演示体验').waitFor();
  if (/^(deputy|citizen)/.test(username)) {
    await page.locator('.demo-input input').fill(username);
    await page.getByText('演示登录', { exact: true }).click();
  } else {
    await page.locator('input[name="username"]').first().fill(username);
    await page.locator('input[type="password"]').fill('lvzhi-demo');
    await page.getByText('登录', { exact: true }).click();
  }
  await page.getByText('退出登录').waitFor();
  return page;
}

/** The page on top of Taro's page stack (earlier pages stay in the DOM, hidden). */
const top = (page: Page) => page.locator('.taro_page:visible');

/** Saves a screenshot once the page transition has settled. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Taps one of the detail page's action buttons (the buttons the API's `actions` produced). */
async function tapAction(page: Page, label: string) {
  await top(page).locator('.actions').getByText(label, { exact: true }).click();
}

/** Submits the open action form with its own button, and waits until it is done (the form closes). */
async function submitForm(page: Page, label: string) {
  await top(page).locator('.action-form').getByText(label, { exact: true }).last().click();
  await top(page).locator('.action-form').waitFor({ state: 'detached' });
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-h5-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `sqlite:${dir}/app.sqlite`, PORT: String(PORT), JOBS: 'off', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await until(async () => {
    try {
      return (await fetch(`${BASE}/app/`)).status === 200;
    } catch {
      return false;
    }
  }, 180_000);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an opinion goes from a citizen to a deputy, through the office and a department, and comes back answered', async () => {
  // The citizen finds a deputy of 张店区 and writes to them.
  const citizen = await signIn('citizen01');
  await shot(citizen, 'citizen-home');
  await top(citizen).getByText('找代表', { exact: true }).click();
  await top(citizen).getByText('张店区', { exact: true }).click();
  const zhangdian = (await api('GET', '/api/deputies?region=370303')).items[0];
  const firstDeputy = top(citizen).locator('.card', { hasText: zhangdian.name }).filter({ hasText: '写给TA' });
  await firstDeputy.getByText('二维码').click();
  await firstDeputy.locator('.qr img, img.qr, .qr').first().waitFor();
  await shot(citizen, 'citizen-find-deputy');
  await firstDeputy.getByText('写给TA').click();
  await top(citizen).locator('input[name="title"]').fill('小区门口公交站台被占用');
  await top(citizen).locator('textarea').first().fill('公交站台长期被车辆占用，乘客只能站在马路上等公交车，很危险。');
  await top(citizen).locator('input[name="place"]').fill('张店区科苑街道');
  const chooser = citizen.waitForEvent('filechooser');
  await top(citizen).getByText('＋ 添加照片').click();
  await (await chooser).setFiles({ name: 'bus-stop.png', mimeType: 'image/png', buffer: PNG });
  await top(citizen).locator('.photos img').first().waitFor();
  await top(citizen).getByText('提交给代表').click();
  await top(citizen).getByText('办理经过').waitFor();
  // The photo came through: the detail page loads it from its signed link.
  const photo = top(citizen).locator('.photos img').first();
  await photo.waitFor();
  await until(async () => (await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)) === 1, 10_000);
  const id = Number(new URL(citizen.url().replace('#', '')).searchParams.get('id'));
  expect(id).toBeGreaterThan(0);

  // The deputy forwards it as a suggestion.
  const deputyUser = zhangdian.username;
  const deputy = await signIn(deputyUser);
  await shot(deputy, 'deputy-home');
  await top(deputy).getByText('群众来信', { exact: true }).click();
  await top(deputy).getByText('小区门口公交站台被占用').click();
  await tapAction(deputy, '转为建议');
  await submitForm(deputy, '转为建议');
  await top(deputy).locator('.tag', { hasText: '待审查' }).waitFor();

  // The office accepts it and confirms (or picks) the routing; the proposal shows its deciding words.
  const office = await signIn('office');
  await shot(office, 'office-home');
  await top(office).getByText('待分办', { exact: true }).click();
  await top(office).getByText('小区门口公交站台被占用').first().waitFor();
  await shot(office, 'office-queue');
  await top(office).getByText('小区门口公交站台被占用').first().click();
  await expect(office.locator('.routing .why').first().innerText()).resolves.toMatch(/依据：.+/);
  await tapAction(office, '立案');
  await top(office).locator('.tag', { hasText: '已立案待交办' }).waitFor();
  const detail = await api('GET', `/api/suggestions/${id}`, undefined, (await api('POST', '/api/auth/login', { username: 'office', password: 'lvzhi-demo' })).token);
  if (detail.actions.includes('confirm')) {
    await tapAction(office, '确认分办');
  } else {
    await tapAction(office, '交办');
    await submitForm(office, '交办');
  }
  await top(office).locator('.tag', { hasText: '已交办待签收' }).waitFor();
  await shot(office, 'office-suggestion');

  // The lead department signs, records a consultation, drafts, previews and publishes its answer.
  const officeToken = (await api('POST', '/api/auth/login', { username: 'office', password: 'lvzhi-demo' })).token;
  const lead = (await api('GET', `/api/suggestions/${id}`, undefined, officeToken)).lead.code;
  const staff = await signIn(`staff-${lead}`);
  await top(staff).getByText('待办任务', { exact: true }).click();
  await top(staff).getByText('小区门口公交站台被占用').first().waitFor();
  await expect(staff.locator('.suggestion-row', { hasText: '小区门口公交站台被占用' }).innerText()).resolves.toMatch(/还剩 \d+ 个工作日/);
  await shot(staff, 'staff-tasks');
  await top(staff).getByText('小区门口公交站台被占用').first().click();
  await tapAction(staff, '签收');
  await top(staff).locator('.tag', { hasText: '办理中' }).waitFor();
  await tapAction(staff, '面商');
  await top(staff).locator('.action-form textarea').fill('电话联系代表，说明将在站台旁加装隔离桩。');
  await submitForm(staff, '面商');
  await top(staff).getByText('已面商').or(staff.locator('.timeline-item', { hasText: '面商' })).first().waitFor();
  await tapAction(staff, '保存答复草稿');
  await top(staff).locator('.action-form').getByText('已解决或采纳').click();
  await top(staff).locator('.action-form textarea').fill('已在站台两侧加装隔离桩，并安排交警定期巡查，占用问题已解决。');
  await submitForm(staff, '保存答复草稿');
  await tapAction(staff, '正式答复');
  await top(staff).locator('.preview', { hasText: '已在站台两侧加装隔离桩' }).waitFor();
  await submitForm(staff, '正式答复');
  await top(staff).locator('.tag', { hasText: '已答复待测评' }).waitFor();
  await shot(staff, 'staff-answered');

  // The deputy rates the answer.
  await deputy.goto(`${BASE}/app/#/pages/suggestion/index?id=${id}`);
  await top(deputy).locator('.answer', { hasText: '已在站台两侧加装隔离桩' }).waitFor();
  await tapAction(deputy, '测评');
  await top(deputy).locator('.action-form').getByText('满意', { exact: true }).click();
  await submitForm(deputy, '测评');
  await top(deputy).locator('.tag', { hasText: '已办结' }).waitFor();

  // The citizen sees the answer among their items.
  await citizen.goto(`${BASE}/app/#/pages/index/index`);
  await top(citizen).getByText('我的意见', { exact: true }).click();
  await top(citizen).getByText('小区门口公交站台被占用').first().click();
  await top(citizen).locator('.answer', { hasText: '已在站台两侧加装隔离桩' }).waitFor();
  await shot(citizen, 'citizen-answer');
  const final = await api('GET', `/api/suggestions/${id}`, undefined, officeToken);
  expect(final.state).toBe('closed');
  expect(final.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['forward', 'accept', 'sign', 'consult', 'publish-answer', 'rate']));
});

test('a deputy replies to a meeting, checks in with its code, and answers a survey', async () => {
  const office = (await api('POST', '/api/auth/login', { username: 'office', password: 'lvzhi-demo' })).token;
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

  const deputy = await signIn('deputy03');
  await top(deputy).getByText('会议活动', { exact: true }).click();
  const card = top(deputy).locator('.card', { hasText: '科苑街道联络站代表接待日' });
  await card.getByText('参加', { exact: true }).click();
  await card.getByText(/我的回复：参加/).waitFor();
  await top(deputy).locator('input[name="code"]').fill(code);
  await top(deputy).getByText('签到', { exact: true }).click();
  await top(deputy).getByText('签到成功：科苑街道联络站代表接待日').waitFor();
  await card.getByText(/已签到/).waitFor();
  await shot(deputy, 'deputy-meetings');
  const attendance = (await api('GET', `/api/meetings/${meeting.id}`, undefined, office)).attendance;
  expect(attendance).toMatchObject({ invited: 1, checkedIn: 1 });

  await deputy.goto(`${BASE}/app/#/engage/surveys/index`);
  await top(deputy).getByText('履职服务满意度调查').click();
  await top(deputy).getByText('群聊', { exact: true }).click();
  await top(deputy).getByText('5 分', { exact: true }).click();
  await top(deputy).getByText('提交', { exact: true }).click();
  await top(deputy).getByText('提交成功，谢谢！').waitFor();
  await shot(deputy, 'deputy-survey');
  const results = await api('GET', `/api/questionnaires/${survey.id}/results`, undefined, office);
  expect(results.responded).toBe(1);
});

test('a deputy writes with the routing proposal shown as they type, saves a draft, edits it and submits it', async () => {
  const deputy = await signIn('deputy05');
  await top(deputy).getByText('写建议', { exact: true }).click();
  await top(deputy).locator('input[name="title"]').fill('关于增加幼儿园学位的建议');
  await top(deputy).locator('textarea').first().fill('新建小区周边没有公办幼儿园，孩子入园难。');
  await top(deputy).locator('.proposal', { hasText: '淄博市教育局' }).waitFor();
  await expect(top(deputy).locator('.proposal .why').innerText()).resolves.toMatch(/依据：.*幼儿园/);
  await shot(deputy, 'deputy-compose');
  await top(deputy).getByText('保存草稿', { exact: true }).click();
  await top(deputy).locator('.tag', { hasText: '草稿' }).waitFor();
  await top(deputy).getByText('修改草稿', { exact: true }).click();
  await until(async () => (await top(deputy).locator('input[name="title"]').inputValue()) === '关于增加幼儿园学位的建议', 10_000);
  await top(deputy).locator('input[name="title"]').fill('关于增加公办幼儿园学位的建议');
  await top(deputy).getByText('提交建议', { exact: true }).click();
  await top(deputy).locator('.tag', { hasText: '待审查' }).waitFor();
  await top(deputy).getByText('关于增加公办幼儿园学位的建议').waitFor();
  await top(deputy).locator('.timeline-item', { hasText: '修改' }).waitFor();
});

test('the office reads its dashboard, publishes a notice and follows its read receipts', async () => {
  const office = await signIn('office');
  await top(office).getByText('统计分析', { exact: true }).click();
  await top(office).getByText('按期答复率', { exact: true }).waitFor();
  await top(office).locator('.chart', { hasText: '按主办单位' }).locator('.bar-row').first().waitFor();
  await expect(top(office).locator('.chart', { hasText: '测评结果' }).innerText()).resolves.toMatch(/满意\s*1 件 100%/);
  await shot(office, 'office-dashboard');

  await office.goto(`${BASE}/app/#/office/publish/index`);
  await top(office).locator('input[name="title"]').fill('关于参加联络站接待日的通知');
  await top(office).locator('textarea').first().fill('请于周五上午到科苑街道联络站接待选民。');
  await top(office).locator('input[name="users"]').fill('deputy04');
  await top(office).getByText('发布通知', { exact: true }).click();
  await top(office).getByText('已发布通知：关于参加联络站接待日的通知').waitFor();
  await top(office).getByText('查看阅读情况').click();
  await top(office).getByText('已读 0 / 1').waitFor();
  await top(office).getByText('通知 · 关于参加联络站接待日的通知 · 已读 0/1').waitFor();
  await shot(office, 'office-publish');

  const deputy = await signIn('deputy04');
  await top(deputy).getByText('通知消息', { exact: true }).click();
  await top(deputy).getByText('关于参加联络站接待日的通知').click();
  await top(deputy).getByText(/请于周五上午/).waitFor();
  await top(office).getByText('查看阅读情况').click();
  await top(office).getByText('已读 1 / 1').waitFor();
});

test('bad sign-in shows the server\'s Chinese message on the page', async () => {
  const page = await browser.newPage();
  await page.goto(`${BASE}/app/`);
  await page.locator('input[name="username"]').first().fill('office');
  await page.locator('input[type="password"]').fill('wrong-password');
  await page.getByText('登录', { exact: true }).click();
  await page.locator('.error').filter({ hasText: /密码/ }).waitFor();
  expect(page.url()).toContain('/pages/login/index');
});

test('the admin finds an account, deactivates it and reads that in the audit log', async () => {
  const admin = await signIn('admin');
  await top(admin).getByText('账号管理', { exact: true }).click();
  await top(admin).locator('input[name="q"]').fill('staff-water');
  await top(admin).getByText('搜索', { exact: true }).click();
  const card = top(admin).locator('.card', { hasText: '（staff-water）' });
  await card.getByText('停用', { exact: true }).click();
  await card.getByText('已停用', { exact: true }).first().waitFor();
  await card.getByText('恢复', { exact: true }).waitFor();
  await shot(admin, 'admin-users');
  await admin.goto(`${BASE}/app/#/admin/audit/index`);
  await top(admin).locator('.audit-row', { hasText: '停用账号' }).first().getByText(/active：true → false/).waitFor();
  await shot(admin, 'admin-audit');
});
