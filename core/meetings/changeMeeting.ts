/**
 * The office changes or cancels a meeting. A change of time or place raises the meeting's version, so the
 * reminders follow the new time; every invitee is told.
 */
import { CancelRequest, MeetingUpdateRequest } from '../../contracts/engagement';
import { formatZodError } from '../../contracts/validation';
import { InviteeModel, MeetingModel } from '../../models/engagement';
import type { Actor, CoreContext } from '../context';
import { notify } from '../notifications/notify';
import { conflict, forbidden, invalid, notFound, ok, type Outcome } from '../result';
import { inTransaction } from '../useCase';
import { chinaTime, organises } from './policy';

async function loadForChange(actor: Actor, id: number): Promise<MeetingModel | Outcome<never>> {
  if (!organises(actor)) return forbidden('只有人大工作人员可以修改会议');
  const m = Number.isInteger(id) ? await MeetingModel.findByPk(id, { lock: true }) : null;
  if (!m) return notFound('没有找到这个会议');
  if (m.state === 'cancelled') return conflict('会议已经取消');
  return m;
}

/** Updates title, agenda, place or time and notifies the invitees. */
export async function updateMeeting(ctx: CoreContext, actor: Actor, id: number, input: unknown): Promise<Outcome<{ id: number; version: number }>> {
  const parsed = MeetingUpdateRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const req = parsed.data;
  return inTransaction(ctx, async () => {
    const m = await loadForChange(actor, id);
    if (!(m instanceof MeetingModel)) return m;
    const startsAt = req.startsAt ? new Date(req.startsAt) : m.startsAt;
    const endsAt = req.endsAt ? new Date(req.endsAt) : m.endsAt;
    if (endsAt <= startsAt) return invalid('结束时间必须晚于开始时间');
    const moved = startsAt.getTime() !== m.startsAt.getTime() || (req.place !== undefined && req.place !== m.place);
    Object.assign(m, { ...req, startsAt, endsAt, updatedAt: ctx.clock.now() });
    if (moved) m.version += 1;
    await m.save();
    const invitees = (await InviteeModel.findAll({ where: { meetingId: id } })).map((i) => i.userId);
    await notify(
      invitees,
      { kind: 'meeting.changed', title: `会议变更：${m.title}`, body: `现在是 ${chinaTime(m.startsAt)}，${m.place}。`, refType: 'meeting', refId: m.id, key: `meeting:${m.id}:changed:${m.version}:${m.updatedAt.getTime()}` },
      ctx.clock.now(),
    );
    return ok({ id: m.id, version: m.version });
  });
}

/** Cancels the meeting and tells the invitees. */
export async function cancelMeeting(ctx: CoreContext, actor: Actor, id: number, input: unknown): Promise<Outcome<{ id: number }>> {
  const parsed = CancelRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  return inTransaction(ctx, async () => {
    const m = await loadForChange(actor, id);
    if (!(m instanceof MeetingModel)) return m;
    m.state = 'cancelled';
    m.updatedAt = ctx.clock.now();
    await m.save();
    const invitees = (await InviteeModel.findAll({ where: { meetingId: id } })).map((i) => i.userId);
    await notify(invitees, { kind: 'meeting.cancelled', title: `会议取消：${m.title}`, body: parsed.data.reason ?? '原定会议取消。', refType: 'meeting', refId: m.id, key: `meeting:${m.id}:cancelled` }, ctx.clock.now());
    return ok({ id: m.id });
  });
}
