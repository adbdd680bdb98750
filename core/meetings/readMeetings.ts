/** Reading meetings: a person's invitations, one meeting with its attendance list, and its .ics file. */
import { Op } from 'sequelize';
import { z } from 'zod';
import { createEvent } from 'ics';
import { InviteeModel, MeetingModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import type { Actor } from '../context';
import { regionWhere } from '../directory/scope';
import { plainUseCase, useCase } from '../useCase';
import { manages, meetingSubject, NOT_INVITED, organises, type MeetingFacts } from './policy';

/** Upcoming (and, with `past`, earlier) meetings of the caller; an office sees those it manages (its region subtree). */
export const listMeetings = plainUseCase({
  name: 'meetings.list',
  readOnly: true,
  input: z.object({ past: z.boolean().default(false) }),
  apply: async ({ actor, now, input }) => listFor(actor, now, input.past),
});

async function listFor(actor: Actor, now: Date, past: boolean) {
  const when = past ? {} : { endsAt: { [Op.gte]: now } };
  if (organises(actor)) {
    return { meetings: await MeetingModel.findAll({ where: { [Op.and]: [when, regionWhere(actor)] }, order: [['startsAt', 'ASC']], limit: 200 }), mine: new Map<number, InviteeModel>() };
  }
  const mine = await InviteeModel.findAll({ where: { userId: actor.id } });
  const meetings = await MeetingModel.findAll({ where: { ...when, id: mine.map((i) => i.meetingId) }, order: [['startsAt', 'ASC']], limit: 200 });
  return { meetings, mine: new Map(mine.map((i) => [i.meetingId, i])) };
}

export interface MeetingView {
  meeting: MeetingModel;
  mine: InviteeModel | null;
  /** The attendance list, for the organisers only. */
  invitees: { invitee: InviteeModel; user: UserModel }[] | null;
}

/** Reading a meeting: its invitees and the office that manages it. */
const asReader = {
  readOnly: true,
  ...meetingSubject(false),
  who: ({ actor, subject }: { actor: Actor; subject: MeetingFacts }) => (subject.mine || manages(actor, subject) ? null : NOT_INVITED),
};

/** One meeting; organisers get the attendance list and the check-in code. */
export const getMeeting = useCase({
  name: 'meetings.get',
  ...asReader,
  apply: async ({ actor, subject }): Promise<MeetingView> => {
    const { meeting, mine } = subject;
    let invitees: MeetingView['invitees'] = null;
    if (manages(actor, subject)) {
      const rows = await InviteeModel.findAll({ where: { meetingId: meeting.id }, order: [['id', 'ASC']] });
      const users = new Map((await UserModel.findAll({ where: { id: rows.map((r) => r.userId) } })).map((u) => [u.id, u]));
      invitees = rows.map((invitee) => ({ invitee, user: users.get(invitee.userId)! }));
    }
    return { meeting, mine, invitees };
  },
});

const parts = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [number, number, number, number, number];

/** The meeting as an iCalendar file (times in UTC with `Z`, which every calendar app shows in local time). */
export const meetingIcs = useCase({
  name: 'meetings.ics',
  ...asReader,
  apply: async ({ subject }) => {
    const m = subject.meeting;
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
    return value;
  },
});
