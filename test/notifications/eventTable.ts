/**
 * The event → audience table, tested as a table: for every event type, the real use case (through the API, or the
 * sweep that raises it) runs on the seeded demo city, and we check exactly who got an inbox entry and which push
 * channels got outbox rows. deputy01 and citizen01 have linked WeChat, so they also get WeChat rows.
 */
import { EVENT_TYPES, type EventType } from '../../core/notifications/eventTable';
import { sweepCoOpinions, sweepDeadlineWarnings, sweepOverdue, sweepRedo } from '../../core/suggestions/clocks';
import { sweepMeetingReminders, sweepQuestionnaireReminders } from '../../core/sweeps/reminders';
import { StationModel, SuggestionModel, UserModel } from '../../models/definitions';
import { NotificationModel, OutboxModel } from '../../models/engagement';
import { startTestApi, type TestApi } from '../helpers/api';
import { databaseKinds } from '../helpers/db';

/** username → the channels that reached them, e.g. `inbox chat wechat`. */
type Heard = Record<string, string>;

interface Case {
  /** Runs the use case; returns the id of the event's subject. */
  trigger: () => Promise<number>;
  /** The inbox kind, when it is not the event type. */
  kind?: string;
  heard: Heard;
}

describe.each(databaseKinds())('event → audience table on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
    await UserModel.update({ wechatOpenid: 'o-deputy01' }, { where: { username: 'deputy01' } });
    await UserModel.update({ wechatOpenid: 'o-citizen01' }, { where: { username: 'citizen01' } });
  });
  afterAll(() => api.close());

  const call = async (user: string, method: string, path: string, body?: unknown) => {
    const r = await api.http(method, path, body, await api.token(user));
    if (r.status >= 300) throw new Error(`${user} ${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const act = (user: string, id: number, action: string, body: unknown = {}) => call(user, 'POST', `/api/suggestions/${id}/${action}`, body);
  const elevator = { title: '关于加快老旧小区加装电梯的建议', body: '很多老旧小区没有电梯，老年人上下楼困难，建议简化审批、加大补助。' };
  const suggest = async (submit = true, cosigners = ['deputy02']) => (await call('deputy01', 'POST', '/api/suggestions', { ...elevator, cosigners, submit })).id as number;
  const opinion = async (to: { deputy: string } | { station: number }, who = 'citizen01') =>
    (await call(who, 'POST', '/api/suggestions', { title: '小区门口路灯坏了', body: '和平路小区门口的路灯坏了一个月，晚上出行不安全。', ...to, submit: true })).id as number;
  /** deputy01's suggestion (co-signed by deputy02), assigned to housing (lead) and finance (co). */
  const assigned = async () => {
    const id = await suggest();
    await act('office', id, 'accept');
    await act('office', id, 'assign', { lead: 'housing', co: ['finance'] });
    return id;
  };
  const handling = async () => {
    const id = await assigned();
    await act('staff-housing', id, 'sign');
    return id;
  };
  const answered = async () => {
    const id = await handling();
    // An answer needs the co-handler's opinion and a consultation with the deputy on record.
    await act('staff-finance', id, 'opinion', { opinion: '同意安排补助资金。' });
    await act('staff-housing', id, 'consult', { method: 'phone', happenedOn: '2026-03-02', summary: '电话联系代表。' });
    await act('staff-housing', id, 'publish-answer', { answerClass: 'B', text: '已列入明年老旧小区改造计划。' });
    return id;
  };
  /** An answered suggestion rated 不满意 twice: waiting for the office's decision. */
  const awaitingOffice = async () => {
    const id = await answered();
    await act('deputy01', id, 'rate', { rating: 'dissatisfied', comment: '补助标准没有说清楚' });
    await act('staff-housing', id, 'publish-answer', { answerClass: 'B', text: '补助标准见附件。' });
    await act('deputy01', id, 'rate', { rating: 'dissatisfied', comment: '还是没有落实' });
    return id;
  };
  /** An accepted suggestion deputy09 asked to join. */
  const joinRequested = async () => {
    const id = await suggest();
    await act('office', id, 'accept');
    await act('deputy09', id, 'join', { note: '我所在选区也有同样问题' });
    return id;
  };
  const dueOn = async (id: number, field: 'coOpinionDueOn' | 'redoDueOn') => (await SuggestionModel.findByPk(id))![field]!;
  const at = async <T>(iso: string, fn: () => Promise<T>): Promise<T> => {
    const before = api.clock.now().toISOString();
    api.clock.set(iso);
    try {
      return await fn();
    } finally {
      api.clock.set(before);
    }
  };
  const meeting = async () =>
    (
      await call('office', 'POST', '/api/meetings', {
        kind: 'inspection',
        title: '老旧小区改造专题视察',
        place: '张店区科苑街道便民服务中心',
        startsAt: '2026-03-05T09:00:00+08:00',
        endsAt: '2026-03-05T11:30:00+08:00',
        invitees: { users: ['deputy01', 'deputy03'] },
      })
    ).id as number;
  const survey = async () =>
    (
      await call('office', 'POST', '/api/questionnaires', {
        kind: 'survey',
        title: '代表履职服务满意度调查',
        closesAt: '2026-03-09T10:00:00+08:00',
        audience: { users: ['deputy01', 'deputy04'] },
        questions: [{ id: 'q1', type: 'rating', title: '总体评分' }],
      })
    ).id as number;
  const stationOf = async (username: string) => (await UserModel.findOne({ where: { username } }))!.stationId!;

  const PUSH = 'inbox chat';
  const ALL = 'inbox chat wechat';
  const CITIZEN = 'inbox wechat';
  const INBOX = 'inbox';

  const cases: Record<EventType, Case> = {
    'suggestion.submitted': { trigger: () => suggest(), heard: { office: PUSH, 'office-zhangdian': PUSH } },
    'cosigner.added': { trigger: () => suggest(true, ['deputy02', 'deputy03']), heard: { deputy02: PUSH, deputy03: PUSH } },
    'cosigner.answered': {
      trigger: async () => {
        const id = await suggest();
        await act('deputy02', id, 'cosign', { accept: true });
        return id;
      },
      heard: { deputy01: ALL },
    },
    'cosigner.join_requested': { trigger: joinRequested, heard: { deputy01: ALL } },
    'cosigner.join_decided': {
      trigger: async () => {
        const id = await joinRequested();
        await act('deputy01', id, 'decide-join', { user: 'deputy09', approve: true });
        return id;
      },
      heard: { deputy09: PUSH },
    },
    'opinion.received': { trigger: () => opinion({ deputy: 'deputy05' }), heard: { deputy05: PUSH } },
    'opinion.forwarded': {
      trigger: async () => {
        const id = await opinion({ deputy: 'deputy05' });
        await act('deputy05', id, 'forward', { note: '这个问题很普遍，作为建议提出' });
        return id;
      },
      heard: { citizen01: CITIZEN, office: PUSH, 'office-zichuan': PUSH },
    },
    'opinion.replied': {
      trigger: async () => {
        const id = await opinion({ deputy: 'deputy05' });
        await act('deputy05', id, 'reply', { text: '已联系街道，本周内修好。' });
        return id;
      },
      heard: { citizen01: CITIZEN },
    },
    'suggestion.withdrawn': {
      trigger: async () => {
        const id = await suggest();
        await act('deputy01', id, 'withdraw', { reason: '重复提交' });
        return id;
      },
      heard: { office: INBOX, 'office-zhangdian': INBOX },
    },
    'suggestion.accepted': {
      trigger: async () => {
        const id = await suggest();
        await act('office', id, 'accept');
        return id;
      },
      heard: { deputy01: ALL, deputy02: PUSH },
    },
    'suggestion.rejected': {
      trigger: async () => {
        const id = await suggest();
        await act('office', id, 'reject', { reason: '属于企业经营事项，作为参阅件' });
        return id;
      },
      heard: { deputy01: ALL, deputy02: PUSH },
    },
    'suggestion.assigned': { trigger: assigned, heard: { 'staff-housing': PUSH, 'staff-finance': PUSH, deputy01: ALL, deputy02: PUSH } },
    'suggestion.signed': { trigger: handling, heard: { deputy01: INBOX } },
    'suggestion.returned': {
      trigger: async () => {
        const id = await assigned();
        await act('staff-housing', id, 'return', { reason: '不属于本单位职责' });
        return id;
      },
      heard: { office: PUSH, 'office-zhangdian': PUSH },
    },
    'co_opinion.received': {
      trigger: async () => {
        const id = await handling();
        await act('staff-finance', id, 'opinion', { opinion: '同意安排补助资金。' });
        return id;
      },
      heard: { 'staff-housing': PUSH },
    },
    'consultation.recorded': {
      trigger: async () => {
        const id = await handling();
        await act('staff-housing', id, 'consult', { method: 'phone', happenedOn: '2026-03-02', summary: '电话联系代表' });
        return id;
      },
      heard: { deputy01: INBOX },
    },
    'extension.requested': {
      trigger: async () => {
        const id = await handling();
        await act('staff-housing', id, 'request-extension', { months: 1, reason: '需要财政预算安排' });
        return id;
      },
      heard: { office: PUSH, 'office-zhangdian': PUSH },
    },
    'extension.decided': {
      trigger: async () => {
        const id = await handling();
        await act('staff-housing', id, 'request-extension', { months: 1, reason: '需要财政预算安排' });
        await act('office', id, 'decide-extension', { approve: true });
        return id;
      },
      heard: { 'staff-housing': PUSH, deputy01: INBOX },
    },
    'suggestion.answered': { trigger: answered, heard: { deputy01: ALL, deputy02: PUSH } },
    'suggestion.dissatisfied': {
      trigger: async () => {
        const id = await answered();
        await act('deputy01', id, 'rate', { rating: 'dissatisfied', comment: '补助标准没有说清楚' });
        return id;
      },
      heard: { 'staff-housing': PUSH, office: INBOX, 'office-zhangdian': INBOX },
    },
    'suggestion.awaiting_office': { trigger: awaitingOffice, heard: { office: PUSH, 'office-zhangdian': PUSH, 'staff-housing': INBOX } },
    'suggestion.redo_ordered': {
      trigger: async () => {
        const id = await awaitingOffice();
        await act('office-zhangdian', id, 'decide-redo', { redo: true, note: '请再次研究补助标准' });
        return id;
      },
      heard: { 'staff-housing': PUSH, deputy01: INBOX },
    },
    'suggestion.rated': {
      trigger: async () => {
        const id = await answered();
        await act('deputy01', id, 'rate', { rating: 'satisfied' });
        return id;
      },
      heard: { 'staff-housing': INBOX },
    },
    'suggestion.closed': {
      trigger: async () => {
        const id = await answered();
        await act('office', id, 'close', { note: '代表逾期未测评，办结' });
        return id;
      },
      heard: { deputy01: INBOX, deputy02: INBOX },
    },
    'suggestion.urge': {
      trigger: async () => {
        const id = await handling();
        await act('office', id, 'urge', { note: '请抓紧办理' });
        return id;
      },
      // The office that urged is not told of its own urge; the district office is.
      heard: { 'staff-housing': PUSH, 'staff-finance': PUSH, 'office-zhangdian': PUSH },
    },
    'suggestion.order': {
      trigger: async () => {
        const id = await handling(); // answer due 2026-06-02
        await at('2026-06-03', () => sweepOverdue(api.core));
        await at('2026-06-10', () => sweepOverdue(api.core));
        return id;
      },
      heard: { 'staff-housing': PUSH, 'staff-finance': PUSH, office: PUSH, 'office-zhangdian': PUSH },
    },
    'suggestion.deadline': {
      trigger: async () => {
        const id = await handling();
        await at('2026-05-22', () => sweepDeadlineWarnings(api.core));
        return id;
      },
      heard: { 'staff-housing': PUSH, 'staff-finance': PUSH },
    },
    'suggestion.co-opinion': {
      trigger: async () => {
        const id = await handling();
        await at(await dueOn(id, 'coOpinionDueOn'), () => sweepCoOpinions(api.core));
        return id;
      },
      heard: { 'staff-finance': PUSH },
    },
    'suggestion.redo-due': {
      trigger: async () => {
        const id = await answered();
        await act('deputy01', id, 'rate', { rating: 'dissatisfied', comment: '补助标准没有说清楚' });
        await at(await dueOn(id, 'redoDueOn'), () => sweepRedo(api.core));
        return id;
      },
      heard: { 'staff-housing': PUSH },
    },
    'meeting.invited': { trigger: meeting, heard: { deputy01: ALL, deputy03: PUSH } },
    'meeting.changed': {
      trigger: async () => {
        const id = await meeting();
        await call('office', 'PATCH', `/api/meetings/${id}`, { place: '张店区人大常委会第一会议室' });
        return id;
      },
      heard: { deputy01: ALL, deputy03: PUSH },
    },
    'meeting.cancelled': {
      trigger: async () => {
        const id = await meeting();
        await call('office', 'POST', `/api/meetings/${id}/cancel`, { reason: '因天气原因取消' });
        return id;
      },
      heard: { deputy01: ALL, deputy03: PUSH },
    },
    'meeting.leave': {
      trigger: async () => {
        const id = await meeting();
        await call('deputy03', 'POST', `/api/meetings/${id}/rsvp`, { leave: '在外地出差' });
        return id;
      },
      heard: { office: PUSH },
    },
    'meeting.leave-decided': {
      trigger: async () => {
        const id = await meeting();
        await call('deputy03', 'POST', `/api/meetings/${id}/rsvp`, { leave: '在外地出差' });
        await call('office', 'POST', `/api/meetings/${id}/leave-decision`, { user: 'deputy03', approve: true });
        return id;
      },
      heard: { deputy03: PUSH },
    },
    'meeting.reminder': {
      trigger: async () => {
        const id = await meeting();
        await call('deputy03', 'POST', `/api/meetings/${id}/rsvp`, { leave: '在外地出差' });
        await call('office', 'POST', `/api/meetings/${id}/leave-decision`, { user: 'deputy03', approve: true });
        await at('2026-03-04T02:00:00Z', () => sweepMeetingReminders(api.core));
        return id;
      },
      // deputy03's leave was approved: no reminder.
      heard: { deputy01: ALL },
    },
    'questionnaire.published': { trigger: survey, kind: 'survey.published', heard: { deputy01: ALL, deputy04: PUSH } },
    'questionnaire.reminder': {
      trigger: async () => {
        const id = await survey();
        await call('deputy01', 'POST', `/api/questionnaires/${id}/answers`, { answers: { q1: 5 } });
        await at('2026-03-08T04:00:00Z', () => sweepQuestionnaireReminders(api.core));
        return id;
      },
      kind: 'survey.reminder',
      heard: { deputy04: PUSH },
    },
    'notice.published': {
      trigger: async () => (await call('office', 'POST', '/api/notices', { title: '关于召开代表座谈会的通知', body: '周五下午三点', audience: { users: ['deputy01', 'staff-edu'] } })).id,
      kind: 'notice',
      heard: { deputy01: ALL, 'staff-edu': PUSH },
    },
    // Last: entering 2027's official schedule changes the process's calendar for what follows.
    'suggestion.rescheduled': {
      trigger: async () => {
        const id = await at('2026-11-06', assigned); // due in February 2027, counted on the provisional calendar
        const holidays = ['2027-01-01', '2027-01-02', '2027-01-03', ...['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((d) => `2027-02-${d}`)];
        await at('2026-12-10', () => call('admin', 'PUT', '/api/calendar/2027', { holidays, workdays: ['2027-02-20'] }));
        return id;
      },
      heard: { 'staff-housing': PUSH, 'staff-finance': PUSH, deputy01: INBOX },
    },
  };

  test('every event type in the table has a row here', () => {
    expect(Object.keys(cases).sort()).toEqual([...EVENT_TYPES].sort());
  });

  /** Who heard of `kind` about subject `refId` since notification `after`, on which channels. */
  const heardSince = async (after: number, kind: string, refId: number): Promise<Heard> => {
    const notes = (await NotificationModel.findAll({ where: { kind, refId } })).filter((n) => n.id > after);
    const users = new Map((await UserModel.findAll({ where: { id: notes.map((n) => n.userId) } })).map((u) => [u.id, u.username]));
    const rows = await OutboxModel.findAll({ where: { notificationId: notes.map((n) => n.id) } });
    return Object.fromEntries(
      notes.map((n) => {
        const channels = rows.filter((r) => r.notificationId === n.id).map((r) => r.channel);
        return [users.get(n.userId)!, ['inbox', ...['chat', 'wechat'].filter((c) => channels.includes(c))].join(' ')];
      }),
    );
  };

  test('deadlines in a notice are written as dates people read, marked （暂定） when counted through an unpublished year', async () => {
    const inboxOf = async (who: string, id: number) =>
      ((await api.http('GET', '/api/inbox', undefined, await api.token(who))).body.items as { ref: { id: number }; body: string }[]).find((n) => n.ref.id === id)!.body;
    const spring = await assigned();
    expect(await inboxOf('staff-housing', spring)).toMatch(/^请在2026年3月\d+日前签收或退回，答复期限2026年6月2日。$/);
    // Before the table: its last case enters 2027's official schedule.
    const before = api.clock.now().toISOString();
    try {
      // Assigned at the end of 2026: three months of working days run into 2027, whose holidays the package does not know.
      api.clock.set('2026-11-30T02:00:00Z');
      const late = await assigned();
      expect(await inboxOf('staff-housing', late)).toMatch(/^请在2026年12月\d+日前签收或退回，答复期限2027年\d+月\d+日（暂定）。$/);
    } finally {
      api.clock.set(before);
    }
  });

  test('a day written in a note reaches a person as a date people read (a consultation on 2026-03-02: 2026年3月2日)', async () => {
    const id = await handling();
    await act('staff-housing', id, 'consult', { method: 'phone', happenedOn: '2026-03-02', summary: '电话联系代表，约定 2026-03-09 再议' });
    const items = (await api.http('GET', '/api/inbox', undefined, await api.token('deputy01'))).body.items as { ref: { id: number }; title: string; body: string }[];
    expect(items.find((n) => n.ref.id === id && n.title.startsWith('面商记录'))!.body).toBe('2026年3月2日 电话：电话联系代表，约定 2026年3月9日 再议');
  });

  test.each(Object.entries(cases))('%s', async (type, c) => {
    const after = (await NotificationModel.max<number, NotificationModel>('id')) ?? 0;
    const refId = await c.trigger();
    expect(await heardSince(after, c.kind ?? type, refId)).toEqual(c.heard);
  });

  test('an opinion to a station reaches every deputy of that station', async () => {
    const station = await stationOf('deputy01');
    const deputies = await UserModel.findAll({ where: { role: 'deputy', stationId: station } });
    expect(deputies.length).toBeGreaterThan(1);
    const after = (await NotificationModel.max<number, NotificationModel>('id')) ?? 0;
    const id = await opinion({ station }, 'citizen02');
    const heard = await heardSince(after, 'opinion.received', id);
    expect(Object.keys(heard).sort()).toEqual(deputies.map((d) => d.username).sort());
    const inbox = (await api.http('GET', '/api/inbox', undefined, await api.token('deputy01'))).body.items;
    expect(inbox[0]).toMatchObject({ kind: 'opinion.received', title: '群众意见：小区门口路灯坏了' });
    expect(inbox[0].body).toContain(`向${(await StationModel.findByPk(station))!.name}反映`);
  });

});
