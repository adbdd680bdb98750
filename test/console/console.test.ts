/**
 * The desktop console in Debian Chromium (playwright-core) against the real API on a fresh SQLite database whose
 * clock the test moves (so the dashboard has months of history and overdue work): the office's, the department
 * staff's and the admin's main journeys at 1366×800, the office's at 390×844 and at 200 % zoom. On every page it
 * visits: axe-core finds no serious or critical violation and, at 200 % zoom (683×400 CSS px), nothing scrolls
 * sideways and every control and heading is on the screen; at 390×844 no visible text is under 14 CSS px and
 * nothing overflows sideways. The dashboard's figures on screen are the API's, and its drill-down lists hold as
 * many rows. Screenshots go to test-output/console-screenshots. The office's sign-in goes through the form; the
 * other journeys start with their token in the tab's storage and run side by side (the department's after the
 * office's, whose batch confirm changes its task list).
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createApp } from '../../api/app';
import { consoleIsStale, serveConsole } from '../../api/consoleApp';
import { buildWhenStale } from '../../api/buildFreshness';
import { buildConsole, CONSOLE_DIST } from '../../console/build';
import { createApiClient, type ApiClient } from '../../contracts/client';
import { DEMO_PASSWORD } from '../../models/seed';
import { DEPUTY_LEVEL_LABELS } from '../../contracts/labels';
import { loadExcelJS } from '../../core/export/excel';
import { createTestCore, type TestCore } from '../helpers/db';
import { axeViolations, launchChromium, settle, smallText as smallTextOn, Timings, trackRequests, zoom200 } from '../app/browserKit';

const SHOTS = path.resolve(__dirname, '../../test-output/console-screenshots');
const CITY_LEVEL = DEPUTY_LEVEL_LABELS.city;
jest.setTimeout(600_000);

let t: TestCore;
let server: Server;
let base: string;
let browser: Browser;
const violations: string[] = [];
const audited: string[] = [];
const smallText: string[] = [];
const overflow: string[] = [];
let meetingId = 0;
let questionnaireId = 0;
const timings = new Timings();
/** Resolved when the office's journey is over (the department's journey reads what the office's batch confirm left). */
let officeDone: () => void;
const officeFinished = new Promise<void>((r) => (officeDone = r));

const clients = new Map<string, ApiClient>();
async function as(username: string): Promise<ApiClient> {
  if (!clients.has(username)) {
    const c = createApiClient({ baseUrl: base });
    if (/^(deputy|citizen)/.test(username)) await c.devLogin(username);
    else await c.login(username, DEMO_PASSWORD);
    clients.set(username, c);
  }
  return clients.get(username)!;
}

/**
 * One page checked once it is still (no request in flight, no animation running): a screenshot when `shotName`
 * is given, axe-core (serious and critical violations are collected with the page's name) and, for a desktop
 * page, the same page at 200 % zoom.
 */
async function audit(page: Page, name: string, shotName?: string, fullPage = false) {
  audited.push(name);
  await timings.time('page: wait until still', () => settle(page));
  if (shotName) await timings.time('page: screenshot', () => page.screenshot({ path: path.join(SHOTS, `${shotName}.png`), fullPage, animations: 'disabled' }));
  for (const v of await timings.time('page: axe', () => axeViolations(page, { tags: null }))) violations.push(`${name}: ${v}`);
  if (page.viewportSize()!.width >= 1024) for (const z of await timings.time('page: 200 % zoom', () => zoom200(page))) overflow.push(`${name} at 200 % zoom: ${z}`);
}

/** Visible text under 14 CSS px, and a page wider than the viewport (phone and zoomed checks). */
async function readable(page: Page, name: string) {
  await timings.time('page: wait until still', () => settle(page));
  smallText.push(...(await smallTextOn(page)).map((b) => `${name}: ${b}`));
  const wide = await page.evaluate(() => (document.documentElement.scrollWidth > window.innerWidth + 1 ? `${document.documentElement.scrollWidth}px` : null));
  if (wide) overflow.push(`${name}: page is ${wide} wide`);
}

/** A screenshot of the page once it is still. */
async function shot(page: Page, name: string, fullPage = false) {
  await timings.time('page: wait until still', () => settle(page));
  await timings.time('page: screenshot', () => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage, animations: 'disabled' }));
}

const contexts = new Map<number, Promise<BrowserContext>>();
/**
 * A page (a tab) in Beijing time and Chinese. Tabs of one pixel density share a browser context, as tabs of one
 * browser do: the console keeps each tab's sign-in in its sessionStorage, and the bundle is loaded and compiled
 * once per context instead of once per page.
 */
async function newPage(viewport = { width: 1366, height: 800 }, scale = 1): Promise<Page> {
  if (!contexts.has(scale)) contexts.set(scale, browser.newContext({ viewport, deviceScaleFactor: scale, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true }));
  const page = await (await contexts.get(scale)!).newPage();
  // A loaded machine (CI shares two cores between two jest workers) may take long for a real step: wait longer.
  page.setDefaultTimeout(60_000);
  await page.setViewportSize(viewport);
  trackRequests(page);
  return page;
}

/** A page signed in through the console's own sign-in form. */
async function signIn(username: string, viewport = { width: 1366, height: 800 }, scale = 1): Promise<Page> {
  return timings.time('sign-in through the form', async () => {
    const page = await newPage(viewport, scale);
    page.on('pageerror', (e) => process.stderr.write(`console page error (${username}): ${describeError(e)}\n`));
    await page.goto(`${base}/console/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('button', { name: /退\s*出/ }).waitFor();
    return page;
  });
}

/** A page of a returning user: the tab already holds `username`'s token, as after an earlier sign-in. */
async function signedIn(username: string, viewport = { width: 1366, height: 800 }, scale = 1): Promise<Page> {
  return timings.time('sign-in with a stored token', async () => {
    const page = await newPage(viewport, scale);
    page.on('pageerror', (e) => process.stderr.write(`console page error (${username}): ${describeError(e)}\n`));
    const { token } = await createApiClient({ baseUrl: base }).login(username, DEMO_PASSWORD);
    await page.addInitScript((t) => sessionStorage.setItem('lvzhi.console.token', t), token);
    await page.goto(`${base}/console/`);
    await page.getByRole('button', { name: /退\s*出/ }).waitFor();
    return page;
  });
}

/** What a page error says, also when the page threw something that is not an Error. */
function describeError(e: unknown): string {
  if (e instanceof Error) return e.stack ?? e.message;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

/**
 * Picks `option` in the antd Select labelled `label`, and checks the Select shows it: on a loaded machine a click can
 * land while the drop-down is still opening (or the drop-down closes under it), so it tries again — opening the
 * drop-down anew — rather than submit an empty field or wait out the step's whole timeout on a closed drop-down.
 */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await scope.getByLabel(label).click();
    const picked = await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
      .click({ timeout: 15_000 })
      .then(() => true, () => false);
    if (!picked) continue;
    const shown = await scope
      .locator('.ant-select-content-has-value, .ant-select-selection-item', { hasText: option })
      .waitFor({ timeout: 5_000 })
      .then(() => true, () => false);
    if (shown) return;
  }
  throw new Error(`${label} did not take ${option}`);
}

/** Waits for the success message of an action; fails at once with the field's own message if the form refused it. */
async function doneOrFieldError(page: Page, modal: Locator, success: string) {
  const fieldError = modal.locator('.ant-form-item-explain-error').first();
  await page.getByText(success).or(fieldError).first().waitFor();
  if (await fieldError.isVisible()) throw new Error(`the form refused: ${await fieldError.textContent()}`);
}

/** Goes to a console route and waits for its heading. */
async function open(page: Page, hash: string, heading: string | RegExp) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { name: heading }).first().waitFor();
}

/** The total a table's paging shows (共 N 件). */
async function tableTotal(page: Page): Promise<number> {
  const text = await page.locator('.ant-pagination-total-text').first().textContent({ timeout: 10_000 }).catch(() => null);
  if (text) return Number(/共 (\d+)/.exec(text)![1]);
  return page.locator('.ant-table-tbody tr.ant-table-row').count();
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const browserReady = timings.time('start Chromium', launchChromium);
  await timings.time('build the console when stale', () => buildWhenStale(CONSOLE_DIST, consoleIsStale, async () => void (await buildConsole())));
  const setupStart = performance.now();
  t = await createTestCore('sqlite');
  // The API runs in this jest worker: modules it loads on first use (exceljs for exports) are loaded now, since
  // jest refuses a require while no test is running, which happens between the end of one journey and another's.
  await loadExcelJS();
  const app = createApp(t.core, pino({ level: 'silent' }));
  serveConsole(app);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Months of history: suggestions from June to November, most assigned, some answered and rated, some overdue.
  const office = await as('office');
  const texts: [string, string, string][] = [
    ['关于老旧小区加装电梯的建议', '老旧小区没有电梯，老年人上下楼困难，建议简化审批、加大补助。', 'housing'],
    ['关于城区学校周边交通拥堵的建议', '上下学时段学校门口交通拥堵，建议增设临时停车位和交通协管员。', 'transport'],
    ['关于增加社区养老服务中心的建议', '社区老人多，日间照料中心少，建议增加养老服务设施。', 'civil'],
    ['关于加强农村饮水安全的建议', '部分村庄自来水水质不稳定，建议改造供水管网。', 'water'],
    ['关于规范校外培训机构的建议', '校外培训机构收费不透明，建议加强监管。', 'edu'],
    ['关于改善背街小巷路灯照明的建议', '背街小巷路灯损坏多，夜间出行不安全。', 'housing'],
  ];
  const months = ['2026-06-03', '2026-07-06', '2026-08-04', '2026-09-02', '2026-10-12', '2026-11-03'];
  let n = 0;
  for (const [mi, day] of months.entries()) {
    t.clock.set(day);
    for (let k = 0; k < 3 + (mi % 3); k++) {
      const [title, body, lead] = texts[(n + k) % texts.length];
      const deputy = await as(`deputy${String((n % 40) + 1).padStart(2, '0')}`);
      n += 1;
      const s = await deputy.createSuggestion({ title, body, submit: true });
      if (mi === months.length - 1 && k < 3) continue; // November's wait in the office's queue
      await office.act(s.id, 'accept');
      await office.act(s.id, 'assign', { lead });
      if (mi < 3 && k % 2 === 0) {
        const staff = await as(`staff-${lead}`);
        await staff.act(s.id, 'sign');
        await staff.act(s.id, 'consult', { method: 'phone', happenedOn: day, summary: '电话联系代表，了解情况。' });
        await staff.act(s.id, 'draft-answer', { answerClass: (['A', 'B', 'C'] as const)[k % 3], text: '已研究办理，具体如下。' });
        await staff.act(s.id, 'publish-answer', {});
        await deputy.act(s.id, 'rate', { rating: k === 0 ? 'satisfied' : 'basically_satisfied' });
      }
    }
  }
  t.clock.set('2026-11-30');
  // A meeting with a deputy asking for leave, and a survey three deputies answered.
  const m = await office.createMeeting({ kind: 'committee', title: '市人大常委会第二十次会议', agenda: '一、审议城市更新条例草案\n二、听取专项工作报告', place: '市人大常委会会议室', startsAt: '2026-12-08T01:00:00Z', endsAt: '2026-12-08T04:00:00Z', invitees: { levels: ['city'] } });
  meetingId = m.id;
  const invited = (await office.meeting(meetingId)) as unknown as { attendance: { people: { username: string }[] } };
  await (await as(invited.attendance.people[0].username)).rsvp(meetingId, { leave: '当天在外地参加培训' });
  await (await as(invited.attendance.people[1].username)).rsvp(meetingId, { attend: true });
  const q = await office.publishQuestionnaire({
    kind: 'survey',
    title: '代表履职服务满意度调查',
    audience: { all: true },
    closesAt: '2026-12-20T10:00:00Z',
    questions: [{ id: 'q1', type: 'single', title: '您对联络站接待安排是否满意？', options: ['满意', '基本满意', '不满意'], required: true }],
  });
  questionnaireId = q.id;
  for (const [i, d] of ['deputy01', 'deputy02', 'deputy03'].entries()) await (await as(d)).answer(questionnaireId, { q1: i === 2 ? 1 : 0 });
  timings.add('database, API and months of history', performance.now() - setupStart);

  browser = await browserReady;
});

afterAll(async () => {
  process.stdout.write(timings.report('console suite, time per phase (journeys overlap):'));
  await browser?.close();
  await new Promise((r) => server?.close(r));
  await t?.close();
});

test.concurrent('the office: dashboard figures and drill-down, search, batch confirm, urge, publish with the audience count, meeting, QR, survey, export', async () => {
  try {
    const office = await as('office');
    const page = await newPage();
    await page.goto(`${base}/console/`);
    await page.getByLabel('用户名').waitFor();
    await audit(page, 'sign-in', '01-sign-in');
    // A wrong password is said in Chinese on the form.
    await page.getByLabel('用户名').fill('office');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: '密码' }).waitFor();
    await page.close();

    const p = await signIn('office');
    await p.getByRole('heading', { name: '建议办理统计' }).waitFor();
    const stats = await office.stats();
    const kpi = async (title: string) => (await p.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content').textContent())?.trim().replace(/件$/, '');
    await p.locator('.ant-statistic').filter({ hasText: '超期未答复' }).locator('.ant-statistic-content-value').waitFor();
    expect(stats.overdue).toBeGreaterThan(0);
    expect(await kpi('建议总数')).toBe(String(stats.total));
    expect(await kpi('超期未答复')).toBe(String(stats.overdue));
    expect(await kpi('按期答复率')).toBe(`${stats.onTimeRate}%`);
    expect(stats.onTimeRate).toBeLessThan(100);
    await p.locator('canvas').first().waitFor();
    await audit(p, 'dashboard', '02-dashboard', true);

    // The department with the most overdue work: its overdue figure opens exactly that many rows.
    const worst = [...stats.byDepartment].sort((a, b) => b.overdue - a.overdue)[0];
    await p.locator('.ant-table-row').filter({ hasText: worst.name }).locator('a', { hasText: String(worst.overdue) }).last().click();
    await p.getByRole('heading', { name: '建议列表' }).waitFor();
    await p.locator('.ant-table-row').first().waitFor();
    expect(await tableTotal(p)).toBe(worst.overdue);
    expect(await p.locator('.ant-table-row .ant-tag-red').count()).toBe(worst.overdue);
    await audit(p, 'list (drill-down)', '03-list-overdue-drilldown');

    // Search by words, through the API's paging.
    await open(p, '/suggestions', '建议列表');
    await p.getByLabel('按字词搜索标题和内容').fill('电梯');
    await p.getByLabel('按字词搜索标题和内容').press('Enter');
    await p.waitForURL(/q=%E7%94%B5%E6%A2%AF/);
    const found = await office.listSuggestions({ q: '电梯' });
    // The unfiltered rows stay until the search's page arrives: wait for the table to show the found ones.
    await p.waitForFunction(
      ({ n, wanted }) => {
        const rows = Array.from(document.querySelectorAll('.ant-table-row td:nth-child(2)'), (td) => td.textContent ?? '');
        return rows.length === n && rows.every((x) => wanted.some((w) => x.includes(w)));
      },
      { n: Math.min(found.total, 20), wanted: found.items.map((s) => s.title) },
      { timeout: 15_000 },
    );
    const titles = await p.locator('.ant-table-row td:nth-child(2)').allTextContents();
    expect(titles.length).toBe(found.total);
    // The words may be in the title or the content: every row is one the API finds.
    expect(titles.every((x) => found.items.some((s) => x.includes(s.title)))).toBe(true);

    // Batch confirm of the routing proposals the model is sure of.
    const queue = (await office.listSuggestions({ queue: 'confirm' })).items;
    expect(queue.length).toBeGreaterThan(0);
    await open(p, '/confirm', '分办确认');
    await p.locator('.ant-table-row').first().waitFor();
    await expect(p.locator('.ant-table-row').first().textContent()).resolves.toMatch(/把握[高中低]/);
    await audit(p, 'confirm queue');
    await p.locator('.ant-table-thead .ant-checkbox-input').check();
    await p.getByRole('button', { name: `批量确认分办（${queue.length}）` }).click();
    await p.locator('.ant-modal-confirm-title', { hasText: `确认分办选中的 ${queue.length} 件建议？` }).waitFor();
    await shot(p, '04-batch-confirm');
    await p.locator('.ant-modal-confirm').getByRole('button', { name: '确认分办' }).click();
    await p.getByText(`已确认 ${queue.length} 件`).first().waitFor();
    expect((await office.listSuggestions({ queue: 'confirm' })).total).toBe(0);
    for (const s of queue) expect((await office.getSuggestion(s.id)).state).toBe('assigned');

    // An overdue suggestion's detail: timeline, and 催办 from the API's actions.
    const late = (await office.listSuggestions({ overdue: true })).items[0];
    await open(p, `/suggestions/${late.id}`, late.title);
    await p.getByText('办理过程').waitFor();
    await audit(p, 'detail');
    await p.getByRole('button', { name: '催办' }).click();
    await p.locator('.ant-modal').getByLabel('催办意见').fill('请抓紧办理，尽快答复代表。');
    await shot(p, '05-detail-urge');
    await p.locator('.ant-modal').getByRole('button', { name: '催办' }).click();
    await p.getByText('催办：已完成').waitFor();
    expect((await office.getSuggestion(late.id)).timeline.some((e) => e.action === 'urge')).toBe(true);

    // Publishing a notice: the form says how many will receive it before anything is sent.
    const everyone = (await office.audienceCount({ all: true })).count;
    const cityLevel = (await office.audienceCount({ levels: ['city'] })).count;
    await open(p, '/publish/notice', '发布');
    await p.getByLabel('标题').fill('关于参加代表履职培训的通知');
    await p.getByLabel('正文').fill('请各位代表于12月10日上午9点到市人大常委会会议室参加履职培训。');
    await p.getByText('全体代表').click();
    await p.getByText(`将发送给 ${everyone} 人`).waitFor();
    await p.getByText('按层级或区域选择').click();
    await p.getByRole('checkbox', { name: CITY_LEVEL }).check();
    await p.getByText(`将发送给 ${cityLevel} 人`).waitFor();
    await audit(p, 'publish notice', '06-publish-audience-count');
    await p.getByRole('button', { name: `发送（${cityLevel} 人）` }).click();
    await p.locator('.ant-modal-confirm-title', { hasText: `发送通知给 ${cityLevel} 人？` }).waitFor();
    await p.locator('.ant-modal-confirm').getByRole('button', { name: '确认发送' }).click();
    await p.getByText(`通知已发送给 ${cityLevel} 人`).waitFor();
    expect((await office.notices()).items[0]).toMatchObject({ title: '关于参加代表履职培训的通知', total: cityLevel });
    await open(p, '/publish/meeting', '发布');
    await audit(p, 'publish meeting');
    await open(p, '/publish/questionnaire', '发布');
    await audit(p, 'publish questionnaire');

    // The meeting: attendance, leave approval, the check-in QR to project.
    await open(p, '/meetings', '会议活动');
    await audit(p, 'meetings');
    await open(p, `/meetings/${meetingId}`, '市人大常委会第二十次会议');
    await p.getByText('当天在外地参加培训').waitFor();
    await p.getByRole('button', { name: '同意', exact: true }).click();
    await p.locator('.ant-modal-confirm').getByRole('button', { name: '同意请假' }).click();
    await p.getByText('已同意请假').first().waitFor();
    await p.locator('.ant-tag', { hasText: '已同意' }).waitFor();
    const qr = p.getByRole('img', { name: /签到二维码/ });
    await expect(qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).resolves.toBeGreaterThan(100);
    await audit(p, 'meeting', '07-meeting-attendance');
    const projector = await newPage();
    await projector.addInitScript((token) => sessionStorage.setItem('lvzhi.console.token', token), (await p.evaluate(() => sessionStorage.getItem('lvzhi.console.token')))!);
    await projector.goto(`${base}/console/#/meetings/${meetingId}/qr`);
    await projector.getByText(/已签到 0 \/ 应到 \d+/).waitFor();
    const code = (await office.meeting(meetingId)).checkinCode!;
    await projector.getByText(code).waitFor();
    await audit(projector, 'check-in QR', '08-checkin-qr');
    await projector.close();

    // Questionnaire results, and an export that says what it is doing.
    await open(p, '/questionnaires', '问卷结果');
    await audit(p, 'questionnaires');
    await open(p, `/questionnaires/${questionnaireId}`, '代表履职服务满意度调查');
    await p.getByText('回收率').waitFor();
    await p.getByRole('img', { name: /满意 2 人/ }).waitFor();
    await audit(p, 'questionnaire results', '09-questionnaire-results');
    const dl = p.waitForEvent('download');
    await p.getByRole('button', { name: '导出 Excel' }).click();
    expect((await dl).suggestedFilename()).toMatch(/\.xlsx$/);
    await p.getByText(/导出完成/).last().waitFor();

    await open(p, '/dashboard', '建议办理统计');
    await p.getByRole('button', { name: /导出/ }).click();
    const dl2 = p.waitForEvent('download');
    await p.getByRole('menuitem', { name: '导出 Excel（XLSX）' }).click();
    expect((await dl2).suggestedFilename()).toMatch(/\.xlsx$/);
    // An earlier export's notice may still be showing: wait for this one.
    await p.getByText(/导出完成/).last().waitFor();
    await p.close();
  } finally {
    officeDone();
  }
});

test.concurrent('department staff: tasks by deadline with working days left, sign, consult, answer', async () => {
  await officeFinished;
  const staff = await as('staff-housing');
  const p = await signedIn('staff-housing');
  await p.getByRole('heading', { name: '我的任务' }).waitFor();
  await p.locator('.ant-table-row').first().waitFor();
  const open_ = (await staff.listSuggestions({ state: 'assigned' })).total + (await staff.listSuggestions({ state: 'handling' })).total;
  expect(await p.locator('.ant-table-row').count()).toBe(Math.min(open_, 20));
  await expect(p.locator('.ant-table-row').first().textContent()).resolves.toMatch(/已超期|剩 \d+ 个工作日/);
  await audit(p, 'tasks', '10-staff-tasks');

  const task = (await staff.listSuggestions({ state: 'assigned', sort: 'deadline' })).items.find((s) => !s.deadlines.overdue) ?? (await staff.listSuggestions({ state: 'assigned' })).items[0];
  // Titles repeat (two deputies may write the same title): open the row by its number.
  await p.locator('.ant-table-row', { hasText: task.number }).locator('a').first().click();
  await p.getByRole('heading', { name: task.title }).waitFor();
  await p.getByRole('button', { name: '签收' }).click();
  await p.locator('.ant-modal').getByText('确定签收吗？', { exact: false }).waitFor();
  await p.locator('.ant-modal').getByRole('button', { name: '确认签收' }).click();
  await p.getByText('签收：已完成').waitFor();
  await p.getByRole('button', { name: '面商' }).click();
  const modal = p.locator('.ant-modal');
  await choose(p, modal, '面商方式', '电话');
  await modal.getByLabel(/面商情况/).fill('电话联系代表，介绍了办理思路。');
  await modal.getByRole('button', { name: '面商' }).click();
  await doneOrFieldError(p, modal, '面商：已完成');
  await p.getByRole('button', { name: '保存答复草稿' }).click();
  await modal.getByText('B 正在解决或列入计划').click();
  await modal.getByLabel('答复内容').fill('已将该项目列入明年计划，资金已落实。');
  await modal.getByRole('button', { name: '保存答复草稿' }).click();
  await p.getByText('保存答复草稿：已完成').waitFor();
  await p.getByRole('button', { name: '正式答复' }).click();
  await modal.getByText('不能撤回', { exact: false }).waitFor();
  await modal.getByRole('button', { name: '确认正式答复' }).click();
  await p.getByText('正式答复：已完成').waitFor();
  expect((await staff.getSuggestion(task.id)).state).toBe('answered');
  await audit(p, 'staff detail', '11-staff-answered');
  await p.close();
});

test.concurrent('the admin: users (deactivate with confirmation), departments, regions, stations, audit log', async () => {
  const p = await signedIn('admin');
  await p.getByRole('heading', { name: '建议办理统计' }).waitFor();
  await open(p, '/admin/users', '系统管理');
  await p.getByLabel('搜索姓名或用户名').fill('citizen10');
  await p.getByLabel('搜索姓名或用户名').press('Enter');
  await p.locator('.ant-table-row', { hasText: 'citizen10' }).waitFor();
  await p.locator('.ant-table-row', { hasText: 'citizen10' }).getByRole('button', { name: '停用' }).click();
  await p.locator('.ant-modal-confirm-content', { hasText: '停用后此人不能再登录' }).waitFor();
  await p.locator('.ant-modal-confirm').getByRole('button', { name: '停用' }).click();
  await p.locator('.ant-table-row', { hasText: 'citizen10' }).getByText('已停用').waitFor();
  await audit(p, 'admin users');
  for (const [tab, heading] of [['departments', '承办单位'], ['regions', '区域'], ['stations', '联络站']]) {
    await open(p, `/admin/${tab}`, '系统管理');
    await p.getByRole('tab', { name: heading, selected: true }).waitFor();
    await p.locator('.ant-table-row').first().waitFor();
    await audit(p, `admin ${tab}`);
  }
  await open(p, '/admin/audit', '系统管理');
  await p.locator('.ant-table-row').first().waitFor();
  await p.locator('.ant-table-row', { hasText: '系统管理员' }).first().waitFor();
  await audit(p, 'admin audit', '12-admin-audit');
  await open(p, '/dashboard', '建议办理统计');
  await p.close();
});

test.concurrent('on a phone (390×844) and at 200 % zoom the office can still work: readable text, nothing wider than the screen', async () => {
  const phone = await signedIn('office', { width: 390, height: 844 }, 2);
  await phone.getByRole('heading', { name: '建议办理统计' }).waitFor();
  await phone.locator('canvas').first().waitFor();
  await readable(phone, 'phone dashboard');
  await audit(phone, 'phone dashboard', '13-phone-dashboard');
  await phone.getByRole('button', { name: /菜\s*单/ }).click();
  await phone.locator('.ant-drawer').getByRole('link', { name: '建议列表' }).click();
  await phone.getByRole('heading', { name: '建议列表' }).waitFor();
  await phone.locator('.ant-table-row').first().waitFor();
  await readable(phone, 'phone list');
  await audit(phone, 'phone list', '14-phone-list');
  const first = phone.locator('.ant-table-row a').first();
  const title = (await first.textContent())!;
  await first.click();
  await phone.getByRole('heading', { name: title }).waitFor();
  await readable(phone, 'phone detail');
  await audit(phone, 'phone detail');
  for (const [hash, heading] of [['/confirm', '分办确认'], ['/publish/notice', '发布'], [`/meetings/${meetingId}`, '市人大常委会第二十次会议'], [`/questionnaires/${questionnaireId}`, '代表履职服务满意度调查']]) {
    await open(phone, hash, heading);
    await readable(phone, `phone ${hash}`);
  }
  await phone.close();

  // 200 % zoom of a 1366×800 screen is a 683×400 CSS viewport at twice the pixels.
  const zoomed = await signedIn('office', { width: 683, height: 400 }, 2);
  await zoomed.getByRole('heading', { name: '建议办理统计' }).waitFor();
  await readable(zoomed, 'zoom dashboard');
  await zoomed.getByRole('button', { name: /菜\s*单/ }).click();
  await zoomed.locator('.ant-drawer').getByRole('link', { name: '分办确认' }).click();
  await zoomed.getByRole('heading', { name: '分办确认' }).waitFor();
  await readable(zoomed, 'zoom confirm');
  await open(zoomed, '/suggestions', '建议列表');
  await zoomed.locator('.ant-table-row').first().waitFor();
  await readable(zoomed, 'zoom list');
  await audit(zoomed, 'zoom list', '15-zoom-200-list');
  await zoomed.close();

  expect(smallText).toEqual([]);
  expect(overflow).toEqual([]);
});

test('axe-core: no serious or critical violation on any page visited', () => {
  expect(audited.length).toBeGreaterThanOrEqual(24);
  expect(violations).toEqual([]);
});
