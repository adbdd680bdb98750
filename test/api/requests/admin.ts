/**
 * The admin API as a table (role × action → status), office scoping (own district vs another district), the
 * audit rows every change writes, the last-admin guard, deactivation, and bad input that changes nothing.
 */
import { Op } from 'sequelize';
import { AuditModel } from '../../../models/audit';
import { loadDepartments } from '../../../core/routing/departmentModel';
import { DepartmentModel, RegionModel, StationModel, UserModel } from '../../../models/definitions';
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';

type Call = [method: string, path: string, body?: unknown];
const ACTORS = ['admin', 'office', 'office-zhangdian', 'office-linzi', 'staff-housing', 'deputy01', 'citizen01'] as const;
type Who = (typeof ACTORS)[number];

describe.each(databaseKinds())('admin API on %s', (kind) => {
  let api: TestApi;
  let stationId: number;
  const call = async (who: string, [method, path, body]: Call) => api.http(method, path, body, await api.token(who));
  const snapshot = async () =>
    JSON.stringify([
      await RegionModel.findAll({ order: [['id', 'ASC']], raw: true }),
      await StationModel.findAll({ order: [['id', 'ASC']], raw: true }),
      await UserModel.findAll({ order: [['id', 'ASC']], raw: true }),
      await DepartmentModel.findAll({ order: [['id', 'ASC']], raw: true }),
      await AuditModel.count({ where: { action: { [Op.notIn]: ['signin', 'signin.failed'] } } }),
    ]);

  beforeAll(async () => {
    api = await startTestApi(kind);
    const town = (await RegionModel.findOne({ where: { code: '370303001' } }))!;
    stationId = (await StationModel.findOne({ where: { regionId: town.id } }))!.id;
  });
  afterAll(() => api.close());

  // Each row: what is called (a function of the actor, so each actor creates its own names) and the status
  // expected per actor. 张店区 (370303) is office-zhangdian's own district; office-linzi is another district's.
  const TABLE: { name: string; call: (who: Who, i: number) => Call; expect: Record<Who, number> }[] = [
    {
      name: 'create a town in 张店区',
      call: (_w, i) => ['POST', '/api/regions', { code: `37030399${i}`, name: `测试街道${i}`, parent: '370303' }],
      expect: { admin: 201, office: 201, 'office-zhangdian': 201, 'office-linzi': 403, 'staff-housing': 403, deputy01: 403, citizen01: 403 },
    },
    {
      name: 'rename a town of 张店区',
      call: (_w, i) => ['PATCH', '/api/regions/370303002', { name: `公园街道${i}` }],
      expect: { admin: 200, office: 200, 'office-zhangdian': 200, 'office-linzi': 403, 'staff-housing': 403, deputy01: 403, citizen01: 403 },
    },
    {
      name: 'rename the district 张店区 itself',
      call: (_w, i) => ['PATCH', '/api/regions/370303', { name: `张店区${i}` }],
      expect: { admin: 200, office: 200, 'office-zhangdian': 403, 'office-linzi': 403, 'staff-housing': 403, deputy01: 403, citizen01: 403 },
    },
    {
      name: 'create a station in a town of 张店区',
      call: (_w, i) => ['POST', '/api/stations', { name: `测试联络点${i}`, kind: 'point', region: '370303001', address: `测试路${i}号` }],
      expect: { admin: 201, office: 201, 'office-zhangdian': 201, 'office-linzi': 403, 'staff-housing': 403, deputy01: 403, citizen01: 403 },
    },
    {
      name: 'edit a station of 张店区',
      call: (_w, i) => ['PATCH', `/api/stations/${stationId}`, { address: `车站街道便民服务中心${i}楼` }],
      expect: { admin: 200, office: 200, 'office-zhangdian': 200, 'office-linzi': 403, 'staff-housing': 403, deputy01: 403, citizen01: 403 },
    },
    {
      name: 'list accounts',
      call: () => ['GET', '/api/users?q=citizen'],
      expect: { admin: 200, office: 200, 'office-zhangdian': 200, 'office-linzi': 200, 'staff-housing': 403, deputy01: 403, citizen01: 403 },
    },
    {
      name: 'rename a citizen of 张店区',
      call: (_w, i) => ['PATCH', '/api/users/citizen02', { name: `王阿姨${i}` }],
      expect: { admin: 200, office: 200, 'office-zhangdian': 200, 'office-linzi': 404, 'staff-housing': 403, deputy01: 403, citizen01: 403 },
    },
    {
      name: "change the admin's account",
      call: (_w, i) => ['PATCH', '/api/users/admin', { name: `系统管理员${i}` }],
      expect: { admin: 200, office: 403, 'office-zhangdian': 404, 'office-linzi': 404, 'staff-housing': 403, deputy01: 403, citizen01: 403 },
    },
    {
      name: 'make someone admin',
      call: () => ['PATCH', '/api/users/citizen02', { role: 'admin' }],
      expect: { admin: 200, office: 403, 'office-zhangdian': 403, 'office-linzi': 404, 'staff-housing': 403, deputy01: 403, citizen01: 403 },
    },
    {
      name: 'read the audit log',
      call: () => ['GET', '/api/audit'],
      expect: { admin: 200, office: 403, 'office-zhangdian': 403, 'office-linzi': 403, 'staff-housing': 403, deputy01: 403, citizen01: 403 },
    },
  ];

  test.each(TABLE.map((row) => [row.name, row] as const))('%s: role × status', async (_name, row) => {
    const seen: Record<string, number> = {};
    // Refusals first, so that a success (e.g. making citizen02 admin) does not change what the others meet.
    const order = [...ACTORS].sort((a, b) => Number(row.expect[a] < 300) - Number(row.expect[b] < 300));
    for (const who of order) {
      const r = await call(who, row.call(who, ACTORS.indexOf(who)));
      seen[who] = r.status;
      if (r.status >= 400) expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(seen).toEqual(row.expect);
    if (row.name === 'make someone admin') expect((await call('admin', ['PATCH', '/api/users/citizen02', { role: 'citizen' }])).status).toBe(200);
  });

  test('an office lists only the accounts of its own subtree; the admin lists everyone, paged', async () => {
    const linzi = await call('office-linzi', ['GET', '/api/users?pageSize=100']);
    const linziRegion = (await RegionModel.findOne({ where: { code: '370305' } }))!;
    expect(linzi.body.items.length).toBeGreaterThan(0);
    for (const u of linzi.body.items) {
      const region = await RegionModel.findByPk(u.region.id);
      expect(region!.path.startsWith(linziRegion.path)).toBe(true);
    }
    const all = await call('admin', ['GET', '/api/users?pageSize=5&page=2']);
    expect(all.body).toMatchObject({ page: 2, pageSize: 5, total: (await UserModel.count({ where: { system: false } })) });
    expect(all.body.items).toHaveLength(5);
    const deputies = await call('admin', ['GET', '/api/users?role=deputy&q=王建国']);
    expect(deputies.body.items.map((u: { username: string }) => u.username)).toEqual(['deputy01']);
    expect(JSON.stringify(all.body)).not.toMatch(/scrypt|passwordHash/);
  });

  test('each change writes an audit row with who, what, before → after and the client address', async () => {
    const created = await call('office-zhangdian', ['POST', '/api/regions', { code: '370303777', name: '审计街道', parent: '370303' }]);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: '370303777', level: 'town', levelLabel: '镇街' });
    const renamed = await call('office-zhangdian', ['PATCH', '/api/regions/370303777', { name: '审计街道（新）' }]);
    expect(renamed.status).toBe(200);
    const log = await call('admin', ['GET', `/api/audit?object=region:${created.body.id}`]);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['regions.rename', 'regions.create']);
    const [rename, create] = log.body.items;
    expect(rename).toMatchObject({
      actor: { username: 'office-zhangdian', name: '张店区人大常委会工作人员' },
      actionLabel: '修改区域名称',
      before: { name: '审计街道' },
      after: { name: '审计街道（新）', code: '370303777' },
      clientAddress: '127.0.0.1', // as people write it, not ::ffff:127.0.0.1
    });
    expect(create).toMatchObject({ before: null, after: { name: '审计街道', level: 'town' } });
    // The same rows in words: what the object is, and only what changed (codes as labels).
    expect(rename).toMatchObject({ objectLabel: '区域 审计街道（新）', changes: [{ field: 'name', label: '名称', before: '审计街道', after: '审计街道（新）' }] });
    expect(create.changes).toEqual(expect.arrayContaining([{ field: 'level', label: '层级', before: null, after: '镇街' }]));
    expect(create.changes.map((c: { field: string }) => c.field)).not.toContain('id');

    const station = await call('office', ['POST', '/api/stations', { name: '审计联络站', region: '370303777', address: '审计路1号' }]);
    await call('office', ['PATCH', `/api/stations/${station.body.id}`, { active: false }]);
    const stationLog = await call('admin', ['GET', `/api/audit?object=station:${station.body.id}&action=stations`]);
    expect(stationLog.body.items[0]).toMatchObject({ action: 'stations.update', before: { active: true }, after: { active: false } });
    expect((await api.http('GET', '/api/stations?region=370303777')).body.items).toEqual([]);

    const user = await call('admin', ['PATCH', '/api/users/staff-finance', { name: '财政局承办员（改）' }]);
    expect(user.status).toBe(200);
    const userLog = await call('admin', ['GET', `/api/audit?object=user:${user.body.id}&actor=admin`]);
    expect(userLog.body.items[0]).toMatchObject({ action: 'users.update', before: { name: '财政局承办员' }, after: { name: '财政局承办员（改）', wechatLinked: false } });
    const rows = await AuditModel.findAll();
    expect(rows.map((r) => `${r.before} ${r.after}`).join('\n')).not.toMatch(/scrypt|passwordHash|lvzhi-demo/);
  });

  test('an office makes a town-level office account within its district, not outside it', async () => {
    const town = await call('office-zhangdian', ['PATCH', '/api/users/citizen01', { role: 'office', region: '370303001' }]);
    expect(town.status).toBe(200);
    expect(town.body).toMatchObject({ role: 'office', roleLabel: '人大工作人员', region: { code: '370303001' } });
    const outside = await call('office-zhangdian', ['PATCH', '/api/users/citizen01', { region: '370305001' }]);
    expect(outside.status).toBe(403);
    // The new town office (password sign-in, like every office account) manages its own town only.
    const login = await api.http('POST', '/api/auth/login', { username: 'citizen01', password: 'lvzhi-demo' });
    expect(login.status).toBe(200);
    const listed = await api.http('GET', '/api/users?pageSize=100', undefined, login.body.token);
    expect(new Set(listed.body.items.map((u: { region: { code: string } }) => u.region.code))).toEqual(new Set(['370303001']));
    expect((await api.http('PATCH', '/api/users/citizen02', { name: '某人' }, login.body.token)).status).toBe(404);
    expect((await call('admin', ['PATCH', '/api/users/citizen01', { role: 'citizen' }])).status).toBe(200);
  });

  test('one account is created with the words a list uses: a level in Chinese, a department by its everyday name', async () => {
    const deputy = await call('admin', ['POST', '/api/users', { name: '钱立新', role: 'deputy', level: '区县人大代表', region: '370303', phone: '13900000077' }]);
    expect(deputy.status).toBe(201);
    expect(deputy.body.deputy).toMatchObject({ level: 'county' });
    const staff = await call('admin', ['POST', '/api/users', { name: '孙建', role: 'staff', department: '住建局' }]);
    expect(staff.status).toBe(201);
    expect(staff.body.department.name).toMatch(/住房和城乡建设局/);
    const wrong = await call('admin', ['POST', '/api/users', { name: '周某', role: 'deputy', level: '很高', region: '370303' }]);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/代表层级只能是 全国、省、市、区县、乡镇/);
  });

  test('deactivation: no sign-in, tokens stop working, nothing deleted; reactivation restores', async () => {
    const token = await api.token('staff-water');
    expect((await api.http('GET', '/api/me', undefined, token)).status).toBe(200);
    const off = await call('admin', ['POST', '/api/users/staff-water/deactivate', { reason: '调岗' }]);
    expect(off).toMatchObject({ status: 200, body: { username: 'staff-water', active: false } });
    expect((await api.http('GET', '/api/me', undefined, token)).status).toBe(401);
    const login = await api.http('POST', '/api/auth/login', { username: 'staff-water', password: 'lvzhi-demo' });
    expect(login).toMatchObject({ status: 401, body: { error: { message: '这个账号已停用，请联系管理员' } } });
    expect((await call('admin', ['POST', '/api/users/staff-water/deactivate', {}])).status).toBe(409);
    expect(await UserModel.count({ where: { username: 'staff-water' } })).toBe(1);
    const log = await call('admin', ['GET', '/api/audit?action=users.deactivate&actor=admin']);
    expect(log.body.items[0]).toMatchObject({ object: { type: 'user' }, before: { active: true }, after: { active: false, reason: '调岗' } });
    expect(log.body.items[0].objectLabel).toMatch(/^账号 .+（staff-water）$/);
    expect(log.body.items[0].changes).toEqual([
      { field: 'active', label: '状态', before: '启用', after: '停用' },
      { field: 'reason', label: '原因', before: null, after: '调岗' },
    ]);
    const failed = await call('admin', ['GET', '/api/audit?action=signin.failed&actor=staff-water']);
    expect(failed.body.items[0].after).toEqual({ method: 'password', reason: '这个账号已停用，请联系管理员' });
    expect(failed.body.items[0].changes).toEqual([
      { field: 'method', label: '登录方式', before: null, after: '密码' },
      { field: 'reason', label: '原因', before: null, after: '这个账号已停用，请联系管理员' },
    ]);
    expect(failed.body.items[0].objectLabel).toMatch(/^账号 \S+/);

    expect((await call('admin', ['POST', '/api/users/staff-water/reactivate', {}])).status).toBe(200);
    expect((await api.http('POST', '/api/auth/login', { username: 'staff-water', password: 'lvzhi-demo' })).status).toBe(200);
  });

  test('sign-ins are audited: success, wrong password (with the user), unknown name (without one)', async () => {
    await api.http('POST', '/api/auth/login', { username: 'office-boshan', password: 'lvzhi-demo' });
    await api.http('POST', '/api/auth/login', { username: 'office-boshan', password: 'wrong-password' });
    await api.http('POST', '/api/auth/login', { username: 'nobody-here', password: 'whatever' });
    await api.http('POST', '/api/auth/dev', { username: 'deputy05' });
    const boshan = (await UserModel.findOne({ where: { username: 'office-boshan' } }))!;
    const log = await call('admin', ['GET', '/api/audit?action=signin&pageSize=100']);
    const items = log.body.items as { action: string; actor: { id: number | null; username: string }; after: Record<string, unknown> }[];
    expect(items.find((e) => e.actor.username === 'deputy05')).toMatchObject({ action: 'signin', after: { method: 'dev', role: 'deputy' } });
    const mine = items.filter((e) => e.actor.username === 'office-boshan');
    expect(mine.slice(0, 2)).toEqual([
      expect.objectContaining({ action: 'signin.failed', actor: expect.objectContaining({ id: boshan.id }), after: { method: 'password', reason: '用户名或密码不正确' } }),
      expect.objectContaining({ action: 'signin', actor: expect.objectContaining({ id: boshan.id }), after: { method: 'password', role: 'office' } }),
    ]);
    expect(items.find((e) => e.actor.username === 'nobody-here')).toMatchObject({ action: 'signin.failed', actor: { id: null } });
    const raw = await AuditModel.findAll({ where: { action: ['signin', 'signin.failed'] } });
    expect(raw.map((r) => `${r.before}${r.after}`).join('')).not.toMatch(/wrong-password|whatever|lvzhi-demo/);
    const filtered = await call('admin', ['GET', '/api/audit?action=signin.failed&pageSize=100']);
    expect(filtered.body.items.every((e: { action: string }) => e.action === 'signin.failed')).toBe(true);
  });

  test('the last active admin can neither be deactivated nor demoted; a second admin changes that', async () => {
    const others = await call('admin', ['GET', '/api/users?role=admin&active=true&pageSize=100']);
    for (const u of others.body.items as { username: string }[]) {
      if (u.username !== 'admin') expect((await call('admin', ['POST', `/api/users/${u.username}/deactivate`, {}])).status).toBe(200);
    }
    const before = await snapshot();
    const off = await call('admin', ['POST', '/api/users/admin/deactivate', {}]);
    expect(off).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('最后一个') } } });
    expect((await call('admin', ['PATCH', '/api/users/admin', { role: 'office' }])).status).toBe(409);
    expect(await snapshot()).toBe(before);

    expect((await call('admin', ['PATCH', '/api/users/office-gaoqing', { role: 'admin' }])).status).toBe(200);
    expect((await call('office-gaoqing', ['POST', '/api/users/admin/deactivate', {}])).status).toBe(200);
    expect((await call('office-gaoqing', ['POST', '/api/users/office-gaoqing/deactivate', {}])).status).toBe(409);
    expect((await call('office-gaoqing', ['POST', '/api/users/admin/reactivate', {}])).status).toBe(200);
    for (const u of others.body.items as { username: string }[]) {
      if (u.username !== 'admin') expect((await call('admin', ['POST', `/api/users/${u.username}/reactivate`, {}])).status).toBe(200);
    }
  });

  test('bad input is a Chinese 400, unknown objects 404, existing names 409 — and nothing stored changes', async () => {
    const before = await snapshot();
    const cases: [Call, number, RegExp][] = [
      [['POST', '/api/regions', { code: '坏 代码', name: '某街道', parent: '370303' }], 400, /区域代码/],
      [['POST', '/api/regions', { code: '370303901', name: '', parent: '370303' }], 400, /请填写区域名称/],
      [['POST', '/api/regions', { code: '370303902', name: '某街道', parent: 'nowhere' }], 400, /没有代码为 nowhere/],
      [['POST', '/api/regions', { code: '370303903', name: '某社区', parent: '370303001' }], 400, /三级/],
      [['POST', '/api/regions', { code: '370303', name: '重复', parent: '370300' }], 409, /已经存在/],
      [['POST', '/api/regions', { code: '370303904', name: '车站街道', parent: '370303' }], 409, /已有“车站街道”/],
      [['POST', '/api/regions', { code: '999999', name: '另一个市' }], 409, /市级区域/],
      [['PATCH', '/api/regions/370303003', { name: '和平街道', extra: 1 }], 400, /不认识的字段：extra/],
      [['PATCH', '/api/regions/370303003', { name: '车站街道' }], 409, /已有/],
      [['PATCH', '/api/regions/no-such', { name: '某地' }], 404, /没有这个区域/],
      [['POST', '/api/stations', { name: '新站', region: '370303001' }], 400, /地址/],
      [['POST', '/api/stations', { name: '张店区车站街道人大代表联络站', region: '370303001', address: '某路' }], 409, /已有名为/],
      [['PATCH', `/api/stations/${stationId}`, {}], 400, /请至少修改一项/],
      [['PATCH', `/api/stations/${stationId}`, { kind: 'castle' }], 400, /类别只能是/],
      [['PATCH', '/api/stations/99999999', { address: '某路' }], 404, /没有这个联络站/],
      [['PATCH', '/api/stations/abc', { address: '某路' }], 404, /没有这个联络站/],
      [['PATCH', '/api/users/citizen03', { role: 'king' }], 400, /角色只能是/],
      [['PATCH', '/api/users/citizen03', { role: 'staff' }], 400, /必须指定所属承办单位/],
      [['PATCH', '/api/users/citizen03', { role: 'deputy' }], 409, /代表档案/],
      [['PATCH', '/api/users/citizen03', { department: 'nope' }], 400, /没有代码为 nope 的承办单位/],
      [['PATCH', '/api/users/ghost', { name: '某人' }], 404, /没有这个用户/],
      [['PATCH', '/api/users/system', { name: '某人' }], 404, /没有这个用户/],
      [['GET', '/api/users?pageSize=1000'], 400, /每页最多 100 条/],
      [['GET', '/api/audit?from=2026-13-01'], 400, /日期/],
      [['GET', '/api/audit?from=2026-05-02&to=2026-05-01'], 400, /开始日期不能晚于结束日期/],
      [['GET', '/api/audit?object=user:'], 400, /对象格式/],
    ];
    for (const [c, status, message] of cases) {
      const r = await call('admin', c);
      expect([c, r.status, r.body?.error?.message]).toEqual([c, status, expect.stringMatching(message)]);
    }
    expect(await snapshot()).toBe(before);
  });

  test('the audit log is paged newest first and filtered by Beijing dates', async () => {
    const page1 = await call('admin', ['GET', '/api/audit?pageSize=3']);
    const page2 = await call('admin', ['GET', '/api/audit?pageSize=3&page=2']);
    expect(page1.body.items).toHaveLength(3);
    const ids = [...page1.body.items, ...page2.body.items].map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(page1.body.total).toBe(await AuditModel.count());
    // The test clock stands at 2026-03-02 10:00 Beijing time.
    expect((await call('admin', ['GET', '/api/audit?from=2026-03-02&to=2026-03-02'])).body.total).toBe(page1.body.total);
    expect((await call('admin', ['GET', '/api/audit?from=2026-03-03'])).body.total).toBe(0);
    expect((await call('admin', ['GET', '/api/audit?to=2026-03-01'])).body.total).toBe(0);
  });

  test('departments: the admin and the city office create and edit them, district offices and others may not', async () => {
    const body = (i: number) => ({ code: `test${i}`, name: `淄博市测试局${i}`, kind: 'government', duties: '负责测试工作。', aliases: [`测试局${i}`], keywords: ['测试'] });
    const expected: Record<Who, number> = { admin: 201, office: 201, 'office-zhangdian': 403, 'office-linzi': 403, 'staff-housing': 403, deputy01: 403, citizen01: 403 };
    const seen: Record<string, number> = {};
    for (const [i, who] of ACTORS.entries()) seen[who] = (await call(who, ['POST', '/api/departments', body(i)])).status;
    expect(seen).toEqual(expected);
    const edit: Record<string, number> = {};
    for (const [i, who] of ACTORS.entries()) edit[who] = (await call(who, ['PATCH', '/api/departments/test0', { duties: `负责测试工作（第 ${i} 次修改）。` }])).status;
    expect(edit).toEqual({ ...expected, admin: 200, office: 200 });
    const listed = await call('office-linzi', ['GET', '/api/admin/departments']);
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((d: { code: string }) => d.code === 'test0')).toMatchObject({ aliases: ['测试局0'], active: true });
  });

  test('a department: aliases unique, keywords read by the routing trainer, deactivation hides it; every change audited', async () => {
    const created = await call('admin', ['POST', '/api/departments', { code: 'heritage', name: '淄博市文物保护中心', kind: 'public_institution', duties: '负责文物保护。', aliases: ['文保中心'], keywords: ['文物', '古建筑'] }]);
    expect(created).toMatchObject({ status: 201, body: { code: 'heritage', kindLabel: '事业单位', aliases: ['文保中心'], keywords: ['文物', '古建筑'] } });
    const before = await snapshot();
    const refusals: [Call, number, RegExp][] = [
      [['POST', '/api/departments', { code: 'heritage', name: '另一个', kind: 'government', duties: '某' }], 409, /单位代码 heritage 已经存在/],
      [['POST', '/api/departments', { code: 'heritage2', name: '文保中心', kind: 'government', duties: '某' }], 409, /“文保中心”已是“淄博市文物保护中心”的名称或别名/],
      [['PATCH', '/api/departments/housing', { aliases: ['文保中心'] }], 409, /已是/],
      [['POST', '/api/departments', { code: 'Bad Code', name: '某局', kind: 'government', duties: '某' }], 400, /单位代码/],
      [['POST', '/api/departments', { code: 'abc', name: '某局', kind: 'ministry', duties: '某' }], 400, /类别只能是/],
      [['PATCH', '/api/departments/heritage', { keywords: 'not a list' }], 400, /分类关键词应为文字列表/],
      [['PATCH', '/api/departments/heritage', {}], 400, /请至少修改一项/],
      [['PATCH', '/api/departments/nope', { duties: '某' }], 404, /没有这个承办单位/],
    ];
    for (const [c, status, message] of refusals) {
      const r = await call('admin', c);
      expect([c, r.status, r.body?.error?.message]).toEqual([c, status, expect.stringMatching(message)]);
    }
    expect(await snapshot()).toBe(before);

    const edited = await call('office', ['PATCH', '/api/departments/heritage', { keywords: ['文物', '古建筑', '非遗'], aliases: ['文保中心', '市文保'] }]);
    expect(edited).toMatchObject({ status: 200, body: { keywords: ['文物', '古建筑', '非遗'], aliases: ['文保中心', '市文保'] } });
    // The next retrain reads the departments' keywords from here.
    const trained = (await loadDepartments()).find((d) => d.code === 'heritage');
    expect(trained?.keywords).toEqual(['文物', '古建筑', '非遗']);

    expect((await call('admin', ['PATCH', '/api/departments/heritage', { active: false }])).status).toBe(200);
    expect((await call('admin', ['PATCH', '/api/departments/heritage', { active: false }])).status).toBe(409);
    expect((await api.http('GET', '/api/departments')).body.items.map((d: { code: string }) => d.code)).not.toContain('heritage');
    expect((await loadDepartments()).map((d) => d.code)).not.toContain('heritage');

    const log = await call('admin', [`GET`, `/api/audit?object=department:${created.body.id}`]);
    expect(log.body.items.map((e: { action: string; actor: { username: string } }) => `${e.action} ${e.actor.username}`)).toEqual([
      'departments.update admin',
      'departments.update office',
      'departments.create admin',
    ]);
    expect(log.body.items[1]).toMatchObject({ before: { keywords: ['文物', '古建筑'], aliases: ['文保中心'] }, after: { keywords: ['文物', '古建筑', '非遗'], aliases: ['文保中心', '市文保'] } });
    expect(log.body.items[0]).toMatchObject({ before: { active: true }, after: { active: false } });
  });
});
