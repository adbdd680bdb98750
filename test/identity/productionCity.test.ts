/**
 * A test city in production mode (NODE_ENV=production, a fresh database, no demo data, JWT_SECRET set): the
 * production seed creates no account; the first admin comes from the command line; stations, deputies and staff
 * are imported from files; a deputy is invited and signs in through the local jscode2session imitation with the
 * invitation, then without it, and is a deputy. Every misuse of an invitation, per-row import refusals, scope
 * between district offices, and bad input that changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { Op } from 'sequelize';
import pino from 'pino';
import { createApp } from '../../api/app';
import { bootCore } from '../../core/bootstrap';
import { loadConfig } from '../../core/config';
import type { CoreContext } from '../../core/context';
import { createAdmin } from '../../core/identity/createAdmin';
import { DeputyModel, RegionModel, StationModel, UserModel } from '../../models/definitions';
import { InvitationModel } from '../../models/identity';
import { AuditModel } from '../../models/audit';
import { npmRun, npmRunAsync } from '../helpers/cli';
import { databaseKinds, freshDatabaseUrl, TestClock } from '../helpers/db';
import { fakeWechat } from '../helpers/fakeWechat';

jest.setTimeout(120_000);

const SECRET = 'a-production-secret-for-this-test-only';
const PUBLIC_URL = 'https://lvzhi.example.cn';

/** A workbook with one sheet of `rows` under `header`, as bytes. */
async function xlsx(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(databaseKinds())('a production city on %s', (kind) => {
  let core: CoreContext;
  let clock: TestClock;
  let url: string;
  let dbUrl: string;
  let drop: () => Promise<void>;
  let server: Server;
  let wx: Awaited<ReturnType<typeof fakeWechat>>;
  let adminToken: string;
  let tmp: string;
  const env = () => ({ NODE_ENV: 'production', DATABASE_URL: dbUrl, JWT_SECRET: SECRET, DEMO_MODE: '' });

  const http = async (method: string, p: string, body?: unknown, token?: string, headers: Record<string, string> = {}) => {
    const isRaw = Buffer.isBuffer(body) || typeof body === 'string';
    const res = await fetch(`${url}${p}`, {
      method,
      headers: { ...(body !== undefined && !isRaw ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : isRaw ? (body as BodyInit) : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const login = async (username: string, password: string) => (await http('POST', '/api/auth/login', { username, password })).body.token as string;
  const invite = async (username: string, token = adminToken) => http('POST', `/api/users/${username}/invitation`, undefined, token);
  const wechat = (code: string, invitation?: string) => http('POST', '/api/auth/wechat', invitation === undefined ? { code } : { code, invitation });
  const counts = async () => ({ users: await UserModel.count(), deputies: await DeputyModel.count(), stations: await StationModel.count(), invitations: await InvitationModel.count() });

  // The command-line steps run before the API listens (npmRun blocks this process while the CLI works).
  let adminCli: ReturnType<typeof npmRun>;
  let staffCli: ReturnType<typeof npmRun>;
  beforeAll(async () => {
    wx = await fakeWechat();
    ({ url: dbUrl, drop } = await freshDatabaseUrl(kind));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-identity-'));
    // The production seed, as an operator runs it: regions and departments, and no account.
    const seeded = npmRun('seed', [], { env: env() });
    expect(seeded.stdout).toContain('没有创建任何账号');
    expect(seeded.status).toBe(0);
    adminCli = npmRun('admin:create', ['--username', 'admin', '--name', '管理员'], { env: env() });
    const staffFile = path.join(tmp, 'staff.csv');
    fs.writeFileSync(staffFile, ['姓名,承办单位,职务,手机号', '孙红霞,住房和城乡建设局,科员,13900000001', '马文斌,淄博市教育局,科长,13900000002', '朱春燕,不存在局,科员,13900000003'].join('\n'));
    staffCli = npmRun('users:import', [staffFile, '--kind', 'staff'], { env: env() });

    clock = new TestClock('2026-03-02T02:00:00Z');
    const config = loadConfig({ ...env(), WECHAT_API_BASE: wx.url, PUBLIC_URL, LOG_LEVEL: 'silent' });
    expect(config).toMatchObject({ production: true, demoMode: false });
    core = await bootCore(config, { clock, seedIfEmpty: true });
    const app = createApp(core, pino({ level: 'silent' }));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 300_000);
  afterAll(async () => {
    // Keep-alive connections of this process's own fetches would otherwise hold the server (and the worker) open.
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await core.db.close();
    await drop();
    await wx.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('the production seed and start-up create no account, even when asked to seed; the first admin comes from the command line', async () => {
    expect(await UserModel.count({ where: { role: { [Op.ne]: 'staff' } } })).toBe(1);
    expect(await RegionModel.count({ where: { level: 'district' } })).toBe(8);
    expect((await http('POST', '/api/auth/login', { username: 'office', password: 'lvzhi-demo' })).status).toBe(401);
    expect((await http('POST', '/api/auth/dev', { username: 'deputy01' })).status).toBe(403);

    expect(adminCli.status).toBe(0);
    const password = /初始密码：(\S+)/.exec(adminCli.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // The same code path the command line runs: a taken username is refused, an API caller cannot use it.
    const again = await createAdmin(core, { username: 'admin', name: '管理员', password: 'another-password-1' });
    expect(again).toMatchObject({ ok: false, kind: 'conflict', message: expect.stringContaining('已被使用') });
    const r = await http('POST', '/api/auth/login', { username: 'admin', password });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: 'admin', role: 'admin' });
    adminToken = r.body.token;
    expect((await http('POST', '/api/users', { name: '另一个管理员', role: 'admin' }, adminToken)).status).toBe(400);
    expect(await UserModel.count({ where: { role: 'admin' } })).toBe(1);
  });

  test("the chat bot's service account also comes from the command line, and can do only a bot's work", async () => {
    // Not blocking: this process's API keeps serving the connections it holds open meanwhile.
    const cli = await npmRunAsync('bot:account', ['--username', 'bot', '--name', '履职通机器人'], { env: env() });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('已创建机器人服务账号 bot');
    const password = /初始密码：(\S+)/.exec(cli.stdout)?.[1];
    const r = await http('POST', '/api/auth/login', { username: 'bot', password });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: 'bot', role: 'service' });
    expect((await http('GET', '/api/deliveries?transport=chat', undefined, r.body.token)).status).toBe(200);
    expect((await http('GET', '/api/stats/suggestions', undefined, r.body.token)).status).toBe(403);
    expect((await http('POST', '/api/users', { name: '机器人', role: 'service' }, adminToken)).status).toBe(400);
    const wrong = await npmRunAsync('bot:account', ['--username', 'bot2', '--name', '机器人', '--role', 'root'], { env: env() });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('账号类型只能是');
    // What is missing or mistyped is said in Chinese, with the usage.
    const noName = await npmRunAsync('admin:create', ['--username', 'chief'], { env: env() });
    expect(noName.status).toBe(2);
    expect(noName.stderr).toContain('缺少 --name（姓名）');
    const typo = await npmRunAsync('admin:create', ['--username', 'chief', '--nmae', '王主任'], { env: env() });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('不认识的参数或缺少取值：--nmae');
  });

  test('stations, deputies and staff are imported from files; a second import changes nothing', async () => {
    const stations = ['联络站名称,类型,所属区县,镇街,地址', '车站街道人大代表联络站,站,张店区,车站街道,车站街道便民服务中心', '般阳路街道代表联络点,点,淄川区,,般阳路 8 号', '无名站,站,,,'].join('\n');
    const st = await http('POST', '/api/users/import?kind=stations', stations, adminToken, { 'content-type': 'text/csv' });
    expect(st.status).toBe(200);
    expect(st.body).toMatchObject({ kind: 'stations', total: 3, created: 2, refused: 1, reasons: [{ reason: '所属区域为空', rows: [4] }] });
    const point = await StationModel.findOne({ where: { name: '般阳路街道代表联络点' } });
    expect(point?.kind).toBe('point');
    expect((await RegionModel.findByPk(point!.regionId))!.name).toBe('淄川区');
    const town = await StationModel.findOne({ where: { name: '车站街道人大代表联络站' } });
    expect((await RegionModel.findByPk(town!.regionId))!.name).toBe('车站街道');

    const header = ['姓名', '代表层级', '所属区县', '代表团', '联络站', '手机号', '单位', '职务', '性别', '出生年月'];
    const rows: (string | number)[][] = [
      ['王建国', '市人大代表', '张店区', '张店区代表团', '车站街道联络站', '13864331001', '淄博市第一中学', '校长', '男', '1972.05'],
      ['李秀英', '区县', '淄川区', '淄川区代表团', '般阳路街道代表联络点', '13864331002', '般阳社区', '主任', '女', ''],
      ['张志强', '全国人大代表', '', '淄博代表团', '', '13864331003', '齐鲁石化', '工程师', '男', '1968'],
      ['', '市', '张店区', '', '', '', '', '', '', ''],
      ['刘海燕', '部长', '张店区', '', '', '13864331005', '', '', '', ''],
      ['陈明', '市', '张店区', '', '不存在联络站', '13864331006', '', '', '', ''],
      ['王建国', '市', '张店区', '', '', '13864331001', '', '', '', ''],
      ['杨丽娟', '乡镇', '火星区', '', '', '13864331008', '', '', '', ''],
      ['赵德胜', '市', '张店区', '', '', '13864331009', '', '', '', ''],
    ];
    const file = await xlsx(header, rows);
    const before = await counts();
    const dep = await http('POST', '/api/users/import', file, adminToken, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(dep.status).toBe(200);
    expect(dep.body).toMatchObject({ kind: 'deputies', total: 9, created: 4, updated: 0, unchanged: 0, refused: 5 });
    const reasons = Object.fromEntries(dep.body.reasons.map((x: { reason: string; rows: number[] }) => [x.reason, x.rows]));
    expect(reasons).toEqual({
      姓名为空: [5],
      '代表层级“部长”看不懂（可写 全国、省、市、区县、乡镇）': [6],
      '联络站“不存在联络站”不在名录中（请先导入联络站）': [7],
      '与第 2 行是同一个人（重复）': [8],
      '区域“火星区”不在区域名录中': [9],
    });
    expect((await counts()).deputies).toBe(before.deputies + 4);
    const wang = await UserModel.findOne({ where: { name: '王建国' } });
    const wangDeputy = await DeputyModel.findOne({ where: { userId: wang!.id } });
    expect(wangDeputy).toMatchObject({ level: 'city', delegation: '张店区代表团', workUnit: '淄博市第一中学', post: '校长', birthYear: 1972, phone: '13864331001' });
    expect(wang!.username).toMatch(/^d\d+$/);
    expect(dep.body.newUsers.map((u: { name: string }) => u.name)).toEqual(['王建国', '李秀英', '张志强', '赵德胜']);
    const zhang = await UserModel.findOne({ where: { name: '张志强' } });
    expect((await RegionModel.findByPk(zhang!.regionId!))!.level).toBe('city');

    const again = await http('POST', '/api/users/import?format=xlsx', file, adminToken, { 'content-type': 'application/octet-stream' });
    expect(again.body).toMatchObject({ total: 9, created: 0, updated: 0, unchanged: 4, refused: 5 });
    const changed = rows.map((r) => [...r]);
    changed[0][7] = '副校长';
    const third = await http('POST', '/api/users/import?kind=deputies', await xlsx(header, changed), adminToken, { 'content-type': 'application/octet-stream' });
    expect(third.body).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    expect((await DeputyModel.findOne({ where: { userId: wang!.id } }))!.post).toBe('副校长');

    // Staff came through the command line (before the API started), with its progress bar and report.
    const cli = staffCli;
    expect(cli.status).toBe(0);
    expect(cli.stderr).toContain('导入 [');
    expect(cli.stdout).toContain('承办单位工作人员名单共 3 行：新建 2，更新 0，不变 0，拒收 1');
    expect(cli.stdout).toContain('单位“不存在局”不在承办单位名录中（第 4 行）');
    const sun = await UserModel.findOne({ where: { name: '孙红霞' } });
    expect(sun).toMatchObject({ role: 'staff', post: '科员', phone: '13900000001' });
    expect(sun!.username).toMatch(/^s\d+$/);
  });

  test('a deputy is invited, signs in with the invitation and then without it, and is a deputy', async () => {
    const wang = (await UserModel.findOne({ where: { name: '王建国' } }))!;
    const inv = await invite(wang.username);
    expect(inv.status).toBe(201);
    expect(inv.body.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(inv.body.url).toBe(`${PUBLIC_URL}/app/#/pages/login/index?invitation=${inv.body.code}`);
    expect(inv.body.qr).toMatch(/^data:image\/png;base64,/);
    expect(Date.parse(inv.body.expiresAt) - clock.now().getTime()).toBe(7 * 24 * 3600 * 1000);
    // The code is stored only hashed.
    const stored = await InvitationModel.findAll({ where: { userId: wang.id } });
    expect(stored.map((s) => s.codeHash)).not.toContain(inv.body.code);

    // Typed as a person types it: lower case, with a dash.
    const typed = `${inv.body.code.slice(0, 4).toLowerCase()}-${inv.body.code.slice(4)}`;
    const first = await wechat('wang', typed);
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ username: wang.username, role: 'deputy', deputy: { level: 'city', levelLabel: '市人大代表', station: { name: '车站街道人大代表联络站' } } });
    const later = await wechat('wang');
    expect(later.status).toBe(200);
    const me = await http('GET', '/api/me', undefined, later.body.token);
    expect(me.body).toMatchObject({ username: wang.username, role: 'deputy', name: '王建国' });
    expect(await UserModel.count({ where: { role: 'citizen' } })).toBe(0);
    // The audit log heard the invitation, the link and both sign-ins — and never holds the code.
    const audit = await AuditModel.findAll({ where: { objectType: 'user', objectId: String(wang.id) }, order: [['id', 'ASC']] });
    expect(audit.map((a) => a.action)).toEqual(['users.invite', 'users.link-wechat', 'signin', 'signin']);
    expect(audit.map((a) => `${a.before ?? ''}${a.after ?? ''}`).join()).not.toContain(inv.body.code);
    expect(JSON.parse(audit[1].after!)).toMatchObject({ wechatLinked: true, by: 'invitation' });

    // Used once: a second use is a 409, whoever tries.
    const reuse = await wechat('someone-else', inv.body.code);
    expect(reuse.status).toBe(409);
    expect(reuse.body.error.message).toContain('已经用过');
    expect(await UserModel.count({ where: { wechatOpenid: 'openid-someone-else' } })).toBe(0);
  });

  test('misuse: wrong, malformed, expired, superseded, deactivated, linked elsewhere, admin — each a Chinese 4xx', async () => {
    const li = (await UserModel.findOne({ where: { name: '李秀英' } }))!;
    const zhang = (await UserModel.findOne({ where: { name: '张志强' } }))!;
    const before = await counts();

    const wrong = await wechat('x1', '23456789');
    expect(wrong).toMatchObject({ status: 404, body: { error: { message: expect.stringContaining('邀请码不对') } } });
    const malformed = await wechat('x1', 'abc');
    expect(malformed).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('8 位') } } });
    // The invitation is checked before WeChat is asked: a wrong one is a 404 even with a bad wx.login code.
    expect((await wechat('bad-code', '23456789')).status).toBe(404);

    const old = (await invite(li.username)).body.code;
    const fresh = (await invite(li.username)).body.code;
    const superseded = await wechat('li', old);
    expect(superseded).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('作废') } } });

    clock.set('2026-03-09T02:00:01Z');
    const expired = await wechat('li', fresh);
    expect(expired).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('过期') } } });
    clock.set('2026-03-02T02:00:00Z');

    // The openid of 王建国 cannot be linked to 李秀英 as well.
    const elsewhere = await wechat('wang', fresh);
    expect(elsewhere).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('另一个账号') } } });

    const forZhang = (await invite(zhang.username)).body.code;
    await UserModel.update({ active: false }, { where: { id: zhang.id } });
    const deactivated = await wechat('zhang', forZhang);
    expect(deactivated).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('停用') } } });
    expect((await invite(zhang.username)).status).toBe(409);
    await UserModel.update({ active: true }, { where: { id: zhang.id } });

    expect(await invite('admin')).toMatchObject({ status: 403, body: { error: { message: expect.stringContaining('管理员') } } });
    expect((await invite('nobody')).status).toBe(404);
    expect((await http('POST', '/api/users/admin/invitation', { extra: 1 }, adminToken)).status).toBe(400);
    expect((await invite(li.username, 'not-a-token')).status).toBe(401);

    // Nothing refused linked anything or created anyone; only the issued invitations were stored.
    const after = await counts();
    expect({ ...after, invitations: 0 }).toEqual({ ...before, invitations: 0 });
    expect(after.invitations).toBe(before.invitations + 3);
    expect(await UserModel.count({ where: { wechatOpenid: ['openid-li', 'openid-x1', 'openid-zhang'] } })).toBe(0);
    expect((await UserModel.findByPk(li.id))!.wechatOpenid).toBeNull();
  });

  test('someone who tapped 微信一键登录 before the invitation came keeps that WeChat: the empty citizen account is closed', async () => {
    const early = await wechat('early');
    expect(early.body.user.role).toBe('citizen');
    const zhao = (await UserModel.findOne({ where: { name: '赵德胜' } }))!;
    const linked = await wechat('early', (await invite(zhao.username)).body.code);
    expect(linked.status).toBe(200);
    expect(linked.body.user).toMatchObject({ username: zhao.username, role: 'deputy' });
    expect((await wechat('early')).body.user.username).toBe(zhao.username);
    expect(await UserModel.findByPk(early.body.user.id)).toMatchObject({ active: false, wechatOpenid: null });
  });

  test('two uses of one code at once: one wins, the other is a 409', async () => {
    const li = (await UserModel.findOne({ where: { name: '李秀英' } }))!;
    const code = (await invite(li.username)).body.code;
    const results = await Promise.all([wechat('race-a', code), wechat('race-b', code)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const linked = (await UserModel.findByPk(li.id))!.wechatOpenid;
    expect(['openid-race-a', 'openid-race-b']).toContain(linked);
    expect(await UserModel.count({ where: { wechatOpenid: ['openid-race-a', 'openid-race-b'] } })).toBe(1);
  });

  test('staff and office link WeChat the same way and keep their password', async () => {
    const created = await http('POST', '/api/users', { username: 'office-zd', name: '张店区人大工作人员', role: 'office', region: '370303', password: 'zhangdian-office-1' }, adminToken);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'office-zd', role: 'office', region: { name: '张店区' }, wechatLinked: false });
    const code = (await invite('office-zd')).body.code;
    const signed = await wechat('office-zd-phone', code);
    expect(signed.body.user).toMatchObject({ username: 'office-zd', role: 'office' });
    expect((await http('POST', '/api/auth/login', { username: 'office-zd', password: 'zhangdian-office-1' })).status).toBe(200);
    expect((await wechat('office-zd-phone')).body.user.username).toBe('office-zd');
  });

  test('a district office creates, imports and invites only within its district', async () => {
    const office = await login('office-zd', 'zhangdian-office-1');
    const li = (await UserModel.findOne({ where: { name: '李秀英' } }))!; // 淄川区
    const wang = (await UserModel.findOne({ where: { name: '王建国' } }))!; // 张店区
    const before = await counts();

    const outside = await http('POST', '/api/users', { name: '周国庆', role: 'deputy', level: 'county', region: '淄川区' }, office);
    expect(outside).toMatchObject({ status: 403, body: { error: { message: expect.stringContaining('管辖范围') } } });
    expect((await invite(li.username, office)).status).toBe(404);
    expect((await http('POST', '/api/users', { name: '周国庆', role: 'deputy', level: 'county', station: '般阳路街道代表联络点' }, office)).status).toBe(403);
    const rows = ['姓名,代表层级,所属区县,手机号', '吴敏,区县,淄川区,13700000001', '徐立新,区县,张店区,13700000002'].join('\n');
    const imported = await http('POST', '/api/users/import?kind=deputies', rows, office, { 'content-type': 'text/csv' });
    expect(imported.body).toMatchObject({ created: 1, refused: 1, reasons: [{ reason: '不在你所在区域的管辖范围内', rows: [2] }] });
    expect((await UserModel.findOne({ where: { name: '徐立新' } }))!.regionId).toBe((await RegionModel.findOne({ where: { name: '张店区' } }))!.id);
    expect(await UserModel.count({ where: { name: '吴敏' } })).toBe(0);

    const inside = await http('POST', '/api/users', { name: '周国庆', role: 'deputy', level: 'county', delegation: '张店区代表团', phone: '13700000003' }, office);
    expect(inside.status).toBe(201);
    expect(inside.body).toMatchObject({ role: 'deputy', region: { name: '张店区' }, deputy: { level: 'county', delegation: '张店区代表团' } });
    expect((await invite(wang.username, office)).status).toBe(201);
    expect(await counts()).toMatchObject({ users: before.users + 2, deputies: before.deputies + 2 });

    // A deputy may not manage people at all.
    const deputy = (await wechat('wang')).body.token;
    expect((await invite(li.username, deputy)).status).toBe(403);
    expect((await http('POST', '/api/users', { name: '某人', role: 'citizen' }, deputy)).status).toBe(403);
  });

  test('bad input: a Chinese 4xx and nothing stored changes', async () => {
    const before = await counts();
    const cases: [unknown, RegExp][] = [
      [{}, /姓名/],
      [{ name: '某人', role: 'admin' }, /角色只能是/],
      [{ name: '某人', role: 'deputy' }, /代表层级/],
      [{ name: '某人', role: 'staff' }, /单位代码/],
      [{ name: '某人', role: 'deputy', level: 'city', region: '火星区' }, /火星区/],
      [{ name: '某人', role: 'staff', department: 'nope' }, /nope/],
      [{ name: '某人', role: 'citizen', password: 'long-enough-pass' }, /密码/],
      [{ name: '某人', role: 'citizen', username: '1abc' }, /用户名/],
      [{ name: '某人', role: 'citizen', phone: 'call me' }, /手机号/],
      [{ name: '某人', role: 'citizen', unknown: 1 }, /不认识的字段/],
    ];
    for (const [body, message] of cases) {
      const r = await http('POST', '/api/users', body, adminToken);
      expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), 400]);
      expect(r.body.error.message).toMatch(message);
    }
    const taken = await http('POST', '/api/users', { username: 'admin', name: '某人', role: 'citizen' }, adminToken);
    expect(taken).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('已被使用') } } });
    const twin = await http('POST', '/api/users', { name: '王建国', role: 'deputy', level: 'city', phone: '138-6433-1001' }, adminToken);
    expect(twin).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('同名同手机号') } } });

    expect((await http('POST', '/api/users/import', Buffer.from('not a workbook'), adminToken, { 'content-type': 'application/octet-stream' })).body.error.message).toContain('XLSX');
    expect((await http('POST', '/api/users/import', '姓名,代表层级\n', adminToken, { 'content-type': 'text/csv' })).body.error.message).toContain('没有数据行');
    expect((await http('POST', '/api/users/import', '甲,乙\n1,2\n', adminToken, { 'content-type': 'text/csv' })).body.error.message).toContain('看不出');
    expect((await http('POST', '/api/users/import?kind=deputies', '姓名,手机号\n某人,13800000000\n', adminToken, { 'content-type': 'text/csv' })).body.error.message).toContain('代表层级');
    expect((await http('POST', '/api/users/import?kind=robots', '姓名\n某人\n', adminToken, { 'content-type': 'text/csv' })).status).toBe(400);
    expect((await http('POST', '/api/users/import', { rows: [] }, adminToken)).status).toBe(415);
    expect(await counts()).toEqual(before);
  });
});
