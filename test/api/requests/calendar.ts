/**
 * The holiday calendar over HTTP: a year the package lacks is provisional and says so on every deadline counted
 * through it; the admin (only) enters the official schedule, bad schedules are refused with nothing stored, and
 * entering one recounts the open suggestions' deadlines into their timelines; the warning from 1 November.
 */
import { isWorkingDay } from '../../../core/calendar/workdays';
import { calendarSource, refreshCalendar } from '../../../core/calendar/calendar';
import { enterOfficialSchedule } from '../../../core/calendar/enterOfficialSchedule';
import { AuditModel } from '../../../models/audit';
import { CalendarDayModel, CalendarYearModel } from '../../../models/calendar';
import { SuggestionEventModel } from '../../../models/definitions';
import { startTestApi, type TestApi } from '../../helpers/api';
import { actor } from '../../helpers/core';
import { databaseKinds } from '../../helpers/db';

/** A made-up official schedule for 2027 (the real one is not published yet): a longer 春节 with a make-up Saturday. */
const OFFICIAL_2027 = {
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', ...['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((d) => `2027-02-${d}`), '2027-10-01', '2027-10-02', '2027-10-03'],
  workdays: ['2027-02-20'],
};

describe.each(databaseKinds())('the holiday calendar on %s', (kind) => {
  let api: TestApi;
  let tokens: Record<'admin' | 'office' | 'deputy' | 'housing', string>;
  const ids: { autumn: number; winter: number } = { autumn: 0, winter: 0 };

  /** A suggestion by deputy01 accepted and assigned to housing (finance co-handling) on `day`. */
  async function assignedOn(day: string, title: string): Promise<number> {
    api.clock.set(day);
    const deputy = await api.as('deputy01');
    const office = await api.as('office');
    const s = await deputy.createSuggestion({ title, body: '老旧小区没有电梯，老年人上下楼困难，建议加大补助。', submit: true });
    await office.act(s.id, 'accept');
    await office.act(s.id, 'assign', { lead: 'housing', co: ['finance'] });
    return s.id;
  }

  beforeAll(async () => {
    api = await startTestApi(kind);
    tokens = { admin: await api.token('admin'), office: await api.token('office'), deputy: await api.token('deputy01'), housing: await api.token('staff-housing') };
    ids.autumn = await assignedOn('2026-10-01', '关于老旧小区加装电梯的建议');
    ids.winter = await assignedOn('2026-11-06', '关于老旧小区冬季供暖的建议');
  });
  afterAll(() => api.close());

  test('2027, which the package lacks, is provisional: 元旦 and 除夕 to 初三 are holidays, no make-up days guessed', async () => {
    const { status, body } = await api.http('GET', '/api/calendar?year=2027', undefined, tokens.deputy);
    expect(status).toBe(200);
    expect(body).toMatchObject({ year: 2027, source: 'provisional', workdays: [] });
    expect(body.holidays).toEqual(expect.arrayContaining(['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-03']));
    expect(body.holidays).not.toContain('2027-02-09');
    // A year the package knows comes from it, with its make-up working days.
    const y2026 = (await api.http('GET', '/api/calendar?year=2026', undefined, tokens.deputy)).body;
    expect(y2026.source).toBe('package');
    expect(y2026.workdays).toEqual(expect.arrayContaining(['2026-01-04', '2026-10-10']));
    expect(y2026.holidays).toEqual(expect.arrayContaining(['2026-02-16', '2026-10-07']));
  });

  test('reading needs a sign-in; a bad year is a Chinese 400', async () => {
    expect((await api.http('GET', '/api/calendar?year=2027')).status).toBe(401);
    const bad = await api.http('GET', '/api/calendar?year=abc', undefined, tokens.deputy);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('年份应为四位数字');
    expect((await api.http('GET', '/api/calendar?year=1800', undefined, tokens.deputy)).body.error.message).toContain('年份应在 2000 到 2100 之间');
  });

  test('an assignment on 2026-10-01 is due on a working day of 2027 and is marked provisional', async () => {
    const d = (await api.http('GET', `/api/suggestions/${ids.autumn}`, undefined, tokens.housing)).body.deadlines;
    // 3 months on is 2027-01-01 (元旦), then a weekend: the first working day is Monday 4 January.
    expect(d.answerBy).toBe('2027-01-04');
    expect(isWorkingDay(d.answerBy)).toBe(true);
    expect(d.provisional).toBe(true);
    expect(d.provisionalNote).toContain('2027 年放假安排尚未公布');
    // The return window lies in 2026 (the package's National Day and its make-up Saturday 10-10), but the whole set is provisional.
    expect(d.returnBy).toBe('2026-10-15');
    const winter = (await api.http('GET', `/api/suggestions/${ids.winter}`, undefined, tokens.housing)).body.deadlines;
    // 2027-02-06 is 春节 (a Saturday); 02-07 and 02-08 are holidays too: due Tuesday 9 February.
    expect(winter).toMatchObject({ answerBy: '2027-02-09', provisional: true });
    // The date a list shows is marked on its own: the return window (within 2026) is certain, the answer date is not.
    expect(winter.next).toMatchObject({ kind: 'return', date: '2026-11-17', provisional: false });
    // The deputy who wrote it waits for the answer: the department's return window is not the deputy's next date.
    const asDeputy = (await api.http('GET', `/api/suggestions/${ids.winter}`, undefined, tokens.deputy)).body.deadlines;
    expect(asDeputy.next).toMatchObject({ kind: 'answer', date: '2027-02-09', provisional: true });
    expect(d.next).toMatchObject({ kind: 'answer', date: '2027-01-04', provisional: true });
    // The sentence saying who acts next marks the provisional day, and only that one.
    const next = (await api.http('GET', `/api/suggestions/${ids.winter}`, undefined, tokens.housing)).body.progress.next.text;
    expect(next).toContain('2027年2月9日（星期二，暂定）前答复');
    expect(next).toContain('请在2026年11月17日（星期二）前退回');
    expect((await api.http('GET', `/api/suggestions/${ids.autumn}`, undefined, tokens.housing)).body.progress.next.text).toContain('2027年1月4日（星期一，暂定）前');
    // A suggestion counted wholly within a known year is not provisional.
    api.clock.set('2026-03-02');
    const deputy = await api.as('deputy01');
    const s = await deputy.createSuggestion({ title: '关于增加公交线路的建议', body: '早晚高峰等车时间长。', submit: true });
    await (await api.as('office')).act(s.id, 'accept');
    const spring = await (await api.as('office')).act(s.id, 'assign', { lead: 'transport' });
    expect(spring.deadlines).toMatchObject({ answerBy: '2026-06-02', provisional: false, provisionalNote: null });
  });

  test('only the admin enters a schedule; office and deputies get 403 and nothing is stored', async () => {
    for (const who of [tokens.office, tokens.deputy, tokens.housing]) {
      const r = await api.http('PUT', '/api/calendar/2027', OFFICIAL_2027, who);
      expect(r.status).toBe(403);
      expect(r.body.error.message).toBe('只有管理员可以录入放假安排');
    }
    expect(await CalendarYearModel.count()).toBe(0);
    expect((await api.http('GET', '/api/calendar?year=2027', undefined, tokens.admin)).body.source).toBe('provisional');
  });

  test('a bad schedule is a Chinese 400 and nothing is stored', async () => {
    const cases: [unknown, string][] = [
      [{ ...OFFICIAL_2027, holidays: [...OFFICIAL_2027.holidays, '2026-12-31'] }, '这些日期不在 2027 年内：2026-12-31'],
      [{ ...OFFICIAL_2027, workdays: ['2027-02-20', '2027-02-07'] }, '同一天不能既放假又调休上班：2027-02-07'],
      [{ ...OFFICIAL_2027, holidays: ['2027-02-30'] }, '日期“2027-02-30”不存在'],
      [{ ...OFFICIAL_2027, holidays: ['2027/02/05'] }, '应写成 YYYY-MM-DD'],
      [{ ...OFFICIAL_2027, workdays: ['2027-02-17'] }, '调休上班日应是周六或周日'],
      [{ holidays: [] }, '请至少填写一个放假日期'],
      [{ ...OFFICIAL_2027, extra: 1 }, '不认识的字段：extra'],
      ['not json', '请求格式不对'],
    ];
    for (const [body, message] of cases) {
      const r = await api.http('PUT', '/api/calendar/2027', body, tokens.admin);
      expect([r.status, r.body.error.message]).toEqual([400, expect.stringContaining(message)]);
    }
    expect((await api.http('PUT', '/api/calendar/27', OFFICIAL_2027, tokens.admin)).body.error.message).toContain('年份应为四位数字');
    expect(await CalendarYearModel.count()).toBe(0);
    expect(await CalendarDayModel.count()).toBe(0);
    expect(await AuditModel.count({ where: { action: 'calendar.enter' } })).toBe(0);
    expect(calendarSource(2027)).toBe('provisional');
  });

  test('from 1 November the missing schedule for next year is warned about (calendar and dashboard)', async () => {
    api.clock.set('2026-10-31');
    expect((await api.http('GET', '/api/calendar?year=2027', undefined, tokens.deputy)).body).toMatchObject({ missingNextYear: false, warnings: [] });
    api.clock.set('2026-11-01T00:30:00+08:00'); // already 1 November in Beijing, still 31 October in UTC
    const cal = (await api.http('GET', '/api/calendar', undefined, tokens.deputy)).body;
    expect(cal.year).toBe(2026);
    expect(cal.missingNextYear).toBe(true);
    expect(cal.warnings[0]).toContain('2027 年放假安排尚未录入');
    const stats = (await api.http('GET', '/api/stats/suggestions', undefined, tokens.office)).body;
    expect(stats.warnings).toEqual([expect.stringContaining('2027 年放假安排尚未录入')]);
    // A detail says which day the API counts as today (the console records a 面商 on it): Beijing's date.
    expect((await api.http('GET', `/api/suggestions/${ids.autumn}`, undefined, tokens.housing)).body.today).toBe('2026-11-01');
  });

  test('entering the official schedule recounts open deadlines and writes who changed them into the timeline', async () => {
    api.clock.set('2026-12-10');
    const before = await SuggestionEventModel.count({ where: { suggestionId: ids.autumn } });
    const r = await api.http('PUT', '/api/calendar/2027', OFFICIAL_2027, tokens.admin);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2027, source: 'official', workdays: ['2027-02-20'], recounted: 1, missingNextYear: false, warnings: [] });
    expect(r.body.holidays).toEqual([...OFFICIAL_2027.holidays].sort());

    const winter = (await api.http('GET', `/api/suggestions/${ids.winter}`, undefined, tokens.housing)).body;
    // 02-06 … 02-13 are now all off: due Monday 15 February, no longer provisional.
    expect(winter.deadlines).toMatchObject({ answerBy: '2027-02-15', provisional: false, provisionalNote: null });
    const last = winter.timeline[winter.timeline.length - 1];
    expect(last).toMatchObject({ action: 'reschedule', label: '期限调整', actor: { role: 'admin' } });
    expect(last.note).toBe('2027 年放假安排公布，答复期限由 2027年2月9日 调整为 2027年2月15日');
    // The handling department hears of it.
    const inbox = (await api.http('GET', '/api/inbox', undefined, tokens.housing)).body.items;
    expect(inbox.find((i: { ref: { id: number } | null; kind: string }) => i.ref?.id === ids.winter && i.kind === 'suggestion.rescheduled')).toBeTruthy();
    // The autumn suggestion's deadlines did not move: no event for it.
    expect(await SuggestionEventModel.count({ where: { suggestionId: ids.autumn } })).toBe(before);
    expect((await api.http('GET', `/api/suggestions/${ids.autumn}`, undefined, tokens.housing)).body.deadlines).toMatchObject({ answerBy: '2027-01-04', provisional: false });
    // The make-up Saturday is a working day; the calendar reads back as entered.
    expect(isWorkingDay('2027-02-20')).toBe(true);
    expect(isWorkingDay('2027-02-12')).toBe(false);
    const cal = (await api.http('GET', '/api/calendar?year=2027', undefined, tokens.deputy)).body;
    expect(cal).toMatchObject({ source: 'official', workdays: ['2027-02-20'] });

    // The audit log keeps who entered it and the year before and after.
    const audit = (await AuditModel.findOne({ where: { action: 'calendar.enter', objectId: '2027' } }))!;
    expect(audit.username).toBe('admin');
    expect(JSON.parse(audit.before!)).toMatchObject({ source: 'provisional', workdays: [] });
    expect(JSON.parse(audit.after!)).toMatchObject({ source: 'official', workdays: ['2027-02-20'] });

    // Entering it again unchanged moves nothing and writes nothing.
    const again = await api.http('PUT', '/api/calendar/2027', OFFICIAL_2027, tokens.admin);
    expect(again.body.recounted).toBe(0);
    expect(await SuggestionEventModel.count({ where: { suggestionId: ids.winter, action: 'reschedule' } })).toBe(1);

    // A corrected schedule (one more day off) moves it again, and says it was an update.
    const corrected = await api.http('PUT', '/api/calendar/2027', { ...OFFICIAL_2027, holidays: [...OFFICIAL_2027.holidays, '2027-02-15'] }, tokens.admin);
    expect(corrected.body.recounted).toBe(1);
    const events = (await api.http('GET', `/api/suggestions/${ids.winter}`, undefined, tokens.housing)).body.timeline;
    expect(events[events.length - 1].note).toBe('2027 年放假安排更新，答复期限由 2027年2月15日 调整为 2027年2月16日');
  });

  test('a schedule another process entered is picked up; a failed recount stores nothing', async () => {
    // Another API process writes 2028 to the shared database.
    await CalendarYearModel.create({ year: 2028, version: 1, enteredByUserId: 1, createdAt: new Date(), updatedAt: new Date() });
    await CalendarDayModel.bulkCreate([{ day: '2028-01-03', year: 2028, kind: 'holiday' }]);
    expect(isWorkingDay('2028-01-03')).toBe(true);
    await refreshCalendar(0);
    expect(calendarSource(2028)).toBe('official');
    expect(isWorkingDay('2028-01-03')).toBe(false);

    const admin = await actor('admin');
    await expect(
      enterOfficialSchedule(api.core, admin, '2029', { year: '2029', holidays: ['2029-01-01'] }, {
        onChanged: async () => {
          throw new Error('recount failed');
        },
      }),
    ).rejects.toThrow('recount failed');
    expect(await CalendarYearModel.findByPk(2029)).toBeNull();
    expect(calendarSource(2029)).toBe('provisional');
  });
});
