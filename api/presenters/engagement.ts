/** DTOs of inbox entries, notices, questionnaires and meetings. */
import { iso } from './format';
import { MEETING_KIND_LABELS, QUESTIONNAIRE_KIND_LABELS, RSVP_LABELS } from '../../contracts/labels';
import type { MeetingKind, QuestionnaireKind, RsvpState } from '../../contracts/enums';
import type { Question } from '../../contracts/engagement';
import type { MeetingView } from '../../core/meetings/readMeetings';
import type { InviteeModel, MeetingModel, NotificationModel, QuestionnaireModel } from '../../models/engagement';


/** An inbox entry. */
export function presentNotification(n: NotificationModel) {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, ref: n.refType ? { type: n.refType, id: n.refId } : null, readAt: iso(n.readAt), createdAt: iso(n.createdAt) };
}

/** A questionnaire header, with the caller's status. */
export function presentQuestionnaire(q: QuestionnaireModel, extra: { answered?: boolean; open?: boolean } = {}) {
  return {
    id: q.id,
    kind: q.kind,
    kindLabel: QUESTIONNAIRE_KIND_LABELS[q.kind as QuestionnaireKind],
    title: q.title,
    description: q.description,
    anonymous: q.anonymous,
    opensAt: iso(q.opensAt),
    closesAt: iso(q.closesAt),
    ...extra,
  };
}

/** A questionnaire with its questions and the caller's answers. */
export function presentQuestionnaireDetail(v: { q: QuestionnaireModel; questions: Question[]; rules: object; myAnswers: unknown; open: boolean }) {
  return { ...presentQuestionnaire(v.q, { open: v.open, answered: v.myAnswers !== null }), questions: v.questions, rules: v.rules, myAnswers: v.myAnswers };
}

function invitation(i: InviteeModel | null | undefined) {
  return i ? { rsvp: i.rsvp, rsvpLabel: RSVP_LABELS[i.rsvp as RsvpState], leaveReason: i.leaveReason, leaveState: i.leaveState, checkedInAt: iso(i.checkedInAt) } : null;
}

/** A meeting header, with the caller's own invitation. */
export function presentMeeting(m: MeetingModel, mine?: InviteeModel | null) {
  return {
    id: m.id,
    kind: m.kind,
    kindLabel: MEETING_KIND_LABELS[m.kind as MeetingKind],
    title: m.title,
    agenda: m.agenda,
    place: m.place,
    startsAt: iso(m.startsAt),
    endsAt: iso(m.endsAt),
    state: m.state,
    version: m.version,
    mine: invitation(mine),
  };
}

/** A meeting with, for organisers, the check-in code and the attendance list and rates. */
export function presentMeetingDetail(v: MeetingView) {
  const base = presentMeeting(v.meeting, v.mine);
  if (!v.invitees) return base;
  const total = v.invitees.length;
  const checkedIn = v.invitees.filter((i) => i.invitee.checkedInAt).length;
  const onLeave = v.invitees.filter((i) => i.invitee.rsvp === 'leave' && i.invitee.leaveState === 'approved').length;
  const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);
  return {
    ...base,
    checkinCode: v.meeting.checkinCode,
    attendance: {
      invited: total,
      attending: v.invitees.filter((i) => i.invitee.rsvp === 'attend').length,
      leave: v.invitees.filter((i) => i.invitee.rsvp === 'leave').length,
      noAnswer: v.invitees.filter((i) => i.invitee.rsvp === 'pending').length,
      checkedIn,
      rate: rate(checkedIn, total),
      rateExcludingLeave: rate(checkedIn, total - onLeave),
      people: v.invitees.map((i) => ({ username: i.user.username, name: i.user.name, ...invitation(i.invitee)! })),
    },
  };
}
