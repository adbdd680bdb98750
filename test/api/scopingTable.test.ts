/**
 * The scoping table: role × object kind × own/other region or department × action, over HTTP on the real Koa app.
 * One seeded database per kind; every object is created once (all in 张店区, deputy01's district, handled by the
 * housing bureau) and every row of the table is one request with the status it must answer — and, for lists and
 * dashboards, whether the object shows up. Rows are generated from the rules below, not written out by hand.
 */
import { OutboxModel } from '../../models/engagement';
import { StationModel, RegionModel, UserModel } from '../../models/definitions';
import { startTestApi, type TestApi } from '../helpers/api';
import { act, ELEVATOR, must, suggestionAt, actor } from '../helpers/core';
import { databaseKinds } from '../helpers/db';
import { createSuggestion } from '../../core/suggestions';
import { chinaDay } from '../../contracts/format';

/** Who asks: the same account stands for "own" or "other" by where it sits against the objects (all in 张店区, housing). */
const ROLES = {
  anon: '',
  admin: 'admin',
  city: 'office',
  districtOwn: 'office-zhangdian',
  districtOther: 'office-zichuan',
  staffOwn: 'staff-housing',
  staffOther: 'staff-edu',
  deputyOwn: 'deputy01',
  deputyOther: 'deputy05',
  citizen: 'citizen01',
  bot: 'bot',
} as const;
type Role = keyof typeof ROLES;
const ALL = Object.keys(ROLES) as Role[];

/** What a row must answer: a status, several allowed statuses (a state conflict after a first success), or a list that does or does not show the object. */
type Expect = number | number[] | 'listed' | 'unlisted';

interface Ids {
  suggestion: number;
  draft: number;
  returned: number;
  meeting: number;
  cancelMeeting: number;
  checkinCode: string;
  questionnaire: number;
  notice: number;
  inbox: number;
  dead: number;
  station: number;
  town: string;
}

interface Endpoint {
  kind: string;
  action: string;
  method: string;
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** For lists: whether the object is in the answer. */
  shows?: (body: any, ids: Ids) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The expectation per role; roles left out get `rest`. Roles mapped to null are not asked (an allowed write too costly to repeat). */
  expect: Partial<Record<Role, Expect | null>>;
  rest: Expect;
}

/** The congress offices that manage what lies in 张店区, and the one that must not even learn it exists. */
const MANAGERS = { admin: 200, city: 200, districtOwn: 200, districtOther: 404, anon: 401 } as const;
/** An object that only the office of its region reads: the other district is told nothing (404), the rest are refused (403). */
const managed = (ok: Expect = 200, extra: Partial<Record<Role, Expect | null>> = {}) => ({ expect: { ...MANAGERS, admin: ok, city: ok, districtOwn: ok, ...extra }, rest: 403 as Expect });
/** A list of the managed kind: the managers see the object, the other district does not, everyone else is refused. */
const managedList = (extra: Partial<Record<Role, Expect | null>> = {}) => ({ expect: { ...MANAGERS, admin: 'listed', city: 'listed', districtOwn: 'listed', districtOther: 'unlisted', ...extra } as Partial<Record<Role, Expect | null>>, rest: 403 as Expect });

const TABLE: Endpoint[] = [
  // Suggestions: the one suggestion rule (core/directory/suggestionScope.ts).
  { kind: 'suggestion', action: 'detail', method: 'GET', path: (i) => `/api/suggestions/${i.suggestion}`, expect: { ...MANAGERS, staffOwn: 200, deputyOwn: 200, deputyOther: 200 }, rest: 404 },
  { kind: 'suggestion', action: 'similar', method: 'GET', path: (i) => `/api/suggestions/${i.suggestion}/similar`, expect: { ...MANAGERS, staffOwn: 200, deputyOwn: 200, deputyOther: 200 }, rest: 404 },
  {
    kind: 'suggestion',
    action: 'list',
    method: 'GET',
    path: () => '/api/suggestions?pageSize=100',
    shows: (b, i) => b.items.some((x: { id: number }) => x.id === i.suggestion),
    expect: { anon: 401, admin: 'listed', city: 'listed', districtOwn: 'listed', staffOwn: 'listed', deputyOwn: 'listed' },
    rest: 'unlisted',
  },
  // Review actions on a suggestion in handling: the office that covers it passes the scope and meets the state (409);
  // the admin runs the system, not the congress's casework (403).
  { kind: 'suggestion', action: 'accept', method: 'POST', path: (i) => `/api/suggestions/${i.suggestion}/accept`, body: () => ({}), expect: { ...MANAGERS, admin: 403, city: 409, districtOwn: 409, staffOwn: 403, deputyOwn: 403, deputyOther: 403 }, rest: 404 },
  { kind: 'suggestion', action: 'reject', method: 'POST', path: (i) => `/api/suggestions/${i.suggestion}/reject`, body: () => ({ reason: '不属于建议范围' }), expect: { ...MANAGERS, admin: 403, city: 409, districtOwn: 409, staffOwn: 403, deputyOwn: 403, deputyOther: 403 }, rest: 404 },
  {
    kind: 'suggestion',
    action: 'stats',
    method: 'GET',
    path: () => '/api/stats/suggestions',
    shows: (b) => b.byRegion.some((r: { name: string; count: number }) => r.name === '张店区' && r.count > 0),
    expect: { anon: 401, admin: 'listed', city: 'listed', districtOwn: 'listed', districtOther: 'unlisted' },
    rest: 403,
  },
  { kind: 'suggestion', action: 'stats export', method: 'GET', path: () => '/api/stats/suggestions/export', expect: { anon: 401, admin: 200, city: 200, districtOwn: 200, districtOther: 200 }, rest: 403 },
  // A deputy's draft is the deputy's own until submitted: not the admin's, not the office's.
  { kind: 'draft', action: 'detail', method: 'GET', path: (i) => `/api/suggestions/${i.draft}`, expect: { anon: 401, deputyOwn: 200 }, rest: 404 },
  { kind: 'draft', action: 'edit', method: 'PATCH', path: (i) => `/api/suggestions/${i.draft}`, body: () => ({ title: ELEVATOR.title }), expect: { anon: 401, deputyOwn: 200 }, rest: 404 },
  { kind: 'draft', action: 'submit', method: 'POST', path: (i) => `/api/suggestions/${i.draft}/submit`, body: () => ({}), expect: { anon: 401, deputyOwn: null }, rest: 404 },
  {
    kind: 'draft',
    action: 'list',
    method: 'GET',
    path: () => '/api/suggestions?pageSize=100&q=电梯',
    shows: (b, i) => b.items.some((x: { id: number }) => x.id === i.draft),
    expect: { anon: 401, deputyOwn: 'listed' },
    rest: 'unlisted',
  },
  // A task the housing bureau returned: it keeps the history up to its return and may no longer act.
  { kind: 'returned task', action: 'detail', method: 'GET', path: (i) => `/api/suggestions/${i.returned}`, expect: { ...MANAGERS, staffOwn: 200, deputyOwn: 200, deputyOther: 200 }, rest: 404 },
  { kind: 'returned task', action: 'sign', method: 'POST', path: (i) => `/api/suggestions/${i.returned}/sign`, body: () => ({}), expect: { ...MANAGERS, admin: 403, city: 403, districtOwn: 403, staffOwn: 403, deputyOwn: 403, deputyOther: 403 }, rest: 404 },
  {
    kind: 'returned task',
    action: 'consult',
    method: 'POST',
    path: (i) => `/api/suggestions/${i.returned}/consult`,
    body: () => ({ method: 'phone', happenedOn: '2026-03-02', summary: '电话联系代表。' }),
    expect: { ...MANAGERS, admin: 403, city: 403, districtOwn: 403, staffOwn: 403, deputyOwn: 403, deputyOther: 403 },
    rest: 404,
  },

  // Meetings (core/meetings/policy.ts): the organising office's region; invitees see their own.
  { kind: 'meeting', action: 'detail', method: 'GET', path: (i) => `/api/meetings/${i.meeting}`, ...managed(200, { deputyOwn: 200 }) },
  { kind: 'meeting', action: 'calendar file', method: 'GET', path: (i) => `/api/meetings/${i.meeting}/ics`, ...managed(200, { deputyOwn: 200 }) },
  { kind: 'meeting', action: 'list', method: 'GET', path: () => '/api/meetings', shows: (b, i) => b.items.some((m: { id: number }) => m.id === i.meeting), expect: { ...managedList().expect, deputyOwn: 'listed' }, rest: 'unlisted' },
  { kind: 'meeting', action: 'change', method: 'PATCH', path: (i) => `/api/meetings/${i.meeting}`, body: () => ({ place: '张店区便民服务中心三楼' }), ...managed() },
  { kind: 'meeting', action: 'leave decision', method: 'POST', path: (i) => `/api/meetings/${i.meeting}/leave-decision`, body: () => ({ user: 'deputy01', approve: true }), ...managed(409) },
  { kind: 'meeting', action: 'rsvp', method: 'POST', path: (i) => `/api/meetings/${i.meeting}/rsvp`, body: () => ({ attend: true }), ...managed(403, { deputyOwn: 200 }) },
  { kind: 'meeting', action: 'check in', method: 'POST', path: (i) => `/api/meetings/${i.meeting}/checkin`, body: (i) => ({ code: i.checkinCode }), ...managed(403, { deputyOwn: 409 }) },
  // A code that is not one of the caller's meetings is simply a wrong code (400): it reveals no meeting.
  { kind: 'meeting', action: 'check in by code', method: 'POST', path: () => '/api/meetings/checkin', body: (i) => ({ code: i.checkinCode }), expect: { anon: 401, deputyOwn: 409 }, rest: 400 },
  { kind: 'meeting', action: 'cancel', method: 'POST', path: (i) => `/api/meetings/${i.cancelMeeting}/cancel`, body: () => ({ reason: '改期' }), ...managed([200, 409]) },

  { kind: 'meeting', action: 'invite a deputy', method: 'POST', path: () => '/api/meetings', body: () => ({ kind: 'reception', title: '代表接待日', place: '联络站', startsAt: '2026-03-06T09:00:00+08:00', endsAt: '2026-03-06T11:00:00+08:00', invitees: { users: ['deputy01'] } }), ...managed(201, { districtOther: [400, 403] }) },

  // Questionnaires (core/questionnaires/policy.ts): named answers, results and their export belong to the managing office.
  { kind: 'questionnaire', action: 'detail', method: 'GET', path: (i) => `/api/questionnaires/${i.questionnaire}`, ...managed(200, { deputyOwn: 200 }) },
  { kind: 'questionnaire', action: 'list', method: 'GET', path: () => '/api/questionnaires', shows: (b, i) => b.items.some((q: { id: number }) => q.id === i.questionnaire), expect: { ...managedList().expect, deputyOwn: 'listed' }, rest: 'unlisted' },
  { kind: 'questionnaire', action: 'answer', method: 'POST', path: (i) => `/api/questionnaires/${i.questionnaire}/answers`, body: () => ({ answers: { q1: 1 } }), ...managed(403, { deputyOwn: 200 }) },
  { kind: 'questionnaire', action: 'results', method: 'GET', path: (i) => `/api/questionnaires/${i.questionnaire}/results`, ...managed() },
  { kind: 'questionnaire', action: 'export', method: 'GET', path: (i) => `/api/questionnaires/${i.questionnaire}/export`, ...managed() },

  // Notices and their read receipts (core/notifications/policy.ts).
  { kind: 'notice', action: 'list', method: 'GET', path: () => '/api/notices', shows: (b, i) => b.items.some((n: { id: number }) => n.id === i.notice), ...managedList() },
  { kind: 'notice', action: 'publish to a deputy', method: 'POST', path: () => '/api/notices', body: () => ({ title: '学习通知', body: '请按时参加。', audience: { users: ['deputy01'] } }), ...managed(201, { districtOther: [400, 403] }) },
  { kind: 'notice', action: 'receipts', method: 'GET', path: (i) => `/api/notices/${i.notice}/receipts`, ...managed() },
  { kind: 'inbox item', action: 'read', method: 'POST', path: (i) => `/api/inbox/${i.inbox}/read`, expect: { anon: 401, deputyOwn: 200 }, rest: 404 },
  { kind: 'inbox item', action: 'list', method: 'GET', path: () => '/api/inbox', shows: (b, i) => b.items.some((n: { id: number }) => n.id === i.inbox), expect: { anon: 401, deputyOwn: 'listed' }, rest: 'unlisted' },

  // Deliveries: the bot pulls and acknowledges; dead letters go to the office of the recipient's region.
  { kind: 'delivery', action: 'pull', method: 'GET', path: () => '/api/deliveries?limit=1', expect: { anon: 401, bot: 200 }, rest: 403 },
  { kind: 'delivery', action: 'ack', method: 'POST', path: (i) => `/api/deliveries/${i.dead}/ack`, body: () => ({ ok: true }), expect: { anon: 401, bot: [200, 404, 409] }, rest: 403 },
  { kind: 'dead letter', action: 'list', method: 'GET', path: () => '/api/deliveries/dead', shows: (b, i) => b.items.some((d: { id: number }) => d.id === i.dead), ...managedList() },

  // Routing models are the city's: the city office and the admin only.
  { kind: 'routing model', action: 'list', method: 'GET', path: () => '/api/routing/models', expect: { anon: 401, admin: 200, city: 200 }, rest: 403 },
  { kind: 'routing model', action: 'activate', method: 'POST', path: () => '/api/routing/models/1/activate', expect: { anon: 401, admin: 409, city: 409 }, rest: 403 },
  { kind: 'routing model', action: 'retrain', method: 'POST', path: () => '/api/routing/models', body: () => ({}), expect: { anon: 401, admin: null, city: null }, rest: 403 },

  // Chat sessions: the bot's service account only.
  { kind: 'chat session', action: 'write', method: 'PUT', path: () => '/api/chat/sessions/scope-table', body: () => ({ data: { step: 1 } }), expect: { anon: 401, bot: 200 }, rest: 403 },
  { kind: 'chat session', action: 'read', method: 'GET', path: () => '/api/chat/sessions/scope-table', expect: { anon: 401, bot: 200 }, rest: 403 },

  // Photos are read through signed links only (the link comes with a suggestion the caller may see).
  { kind: 'photo', action: 'unsigned read', method: 'GET', path: () => '/api/photos/1', expect: {}, rest: 403 },

  // Audit log: the admin only.
  { kind: 'audit', action: 'list', method: 'GET', path: () => '/api/audit', expect: { anon: 401, admin: 200 }, rest: 403 },

  // Admin objects: accounts, stations and towns of a region belong to its office; departments to the city.
  { kind: 'account', action: 'list', method: 'GET', path: () => '/api/users?q=deputy01', shows: (b) => b.items.some((u: { username: string }) => u.username === 'deputy01'), ...managedList() },
  { kind: 'account', action: 'edit', method: 'PATCH', path: () => '/api/users/deputy01', body: () => ({ name: '王建国' }), ...managed() },
  { kind: 'account', action: 'invitation', method: 'POST', path: () => '/api/users/deputy01/invitation', body: () => ({}), ...managed(201) },
  { kind: 'station', action: 'list', method: 'GET', path: () => '/api/admin/stations', shows: (b, i) => b.items.some((s: { id: number }) => s.id === i.station), ...managedList() },
  { kind: 'station', action: 'edit', method: 'PATCH', path: (i) => `/api/stations/${i.station}`, body: () => ({ address: '淄博市张店区车站街道便民服务中心二楼' }), ...managed(200, { districtOther: 403 }) },
  { kind: 'station', action: 'create', method: 'POST', path: () => '/api/stations', body: (i) => ({ name: '车站街道第二联络点', kind: 'point', region: i.town, address: '淄博市张店区车站街道' }), ...managed([201, 409], { districtOther: 403 }) },
  { kind: 'region', action: 'rename', method: 'PATCH', path: (i) => `/api/regions/${i.town}`, body: () => ({ name: '车站街道' }), ...managed(200, { districtOther: 403 }) },
  { kind: 'department', action: 'edit', method: 'PATCH', path: () => '/api/departments/housing', body: () => ({ aliases: ['住建局'] }), expect: { anon: 401, admin: 200, city: 200 }, rest: 403 },
];

interface Row {
  kind: string;
  action: string;
  role: Role;
  expected: Expect;
  endpoint: Endpoint;
}

/** One row per endpoint and role that is asked. */
const ROWS: Row[] = TABLE.flatMap((endpoint) =>
  ALL.flatMap((role) => {
    const expected = role in endpoint.expect ? endpoint.expect[role] : endpoint.rest;
    return expected === null || expected === undefined ? [] : [{ kind: endpoint.kind, action: endpoint.action, role, expected, endpoint }];
  }),
);

describe.each(databaseKinds())('scoping table on %s', (kind) => {
  let api: TestApi;
  const tokens: Partial<Record<Role, string>> = {};
  const ids = {} as Ids;

  beforeAll(async () => {
    api = await startTestApi(kind);
    for (const role of ALL) if (ROLES[role]) tokens[role] = await api.token(ROLES[role]);
    const core = api.core;
    const office = tokens.districtOwn!;
    ids.suggestion = await suggestionAt(core, 'handling');
    ids.draft = must(await createSuggestion(core, await actor('deputy01'), { title: '关于老旧小区电梯维保的建议', body: '电梯维保费用分摊不清，建议明确。' })).id;
    // The returned task: assigned to housing (lead) and finance, housing returns it, the office gives it to the civil
    // affairs bureau, which signs and consults the deputy — all after housing's return.
    ids.returned = await suggestionAt(core, 'assigned');
    must(await act(core, 'staff-housing', ids.returned, 'return', { reason: '不属于本单位职责' }));
    api.clock.set('2026-03-03T02:00:00Z');
    must(await act(core, 'office', ids.returned, 'assign', { lead: 'civil', co: [] }));
    must(await act(core, 'staff-civil', ids.returned, 'sign', {}));
    must(await act(core, 'staff-civil', ids.returned, 'consult', { method: 'visit', happenedOn: chinaDay(core.clock.now()), summary: '上门走访代表，商定办理方案。' }));
    api.clock.set('2026-03-02T02:00:00Z');

    const meeting = (title: string) => ({ kind: 'inspection', title, place: '张店区便民服务中心', startsAt: '2026-03-05T09:00:00+08:00', endsAt: '2026-03-05T11:00:00+08:00', invitees: { users: ['deputy01'] } });
    ids.meeting = (await api.http('POST', '/api/meetings', meeting('老旧小区改造专题视察'), office)).body.id;
    ids.cancelMeeting = (await api.http('POST', '/api/meetings', meeting('加装电梯座谈会'), office)).body.id;
    ids.checkinCode = (await api.http('GET', `/api/meetings/${ids.meeting}`, undefined, office)).body.checkinCode;
    ids.questionnaire = (
      await api.http(
        'POST',
        '/api/questionnaires',
        { kind: 'survey', title: '代表履职服务满意度调查', anonymous: false, closesAt: '2026-03-09T10:00:00+08:00', audience: { users: ['deputy01', 'deputy02'] }, questions: [{ id: 'q1', type: 'single', title: '你最常用的履职渠道', options: ['小程序', '群聊'], required: true }] },
        office,
      )
    ).body.id;
    await api.http('POST', `/api/questionnaires/${ids.questionnaire}/answers`, { answers: { q1: 0 } }, tokens.deputyOwn);
    ids.notice = (await api.http('POST', '/api/notices', { title: '视察通知', body: '请准时参加。', audience: { users: ['deputy01'] } }, office)).body.id;
    ids.inbox = (await api.http('GET', '/api/inbox', undefined, tokens.deputyOwn)).body.items.find((n: { title: string }) => n.title.includes('视察通知')).id;
    const deputy01 = (await UserModel.findOne({ where: { username: 'deputy01' } }))!;
    const dead = (await OutboxModel.findOne({ where: { userId: deputy01.id }, order: [['id', 'DESC']] }))!;
    await dead.update({ status: 'dead', attempts: 5, lastError: '推送失败' });
    ids.dead = dead.id;
    ids.station = deputy01.stationId!;
    ids.town = (await RegionModel.findByPk((await StationModel.findByPk(ids.station))!.regionId))!.code;
    expect(Object.values(ids).every((v) => v !== undefined && v !== null && v !== '')).toBe(true);
  }, 180_000);
  afterAll(() => api.close());

  test(`${ROWS.length} rows: every role gets what its scope allows on every object kind and action`, async () => {
    const ask = async (row: Row): Promise<string | null> => {
      const e = row.endpoint;
      const r = await api.http(e.method, e.path(ids), e.body?.(ids), tokens[row.role]);
      let got: Expect = r.status;
      if ((row.expected === 'listed' || row.expected === 'unlisted') && r.status === 200 && e.shows) got = e.shows(r.body, ids) ? 'listed' : 'unlisted';
      const fits = Array.isArray(row.expected) ? row.expected.includes(r.status) : got === row.expected;
      return fits ? null : `${row.kind} · ${row.action} · ${row.role} (${ROLES[row.role] || 'signed out'}): expected ${JSON.stringify(row.expected)}, got ${JSON.stringify(got)} ${typeof r.body === 'object' ? (r.body?.error?.message ?? '') : ''}`;
    };
    const wrong: string[] = [];
    // The roles read an endpoint at the same time; writes go one after the other, in the table's order.
    for (const endpoint of TABLE) {
      const rows = ROWS.filter((r) => r.endpoint === endpoint);
      const results = endpoint.method === 'GET' ? await Promise.all(rows.map(ask)) : await rows.reduce(async (acc, row) => [...(await acc), await ask(row)], Promise.resolve([] as (string | null)[]));
      wrong.push(...results.filter((x): x is string => x !== null));
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  test('a department that returned a task keeps the history up to its return: no later events, consultations or handlers, and no actions', async () => {
    const asCivil = (await api.http('GET', `/api/suggestions/${ids.returned}`, undefined, await api.token('staff-civil'))).body;
    const asHousing = (await api.http('GET', `/api/suggestions/${ids.returned}`, undefined, tokens.staffOwn)).body;
    // The department now handling it sees the whole story …
    expect(asCivil.consultations).toHaveLength(1);
    expect(asCivil.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['return', 'assign', 'sign', 'consult']));
    // … the one that returned it sees it up to its return and nothing after.
    const actions = asHousing.timeline.map((e: { action: string }) => e.action);
    expect(actions[actions.length - 1]).toBe('return');
    expect(actions.filter((a: string) => a === 'assign')).toHaveLength(1);
    expect(asHousing.consultations).toEqual([]);
    expect(asHousing.assignments).toEqual([]);
    expect(JSON.stringify(asHousing)).not.toContain('民政局');
    expect(JSON.stringify(asHousing)).not.toContain('上门走访');
    expect(asHousing.state).toBe('accepted');
    expect(asHousing.actions).toEqual([]);
    // Its lists hold its current tasks only (a list row would show today's state); the new department's hold it.
    const search = async (token: string) => (await api.http('GET', `/api/suggestions?q=${encodeURIComponent('电梯')}&pageSize=100`, undefined, token)).body.items.map((s: { id: number }) => s.id);
    expect(await search(tokens.staffOwn!)).not.toContain(ids.returned);
    expect(await search(tokens.staffOwn!)).toContain(ids.suggestion);
    expect(await search(await api.token('staff-civil'))).toContain(ids.returned);
    // The department now handling it may act; the one that returned it may not.
    expect((await api.http('POST', `/api/suggestions/${ids.returned}/sign`, {}, tokens.staffOwn)).status).toBe(403);
    expect(asCivil.actions.length).toBeGreaterThan(0);
  });

  test("the admin does not read a deputy's draft, not even through a search; once submitted the office does", async () => {
    const id = must(await createSuggestion(api.core, await actor('deputy01'), { title: '关于社区食堂的建议', body: '建议在老旧小区设立社区食堂。' })).id;
    expect((await api.http('GET', `/api/suggestions/${id}`, undefined, tokens.admin)).status).toBe(404);
    expect((await api.http('GET', `/api/suggestions?q=${encodeURIComponent('社区食堂')}`, undefined, tokens.admin)).body.items).toEqual([]);
    expect((await api.http('POST', `/api/suggestions/${id}/withdraw`, {}, tokens.admin)).status).toBe(404);
    expect((await api.http('GET', `/api/suggestions/${id}`, undefined, tokens.deputyOwn)).status).toBe(200);
    expect((await api.http('POST', `/api/suggestions/${id}/submit`, {}, tokens.deputyOwn)).status).toBe(200);
    expect((await api.http('GET', `/api/suggestions/${id}`, undefined, tokens.admin)).status).toBe(200);
    expect((await api.http('GET', `/api/suggestions?q=${encodeURIComponent('社区食堂')}`, undefined, tokens.admin)).body.items.map((s: { id: number }) => s.id)).toEqual([id]);
  });
});
