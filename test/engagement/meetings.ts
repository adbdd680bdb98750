/** Meetings: invitations, RSVP and leave, check-in in its window, attendance, .ics, changes and reminders. */
import { NotificationModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import { sweepMeetingReminders } from '../../core/sweeps/reminders';
import { startTestApi, type TestApi } from '../helpers/api';
import { databaseKinds } from '../helpers/db';

describe.each(databaseKinds())('meetings on %s', (kind) => {
  let api: TestApi;
  let office: string;
  const dep: Record<string, string> = {};
  beforeAll(async () => {
    api = await startTestApi(kind);
    office = await api.token('office');
    for (const u of ['deputy01', 'deputy02', 'deputy03', 'deputy09']) dep[u] = await api.token(u);
  });
  afterAll(() => api.close());
  beforeEach(() => api.clock.set('2026-03-02T01:00:00Z')); // 09:00 in China

  const meeting = {
    kind: 'inspection',
    title: '老旧小区改造专题视察',
    agenda: '1. 听取汇报\n2. 实地察看',
    place: '张店区科苑街道便民服务中心',
    startsAt: '2026-03-05T09:00:00+08:00',
    endsAt: '2026-03-05T11:30:00+08:00',
    invitees: { users: ['deputy01', 'deputy02', 'deputy03'] },
  };
  const remindersOf = async (id: number) =>
    (await NotificationModel.findAll({ where: { refType: 'meeting', refId: id, kind: 'meeting.reminder' } })).map((n) => n.body);

  test('invite, attend, ask for leave, office decides, check in only inside the window, attendance and .ics', async () => {
    const created = await api.http('POST', '/api/meetings', meeting, office);
    expect(created.status).toBe(201);
    const id = created.body.id;
    const invitedInbox = (await api.http('GET', '/api/inbox', undefined, dep.deputy01)).body.items;
    expect(invitedInbox.some((n: { kind: string; ref: { id: number } }) => n.kind === 'meeting.invited' && n.ref.id === id)).toBe(true);

    expect((await api.http('POST', `/api/meetings/${id}/rsvp`, { attend: true }, dep.deputy01)).body).toEqual({ rsvp: 'attend' });
    expect((await api.http('POST', `/api/meetings/${id}/rsvp`, { leave: '在外地出差' }, dep.deputy02)).body).toEqual({ rsvp: 'leave' });
    expect((await api.http('POST', `/api/meetings/${id}/rsvp`, { attend: true }, dep.deputy09)).status).toBe(403);
    expect((await api.http('POST', `/api/meetings/${id}/rsvp`, { maybe: 1 }, dep.deputy01)).status).toBe(400);
    expect((await api.http('POST', `/api/meetings/${id}/leave-decision`, { user: 'deputy02', approve: true }, dep.deputy01)).status).toBe(403);
    expect((await api.http('POST', `/api/meetings/${id}/leave-decision`, { user: 'deputy02', approve: true }, office)).body).toEqual({ leaveState: 'approved' });

    const detail = (await api.http('GET', `/api/meetings/${id}`, undefined, office)).body;
    const code = detail.checkinCode;
    expect(code).toMatch(/^\d{6}$/);
    expect((await api.http('GET', `/api/meetings/${id}`, undefined, dep.deputy01)).body.checkinCode).toBeUndefined();

    // Too early: the day before, and 61 minutes before the start.
    const early = await api.http('POST', `/api/meetings/${id}/checkin`, { code }, dep.deputy01);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('还没到签到时间');
    api.clock.set('2026-03-04T23:59:00Z');
    expect((await api.http('POST', `/api/meetings/${id}/checkin`, { code }, dep.deputy01)).status).toBe(409);
    api.clock.set('2026-03-05T00:10:00Z');
    expect((await api.http('POST', `/api/meetings/${id}/checkin`, { code: '000000' }, dep.deputy01)).status).toBe(400);
    expect((await api.http('POST', `/api/meetings/${id}/checkin`, { code }, dep.deputy01)).body).toMatchObject({ again: false });
    expect((await api.http('POST', '/api/meetings/checkin', { code: ` ${code} ` }, dep.deputy03)).body).toMatchObject({ meetingId: id, title: meeting.title });
    api.clock.set('2026-03-05T01:30:00Z');
    expect((await api.http('POST', `/api/meetings/${id}/checkin`, { code }, dep.deputy01)).body).toMatchObject({ again: true });
    api.clock.set('2026-03-05T02:01:00Z');
    const late = await api.http('POST', `/api/meetings/${id}/checkin`, { code }, dep.deputy02);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('签到时间已过');

    const att = (await api.http('GET', `/api/meetings/${id}`, undefined, office)).body.attendance;
    expect(att).toMatchObject({ invited: 3, attending: 2, leave: 1, noAnswer: 0, checkedIn: 2, rate: 66.7, rateExcludingLeave: 100 });

    const ics = await fetch(`${api.url}/api/meetings/${id}/ics`, { headers: { authorization: `Bearer ${dep.deputy01}` } });
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const text = await ics.text();
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain('SUMMARY:老旧小区改造专题视察');
    expect(text).toContain('DTSTART:20260305T010000Z');
  });

  test('a rescheduled meeting moves its reminders; a cancelled one tells everybody', async () => {
    const id = (await api.http('POST', '/api/meetings', meeting, office)).body.id;
    api.clock.set('2026-03-04T02:00:00Z'); // 23 h before the start
    await sweepMeetingReminders(api.core);
    expect(await remindersOf(id)).toHaveLength(3);
    await sweepMeetingReminders(api.core);
    expect(await remindersOf(id)).toHaveLength(3);
    const moved = await api.http('PATCH', `/api/meetings/${id}`, { startsAt: '2026-03-06T09:00:00+08:00', endsAt: '2026-03-06T11:00:00+08:00' }, office);
    expect(moved.body.version).toBe(2);
    const changed = await NotificationModel.count({ where: { refType: 'meeting', refId: id, kind: 'meeting.changed' } });
    expect(changed).toBe(3);
    // Nothing is due now (47 h before the new start) …
    await sweepMeetingReminders(api.core);
    expect(await remindersOf(id)).toHaveLength(3);
    // … the day-before reminder comes again for the new time, then the hour-before one.
    api.clock.set('2026-03-05T02:00:00Z');
    await sweepMeetingReminders(api.core);
    expect(await remindersOf(id)).toHaveLength(6);
    api.clock.set('2026-03-06T00:30:00Z');
    await sweepMeetingReminders(api.core);
    const bodies = await remindersOf(id);
    expect(bodies).toHaveLength(9);
    expect(bodies.filter((b) => b.includes('3月6日'))).toHaveLength(6);

    expect((await api.http('POST', `/api/meetings/${id}/cancel`, { reason: '因故取消' }, office)).status).toBe(200);
    expect(await NotificationModel.count({ where: { refType: 'meeting', refId: id, kind: 'meeting.cancelled' } })).toBe(3);
    expect((await api.http('POST', `/api/meetings/${id}/rsvp`, { attend: true }, dep.deputy01)).status).toBe(409);
    expect((await api.http('PATCH', `/api/meetings/${id}`, { place: '别处' }, office)).status).toBe(409);
  });

  test('an approved leave gets no reminders; bad input is 400', async () => {
    const id = (await api.http('POST', '/api/meetings', meeting, office)).body.id;
    await api.http('POST', `/api/meetings/${id}/rsvp`, { leave: '住院' }, dep.deputy03);
    await api.http('POST', `/api/meetings/${id}/leave-decision`, { user: 'deputy03', approve: true }, office);
    api.clock.set('2026-03-05T00:30:00Z');
    await sweepMeetingReminders(api.core);
    expect(await remindersOf(id)).toHaveLength(2);
    const deputy03 = (await UserModel.findOne({ where: { username: 'deputy03' } }))!;
    expect(await NotificationModel.count({ where: { refType: 'meeting', refId: id, kind: 'meeting.reminder', userId: deputy03.id } })).toBe(0);
    expect((await api.http('POST', '/api/meetings', { ...meeting, endsAt: '2026-03-05T08:00:00+08:00' }, office)).status).toBe(400);
    expect((await api.http('POST', '/api/meetings', { ...meeting, startsAt: '明天上午' }, office)).status).toBe(400);
    expect((await api.http('POST', '/api/meetings', meeting, dep.deputy01)).status).toBe(403);
  });
});
