/**
 * Who hears of what: the one table of domain events → audiences, channels, urgency and the Chinese text each
 * audience reads. Use cases only `emit` events (fixed English codes); `publishEvents` looks them up here.
 *
 * Channels: the inbox always; chat and WeChat (`PUSH`) as far as the person has them and has not turned them off.
 * Quiet hours (22:00–07:00) defer pushes that are not urgent. The person who caused a suggestion event is never
 * told of it; the invitees of a meeting and the recipients of a notice or questionnaire always are.
 */
import type { AnswerClass, QuestionnaireKind } from '../../contracts/enums';
import { ANSWER_CLASS_LABELS, MEETING_KIND_LABELS, QUESTIONNAIRE_KIND_LABELS } from '../../contracts/labels';
import { chinaTime, dueDate } from '../../contracts/format';
import { provisionalDue } from '../suggestions/deadlines';
import type { Channel } from './policy';
import {
  MEETING_AUDIENCES,
  NOTICE_AUDIENCES,
  QUESTIONNAIRE_AUDIENCES,
  SUGGESTION_AUDIENCES,
  type MeetingView,
  type NoticeView,
  type QuestionnaireView,
  type SuggestionView,
} from './eventSubjects';


/** A suggestion's deadline in a notice: 2027年3月1日, （暂定） when counted through an unpublished year. */
const dueDay = (s: { assignedOn: string | null }, date: string | null) => dueDate(date, provisionalDue(s.assignedOn, date));
/** Every channel. */
export const ALL: readonly Channel[] = ['inbox', 'chat', 'wechat'];
/** Only the inbox: things worth knowing that need no push. */
export const INBOX: readonly Channel[] = ['inbox'];

/** One audience of one event: who, on which channels, how urgent, and what they read. */
export interface Rule<V, A extends string> {
  to: A;
  /** Only when this holds (default: always). */
  when?: (v: V) => boolean;
  channels: readonly Channel[];
  /** Urgent pushes go out during quiet hours too. */
  urgent?: (v: V) => boolean;
  say: (v: V) => { title: string; body: string };
}

/** One event type: its audiences and the cause key that keeps a person from hearing of it twice. */
export interface Row<V, A extends string> {
  /** The inbox kind, when it is not the event type itself (kept as the inbox has always shown it). */
  kind?: (v: V) => string;
  /** The cause; an event's `data.key` overrides it. */
  key: (v: V) => string;
  rules: Rule<V, A>[];
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const names = (v: SuggestionView, which: 'lead' | 'co') => v[which].map((a) => v.departments.get(a.departmentId) ?? '').filter(Boolean).join('、');
const byEvent = (v: SuggestionView) => `suggestion-event:${String(v.data.eventId)}`;
const always = () => true;
const within = (ms: number) => (v: MeetingView) => v.m.startsAt.getTime() - v.now.getTime() <= ms && v.m.startsAt.getTime() > v.now.getTime() - ms;

type SA = keyof typeof SUGGESTION_AUDIENCES;
type S = Row<SuggestionView, SA>;

/** The people a suggestion belongs to: its deputy, co-signers and the citizen who started it. */
const owners = (say: Rule<SuggestionView, SA>['say'], channels: readonly Channel[] = ALL): Rule<SuggestionView, SA>[] => [
  { to: 'deputy', channels, say },
  { to: 'cosigners', channels, say },
  { to: 'citizen', channels, say },
];

const newForReview = (v: SuggestionView) => ({ title: `新建议待审查：${v.s.title}`, body: `${v.actor?.name ?? ''}代表提交了建议，请审查是否立案。` });

/** Suggestion events. */
export const SUGGESTION_EVENTS = {
  'suggestion.submitted': { key: byEvent, rules: [{ to: 'office', channels: ALL, say: newForReview }] },
  'cosigner.added': {
    key: (v) => `cosigner-added:${v.s.id}`,
    rules: [{ to: 'invited', channels: ALL, say: (v) => ({ title: `邀请你附议：${v.s.title}`, body: `${v.actor?.name ?? ''}代表邀请你附议这件建议，请打开建议选择同意附议或谢绝。` }) }],
  },
  'cosigner.answered': {
    key: byEvent,
    rules: [{ to: 'deputy', channels: ALL, say: (v) => ({ title: `附议答复：${v.s.title}`, body: v.note }) }],
  },
  'cosigner.join_requested': {
    key: byEvent,
    rules: [{ to: 'deputy', channels: ALL, say: (v) => ({ title: `附议申请：${v.s.title}`, body: `${v.note}。请打开建议选择同意或谢绝。` }) }],
  },
  'cosigner.join_decided': {
    key: byEvent,
    rules: [
      {
        to: 'person',
        channels: ALL,
        say: (v) => ({ title: `${v.data.approve ? '领衔代表同意你附议' : '领衔代表谢绝了你的附议申请'}：${v.s.title}`, body: v.note }),
      },
    ],
  },
  'opinion.received': {
    key: byEvent,
    rules: [
      {
        to: 'addressed',
        channels: ALL,
        say: (v) => ({
          title: `群众意见：${v.s.title}`,
          body: `${v.actor?.name ?? '群众'}${v.station ? `向${v.station.name}` : '向你'}反映：${clip(v.s.body)}。请回复，或转为代表建议。`,
        }),
      },
    ],
  },
  'opinion.forwarded': {
    key: byEvent,
    rules: [
      { to: 'citizen', channels: ALL, say: (v) => ({ title: `你的意见已转为代表建议：${v.s.title}`, body: `${v.actor?.name ?? ''}代表已把你的意见作为建议提出，你可以继续查看办理进展。` }) },
      { to: 'office', channels: ALL, say: newForReview },
    ],
  },
  'opinion.replied': {
    key: byEvent,
    rules: [{ to: 'citizen', channels: ALL, say: (v) => ({ title: `代表回复了你的意见：${v.s.title}`, body: `${v.actor?.name ?? ''}：${v.note}` }) }],
  },
  'suggestion.withdrawn': {
    key: byEvent,
    rules: [
      { to: 'office', when: (v) => v.data.from !== 'received', channels: INBOX, say: (v) => ({ title: `建议已撤回：${v.s.title}`, body: v.note || `${v.actor?.name ?? ''}撤回了这件建议。` }) },
      { to: 'addressed', when: (v) => v.data.from === 'received', channels: INBOX, say: (v) => ({ title: `群众意见已撤回：${v.s.title}`, body: v.note || `${v.actor?.name ?? ''}撤回了这条意见。` }) },
    ],
  },
  'suggestion.accepted': {
    key: byEvent,
    rules: owners((v) => ({ title: `建议已立案：${v.s.title}`, body: `人大常委会已立案，将交有关单位办理。${v.note}` })),
  },
  'suggestion.rejected': {
    key: byEvent,
    rules: owners((v) => ({ title: `建议未立案，作为参阅件：${v.s.title}`, body: `理由：${v.note}` })),
  },
  'suggestion.assigned': {
    key: byEvent,
    rules: [
      { to: 'handlers', channels: ALL, say: (v) => ({ title: `新交办建议：${v.s.title}`, body: `请在${dueDay(v.s, v.s.returnDueOn)}前签收或退回，答复期限${dueDay(v.s, v.s.answerDueOn)}。` }) },
      ...owners((v) => ({ title: `建议已交办：${v.s.title}`, body: `主办单位：${names(v, 'lead')}${v.co.length ? `；协办单位：${names(v, 'co')}` : ''}。答复期限${dueDay(v.s, v.s.answerDueOn)}。` })),
    ],
  },
  'suggestion.signed': {
    key: byEvent,
    rules: [{ to: 'deputy', when: (v) => v.data.role === 'lead', channels: INBOX, say: (v) => ({ title: `承办单位已签收：${v.s.title}`, body: `${names(v, 'lead')}已签收，开始办理。` }) }],
  },
  'suggestion.returned': {
    key: byEvent,
    rules: [
      { to: 'office', channels: ALL, say: (v) => ({ title: `建议被退回：${v.s.title}`, body: v.note }) },
      { to: 'lead', when: (v) => v.data.role === 'co', channels: INBOX, say: (v) => ({ title: `协办单位退回：${v.s.title}`, body: v.note }) },
    ],
  },
  'co_opinion.received': {
    key: byEvent,
    rules: [{ to: 'lead', channels: ALL, say: (v) => ({ title: `协办意见已送达：${v.s.title}`, body: `${(v.actor?.departmentId && v.departments.get(v.actor.departmentId)) || '协办单位'}：${clip(v.note, 80)}` }) }],
  },
  'consultation.recorded': {
    key: byEvent,
    rules: [{ to: 'deputy', channels: INBOX, say: (v) => ({ title: `面商记录：${v.s.title}`, body: v.note }) }],
  },
  'extension.requested': {
    key: byEvent,
    rules: [{ to: 'office', channels: ALL, say: (v) => ({ title: `延期申请待审批：${v.s.title}`, body: v.note }) }],
  },
  'extension.decided': {
    key: byEvent,
    rules: [
      { to: 'lead', channels: ALL, say: (v) => ({ title: `延期申请已审批：${v.s.title}`, body: v.note }) },
      { to: 'deputy', when: (v) => v.data.approve === true, channels: INBOX, say: (v) => ({ title: `答复期限已延长：${v.s.title}`, body: `承办单位申请延期获批，答复期限改为${dueDay(v.s, v.s.answerDueOn)}。` }) },
    ],
  },
  'suggestion.answered': {
    key: byEvent,
    rules: owners((v) => {
      const cls = v.data.answerClass as AnswerClass | undefined;
      return { title: `建议已答复：${v.s.title}`, body: cls ? `答复类别：${cls} 类（${ANSWER_CLASS_LABELS[cls]}），请查看并测评。` : '请查看答复并测评。' };
    }),
  },
  'suggestion.dissatisfied': {
    key: byEvent,
    rules: [
      { to: 'lead', channels: ALL, say: (v) => ({ title: `代表对答复不满意：${v.s.title}`, body: `${v.note}。请在${dueDay(v.s, v.s.redoDueOn)}前重新答复。` }) },
      { to: 'office', channels: INBOX, say: (v) => ({ title: `代表对答复不满意：${v.s.title}`, body: `${v.note}。第 ${v.s.round} 轮办理。` }) },
    ],
  },
  'suggestion.awaiting_office': {
    key: byEvent,
    rules: [
      { to: 'office', channels: ALL, say: (v) => ({ title: `代表再次不满意，请决定办结或重新办理：${v.s.title}`, body: v.note }) },
      { to: 'lead', channels: INBOX, say: (v) => ({ title: `代表对重新答复仍不满意：${v.s.title}`, body: `${v.note}。由人大机关决定办结或再次办理。` }) },
    ],
  },
  'suggestion.redo_ordered': {
    key: byEvent,
    rules: [
      { to: 'lead', channels: ALL, say: (v) => ({ title: `人大机关要求再次重新办理：${v.s.title}`, body: `${v.note}。请在${dueDay(v.s, v.s.redoDueOn)}前答复。` }) },
      { to: 'deputy', channels: INBOX, say: (v) => ({ title: `人大机关已要求再次办理：${v.s.title}`, body: v.note }) },
    ],
  },
  'suggestion.rated': {
    key: byEvent,
    rules: [{ to: 'lead', channels: INBOX, say: (v) => ({ title: `测评结果：${v.s.title}`, body: `${v.actor?.name ?? ''}：${v.note}` }) }],
  },
  'suggestion.closed': {
    key: byEvent,
    rules: owners((v) => ({ title: `建议已办结：${v.s.title}`, body: v.note || '办结' }), INBOX),
  },
  'suggestion.urge': {
    key: byEvent,
    rules: [
      { to: 'handlers', channels: ALL, urgent: always, say: (v) => ({ title: `催办通知：${v.s.title}`, body: v.note }) },
      { to: 'office', channels: ALL, urgent: always, say: (v) => ({ title: `催办通知：${v.s.title}`, body: v.note }) },
    ],
  },
  'suggestion.order': {
    key: byEvent,
    rules: [
      { to: 'handlers', channels: ALL, urgent: always, say: (v) => ({ title: `责令书：${v.s.title}`, body: v.note }) },
      { to: 'office', channels: ALL, urgent: always, say: (v) => ({ title: `责令书：${v.s.title}`, body: v.note }) },
    ],
  },
  'suggestion.rescheduled': {
    key: byEvent,
    rules: [
      { to: 'handlers', channels: ALL, say: (v) => ({ title: `办理期限调整：${v.s.title}`, body: v.note }) },
      { to: 'deputy', channels: INBOX, say: (v) => ({ title: `办理期限调整：${v.s.title}`, body: v.note }) },
    ],
  },
  'suggestion.deadline': {
    key: (v) => `deadline:${v.s.id}:${v.s.round}:${v.s.answerDueOn}:${String(v.data.level)}`,
    rules: [{ to: 'handlers', channels: ALL, say: (v) => ({ title: `答复期限提醒：${v.s.title}`, body: `还有 ${String(v.data.left)} 个工作日到答复期限（${dueDay(v.s, v.s.answerDueOn)}）。` }) }],
  },
  'suggestion.co-opinion': {
    key: (v) => `co-opinion:${v.s.id}:${v.s.coOpinionDueOn}:${v.data.late ? 'late' : 'soon'}`,
    rules: [
      {
        to: 'pendingCo',
        channels: ALL,
        say: (v) => ({ title: `协办意见${v.data.late ? '已超期' : '即将到期'}：${v.s.title}`, body: `请在${dueDay(v.s, v.s.coOpinionDueOn)}前向主办单位提交协办意见。` }),
      },
    ],
  },
  'suggestion.redo-due': {
    key: (v) => `redo:${v.s.id}:${v.s.round}:${v.s.redoDueOn}`,
    rules: [{ to: 'lead', channels: ALL, say: (v) => ({ title: `重新答复即将到期：${v.s.title}`, body: `代表不满意后的重新答复期限为${dueDay(v.s, v.s.redoDueOn)}。` }) }],
  },
} satisfies Record<string, S>;

/** The office's own text (a meeting's agenda, a survey's description) for a notification body: "议程：…。", clipped. */
function officeText(label: string, text: string | null | undefined, max = 600): string {
  const t = (text ?? '').trim();
  if (!t) return '';
  const clipped = t.length > max ? `${t.slice(0, max - 1)}…` : t;
  return `${label}：${clipped}${/[。！？.!?…]$/.test(clipped) ? '' : '。'}`;
}

type MA = keyof typeof MEETING_AUDIENCES;
type M = Row<MeetingView, MA>;
const HOUR = 3_600_000;

/** Meeting events. */
export const MEETING_EVENTS = {
  'meeting.invited': {
    key: (v) => `meeting:${v.m.id}:invited`,
    rules: [
      {
        to: 'invitees',
        channels: ALL,
        urgent: within(HOUR),
        say: (v) => ({
          title: `${MEETING_KIND_LABELS[v.m.kind as keyof typeof MEETING_KIND_LABELS] ?? '会议'}通知：${v.m.title}`,
          body: `${chinaTime(v.m.startsAt)}，${v.m.place}。${officeText('议程', v.m.agenda)}请回复参加或请假。`,
        }),
      },
    ],
  },
  'meeting.changed': {
    key: (v) => `meeting:${v.m.id}:changed:${v.m.version}:${v.m.updatedAt.getTime()}`,
    rules: [{ to: 'invitees', channels: ALL, urgent: within(HOUR), say: (v) => ({ title: `会议变更：${v.m.title}`, body: `现在是 ${chinaTime(v.m.startsAt)}，${v.m.place}。` }) }],
  },
  'meeting.cancelled': {
    key: (v) => `meeting:${v.m.id}:cancelled`,
    rules: [{ to: 'invitees', channels: ALL, urgent: within(HOUR), say: (v) => ({ title: `会议取消：${v.m.title}`, body: v.note || '原定会议取消。' }) }],
  },
  'meeting.leave': {
    key: (v) => `meeting:${v.m.id}:leave:${v.actor?.id}:${v.now.getTime()}`,
    rules: [{ to: 'organiser', channels: ALL, say: (v) => ({ title: `请假申请：${v.m.title}`, body: `${v.actor?.name ?? ''}：${v.note}` }) }],
  },
  'meeting.leave-decided': {
    key: (v) => `meeting:${v.m.id}:leave-decided:${String(v.data.userId)}:${String(v.data.respondedAt)}`,
    rules: [{ to: 'person', channels: ALL, urgent: within(HOUR), say: (v) => ({ title: `请假审批：${v.m.title}`, body: v.data.approve ? '同意请假' : '不同意请假，请按时参加' }) }],
  },
  'meeting.reminder': {
    key: (v) => `meeting:${v.m.id}:v${v.m.version}:remind:${String(v.data.tag)}`,
    rules: [
      {
        to: 'attendees',
        channels: ALL,
        urgent: (v) => v.data.tag === '1h',
        say: (v) => ({ title: `会议提醒：${v.m.title}`, body: `${String(v.data.label)}（${chinaTime(v.m.startsAt)}）在${v.m.place}召开，签到码到场后公布。` }),
      },
    ],
  },
} satisfies Record<string, M>;

type QA = keyof typeof QUESTIONNAIRE_AUDIENCES;
type Q = Row<QuestionnaireView, QA>;
const qLabel = (v: QuestionnaireView) => QUESTIONNAIRE_KIND_LABELS[v.q.kind as QuestionnaireKind] ?? '问卷';

/** Survey, ballot and evaluation events (the inbox kind keeps the questionnaire's kind: `ballot.published`). */
export const QUESTIONNAIRE_EVENTS = {
  'questionnaire.published': {
    kind: (v) => `${v.q.kind}.published`,
    key: (v) => `questionnaire:${v.q.id}:published`,
    rules: [{ to: 'recipients', channels: ALL, say: (v) => ({ title: `新${qLabel(v)}：${v.q.title}`, body: `${officeText('说明', v.q.description)}请在 ${chinaTime(v.q.closesAt)} 前完成。` }) }],
  },
  'questionnaire.reminder': {
    kind: (v) => `${v.q.kind}.reminder`,
    key: (v) => `questionnaire:${v.q.id}:reminder`,
    rules: [{ to: 'pending', channels: ALL, say: (v) => ({ title: `${qLabel(v)}即将截止：${v.q.title}`, body: `截止时间 ${chinaTime(v.q.closesAt)}，你还没有完成。` }) }],
  },
} satisfies Record<string, Q>;

type NA = keyof typeof NOTICE_AUDIENCES;
type N = Row<NoticeView, NA>;

/** Notices (the inbox kind stays `notice`). */
export const NOTICE_EVENTS = {
  'notice.published': {
    kind: () => 'notice',
    key: (v) => `notice:${v.n.id}`,
    rules: [{ to: 'listed', channels: ALL, say: (v) => ({ title: v.n.title, body: v.n.body }) }],
  },
} satisfies Record<string, N>;

/** Every event type that notifies someone. */
export type EventType = keyof typeof SUGGESTION_EVENTS | keyof typeof MEETING_EVENTS | keyof typeof QUESTIONNAIRE_EVENTS | keyof typeof NOTICE_EVENTS;

/** The event types, for tests and documentation. */
export const EVENT_TYPES = [
  ...Object.keys(SUGGESTION_EVENTS),
  ...Object.keys(MEETING_EVENTS),
  ...Object.keys(QUESTIONNAIRE_EVENTS),
  ...Object.keys(NOTICE_EVENTS),
] as EventType[];
