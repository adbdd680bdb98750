/** Invitees answer (attend / leave with a reason), the office decides leave requests, invitees check in. */
import { CheckinRequest, LeaveDecisionRequest, RsvpRequest } from '../../contracts/engagement';
import { formatZodError } from '../../contracts/validation';
import { InviteeModel, MeetingModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { notify } from '../notifications/notify';
import { conflict, forbidden, invalid, notFound, ok, type Outcome } from '../result';
import { inTransaction } from '../useCase';
import { chinaTime, inCheckinWindow, organises } from './policy';

async function invitation(actor: Actor, id: number): Promise<{ m: MeetingModel; inv: InviteeModel } | Outcome<never>> {
  const m = Number.isInteger(id) ? await MeetingModel.findByPk(id) : null;
  if (!m) return notFound('没有找到这个会议');
  const inv = await InviteeModel.findOne({ where: { meetingId: id, userId: actor.id } });
  if (!inv) return forbidden('你不在这个会议的邀请名单中');
  if (m.state === 'cancelled') return conflict('会议已经取消');
  return { m, inv };
}

/** Answers an invitation: attend, or ask for leave with a reason (the office decides). */
export async function respondMeeting(ctx: CoreContext, actor: Actor, id: number, input: unknown): Promise<Outcome<{ rsvp: string }>> {
  const parsed = RsvpRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  return inTransaction<{ rsvp: string }>(ctx, async () => {
    const found = await invitation(actor, id);
    if ('ok' in found) return found;
    const { m, inv } = found;
    const now = ctx.clock.now();
    if (now >= m.endsAt) return conflict('会议已经结束');
    if (inv.checkedInAt) return conflict('你已经签到了');
    inv.respondedAt = now;
    if ('attend' in parsed.data) {
      Object.assign(inv, { rsvp: 'attend', leaveReason: null, leaveState: null });
    } else {
      Object.assign(inv, { rsvp: 'leave', leaveReason: parsed.data.leave, leaveState: 'pending' });
      const organiser = await UserModel.findByPk(m.createdByUserId);
      if (organiser) {
        await notify([organiser.id], { kind: 'meeting.leave', title: `请假申请：${m.title}`, body: `${actor.name}：${parsed.data.leave}`, refType: 'meeting', refId: m.id, key: `meeting:${m.id}:leave:${actor.id}:${now.getTime()}` }, now);
      }
    }
    await inv.save();
    return ok({ rsvp: inv.rsvp });
  });
}

/** The office approves or refuses an invitee's leave request. */
export async function decideLeave(ctx: CoreContext, actor: Actor, id: number, input: unknown): Promise<Outcome<{ leaveState: string }>> {
  if (!organises(actor)) return forbidden('只有人大工作人员可以审批请假');
  const parsed = LeaveDecisionRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  return inTransaction<{ leaveState: string }>(ctx, async () => {
    const m = Number.isInteger(id) ? await MeetingModel.findByPk(id) : null;
    if (!m) return notFound('没有找到这个会议');
    const user = await UserModel.findOne({ where: { username: parsed.data.user } });
    const inv = user ? await InviteeModel.findOne({ where: { meetingId: id, userId: user.id } }) : null;
    if (!user || !inv) return notFound('这个人不在邀请名单中');
    if (inv.leaveState !== 'pending') return conflict('没有待审批的请假申请');
    inv.leaveState = parsed.data.approve ? 'approved' : 'refused';
    await inv.save();
    const verdict = parsed.data.approve ? '同意请假' : '不同意请假，请按时参加';
    await notify([user.id], { kind: 'meeting.leave-decided', title: `请假审批：${m.title}`, body: verdict, refType: 'meeting', refId: m.id, key: `meeting:${m.id}:leave-decided:${user.id}:${inv.respondedAt?.getTime()}` }, ctx.clock.now());
    return ok({ leaveState: inv.leaveState });
  });
}

/** Checks in with the meeting's code, only inside the window around the start. */
export async function checkIn(ctx: CoreContext, actor: Actor, id: number, input: unknown): Promise<Outcome<{ checkedInAt: Date; again: boolean }>> {
  const parsed = CheckinRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  return inTransaction<{ checkedInAt: Date; again: boolean }>(ctx, async () => {
    const found = await invitation(actor, id);
    if ('ok' in found) return found;
    const { m, inv } = found;
    const now = ctx.clock.now();
    if (parsed.data.code.replace(/\s/g, '') !== m.checkinCode) return invalid('签到码不对，请核对后再试');
    if (!inCheckinWindow(m.startsAt, now)) {
      return conflict(now < m.startsAt ? `还没到签到时间：会议 ${chinaTime(m.startsAt)} 开始，开始前一小时起可以签到` : '签到时间已过');
    }
    if (inv.checkedInAt) return ok({ checkedInAt: inv.checkedInAt, again: true });
    inv.checkedInAt = now;
    if (inv.rsvp === 'pending') inv.rsvp = 'attend';
    await inv.save();
    return ok({ checkedInAt: now, again: false });
  });
}

/** Checks in by code alone (as typed in chat): finds the caller's meeting with this code in its window. */
export async function checkInByCode(ctx: CoreContext, actor: Actor, input: unknown): Promise<Outcome<{ meetingId: number; title: string; checkedInAt: Date; again: boolean }>> {
  const parsed = CheckinRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const code = parsed.data.code.replace(/\s/g, '');
  const mine = await InviteeModel.findAll({ where: { userId: actor.id } });
  const meetings = await MeetingModel.findAll({ where: { id: mine.map((i) => i.meetingId), checkinCode: code, state: 'scheduled' } });
  if (!meetings.length) return invalid('签到码不对，或者你不在这个会议的邀请名单中');
  const now = ctx.clock.now();
  const m = meetings.find((x) => inCheckinWindow(x.startsAt, now)) ?? meetings[0];
  const r = await checkIn(ctx, actor, m.id, { code });
  return r.ok ? ok({ meetingId: m.id, title: m.title, ...r.value }) : r;
}
