/** Invitees answer (attend / leave with a reason), the office decides leave requests, invitees check in. */
import { CheckinRequest, LeaveDecisionRequest, RsvpRequest } from '../../contracts/engagement';
import { InviteeModel, MeetingModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { conflict, invalid, notFound, ok, type Outcome } from '../result';
import { useCase } from '../useCase';
import { chinaTime, inCheckinWindow, manages, meetingSubject, NOT_INVITED, type MeetingFacts } from './policy';

/** The steps every invitee act shares: the meeting (404), an invitation (403), not cancelled (409). */
const asInvitee = {
  ...meetingSubject(true),
  who: ({ subject }: { subject: MeetingFacts }) => (subject.mine ? null : NOT_INVITED),
};
const notCancelled = (f: MeetingFacts) => (f.meeting.state === 'cancelled' ? '会议已经取消' : null);

/** Answers an invitation: attend, or ask for leave with a reason (the office decides). */
export const respondMeeting = useCase({
  name: 'meetings.rsvp',
  input: RsvpRequest,
  ...asInvitee,
  when: ({ subject, now }) => notCancelled(subject) ?? (now >= subject.meeting.endsAt ? '会议已经结束' : subject.mine!.checkedInAt ? '你已经签到了' : null),
  apply: async ({ input, subject, now, emit }) => {
    const { meeting: m } = subject;
    const inv = subject.mine!;
    inv.respondedAt = now;
    if ('attend' in input) {
      Object.assign(inv, { rsvp: 'attend', leaveReason: null, leaveState: null });
    } else {
      Object.assign(inv, { rsvp: 'leave', leaveReason: input.leave, leaveState: 'pending' });
      emit({ type: 'meeting.leave', ref: { type: 'meeting', id: m.id }, data: { note: input.leave } });
    }
    await inv.save();
    return { rsvp: inv.rsvp };
  },
});

/** The office approves or refuses an invitee's leave request. */
export const decideLeave = useCase({
  name: 'meetings.decide-leave',
  input: LeaveDecisionRequest,
  ...meetingSubject(true),
  who: ({ actor, subject }) => (manages(actor, subject) ? null : '只有人大工作人员可以审批请假'),
  apply: async ({ input, subject, emit }) => {
    const m = subject.meeting;
    const user = await UserModel.findOne({ where: { username: input.user } });
    const inv = user ? await InviteeModel.findOne({ where: { meetingId: m.id, userId: user.id }, lock: true }) : null;
    if (!user || !inv) return notFound('这个人不在邀请名单中');
    if (inv.leaveState !== 'pending') return conflict('没有待审批的请假申请');
    inv.leaveState = input.approve ? 'approved' : 'refused';
    await inv.save();
    emit({ type: 'meeting.leave-decided', ref: { type: 'meeting', id: m.id }, data: { userId: user.id, approve: input.approve, respondedAt: inv.respondedAt?.getTime() } });
    return { leaveState: inv.leaveState };
  },
});

/** Checks in with the meeting's code, only inside the window around the start. */
export const checkIn = useCase({
  name: 'meetings.checkin',
  input: CheckinRequest,
  ...asInvitee,
  when: ({ subject }) => notCancelled(subject),
  apply: async ({ input, subject, now }) => {
    const { meeting: m } = subject;
    const inv = subject.mine!;
    if (input.code.replace(/\s/g, '') !== m.checkinCode) return invalid('签到码不对，请核对后再试');
    if (!inCheckinWindow(m.startsAt, now)) {
      return conflict(now < m.startsAt ? `还没到签到时间：会议 ${chinaTime(m.startsAt)} 开始，开始前一小时起可以签到` : '签到时间已过');
    }
    if (inv.checkedInAt) return { checkedInAt: inv.checkedInAt, again: true };
    inv.checkedInAt = now;
    if (inv.rsvp === 'pending') inv.rsvp = 'attend';
    await inv.save();
    return { checkedInAt: now, again: false };
  },
});

/** Checks in by code alone (as typed in chat): finds the caller's meeting with this code in its window. */
export async function checkInByCode(ctx: CoreContext, actor: Actor, input: unknown): Promise<Outcome<{ meetingId: number; title: string; checkedInAt: Date; again: boolean }>> {
  const parsed = CheckinRequest.safeParse(input ?? {});
  const code = parsed.success ? parsed.data.code.replace(/\s/g, '') : '';
  if (!code) return checkIn(ctx, actor, 0, input) as Promise<Outcome<never>>;
  const mine = await InviteeModel.findAll({ where: { userId: actor.id } });
  const meetings = await MeetingModel.findAll({ where: { id: mine.map((i) => i.meetingId), checkinCode: code, state: 'scheduled' } });
  if (!meetings.length) return invalid('签到码不对，或者你不在这个会议的邀请名单中');
  const now = ctx.clock.now();
  const m = meetings.find((x) => inCheckinWindow(x.startsAt, now)) ?? meetings[0];
  const r = await checkIn(ctx, actor, m.id, { code });
  return r.ok ? ok({ meetingId: m.id, title: m.title, ...r.value }) : r;
}
