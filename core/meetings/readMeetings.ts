/** Reading meetings: a person's invitations, one meeting with its attendance list, and its .ics file. */
import { Op } from 'sequelize';
import { createEvent } from 'ics';
import { InviteeModel, MeetingModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { forbidden, notFound, ok, type Outcome } from '../result';
import { organises } from './policy';

/** Upcoming (and, with `past`, earlier) meetings of the caller; the office sees all it organises. */
export async function listMeetings(ctx: CoreContext, actor: Actor, past = false) {
  const now = ctx.clock.now();
  const where = past ? {} : { endsAt: { [Op.gte]: now } };
  if (organises(actor)) return ok({ meetings: await MeetingModel.findAll({ where, order: [['startsAt', 'ASC']], limit: 200 }), mine: new Map<number, InviteeModel>() });
  const mine = await InviteeModel.findAll({ where: { userId: actor.id } });
  const meetings = await MeetingModel.findAll({ where: { ...where, id: mine.map((i) => i.meetingId) }, order: [['startsAt', 'ASC']], limit: 200 });
  return ok({ meetings, mine: new Map(mine.map((i) => [i.meetingId, i])) });
}

export interface MeetingView {
  meeting: MeetingModel;
  mine: InviteeModel | null;
  /** The attendance list, for the organisers only. */
  invitees: { invitee: InviteeModel; user: UserModel }[] | null;
}

/** One meeting; organisers get the attendance list and the check-in code. */
export async function getMeeting(actor: Actor, id: number): Promise<Outcome<MeetingView>> {
  const m = Number.isInteger(id) ? await MeetingModel.findByPk(id) : null;
  if (!m) return notFound('没有找到这个会议');
  const mine = await InviteeModel.findOne({ where: { meetingId: id, userId: actor.id } });
  if (!organises(actor) && !mine) return forbidden('你不在这个会议的邀请名单中');
  let invitees: MeetingView['invitees'] = null;
  if (organises(actor)) {
    const rows = await InviteeModel.findAll({ where: { meetingId: id }, order: [['id', 'ASC']] });
    const users = new Map((await UserModel.findAll({ where: { id: rows.map((r) => r.userId) } })).map((u) => [u.id, u]));
    invitees = rows.map((invitee) => ({ invitee, user: users.get(invitee.userId)! }));
  }
  return ok({ meeting: m, mine, invitees });
}

const parts = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [number, number, number, number, number];

/** The meeting as an iCalendar file. */
export async function meetingIcs(actor: Actor, id: number): Promise<Outcome<string>> {
  const v = await getMeeting(actor, id);
  if (!v.ok) return v;
  const m = v.value.meeting;
  const { error, value } = createEvent({
    uid: `meeting-${m.id}@lvzhi`,
    sequence: m.version,
    title: m.title,
    description: m.agenda,
    location: m.place,
    start: parts(m.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: parts(m.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: m.state === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    productId: 'lvzhi/meetings',
  });
  if (error || !value) throw error ?? new Error('ics');
  return ok(value);
}
