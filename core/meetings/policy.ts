/**
 * Meeting rules in one place: who organises and who may see a meeting (the shared scoping rule: invitees, and the
 * office whose region subtree holds the meeting), the check-in window, the reminder offsets.
 */
import { InviteeModel, MeetingModel } from '../../models/engagement';
import type { Actor } from '../context';
import { isOfficeOrAdmin, officeCovers } from '../directory/scope';
import { regionPathOf } from '../directory/regionPath';
import { idOf } from '../useCase';

/** Check-in opens this long before the start … */
export const CHECKIN_OPENS_BEFORE_MS = 60 * 60_000;
/** … and closes this long after it. */
export const CHECKIN_CLOSES_AFTER_MS = 60 * 60_000;
/** Reminders go out this long before the start. */
export const REMINDERS: { tag: string; beforeMs: number; label: string }[] = [
  { tag: '1d', beforeMs: 24 * 3_600_000, label: '明天' },
  { tag: '1h', beforeMs: 3_600_000, label: '一小时后' },
];

/** Whether the actor organises meetings at all (office and admin). */
export function organises(actor: Actor): boolean {
  return isOfficeOrAdmin(actor);
}

/** A meeting with what its rules need: its region's path and the caller's own invitation. */
export interface MeetingFacts {
  meeting: MeetingModel;
  regionPath: string | null;
  mine: InviteeModel | null;
}

/** Loads (and locks) meeting `key` with the caller's invitation, or null. */
export async function loadMeeting(key: unknown, actor: Actor, lock = true): Promise<MeetingFacts | null> {
  const id = idOf(key);
  const meeting = id ? await MeetingModel.findByPk(id, lock ? { lock: true } : {}) : null;
  if (!meeting) return null;
  const [regionPath, mine] = await Promise.all([regionPathOf(meeting.regionId), InviteeModel.findOne({ where: { meetingId: meeting.id, userId: actor.id } })]);
  return { meeting, regionPath, mine };
}

/** The kernel steps that find a meeting for the caller: load (locked when changing), 404 message, visibility. */
export function meetingSubject(lock: boolean) {
  return { load: (id: number, _ctx: unknown, actor: Actor) => loadMeeting(id, actor, lock), notFound: MEETING_NOT_FOUND, visible: canSeeMeeting };
}

/** Whether the actor manages this meeting: the admin, or an office whose subtree holds the meeting's region. */
export function manages(actor: Actor, f: MeetingFacts): boolean {
  return officeCovers(actor, f.regionPath);
}

/**
 * Who may know a meeting exists: an office outside the meeting's region does not (404); anyone else does, and a
 * person who is not invited is then told so (403) without seeing anything of it.
 */
export function canSeeMeeting(actor: Actor, f: MeetingFacts): boolean {
  return f.mine !== null || !isOfficeOrAdmin(actor) || manages(actor, f);
}

export const NOT_ORGANISER = '只有负责这个会议的人大工作人员可以这样做';
export const NOT_INVITED = '你不在这个会议的邀请名单中';
export const MEETING_NOT_FOUND = '没有找到这个会议';

/** Whether `now` lies in the check-in window of a meeting starting at `startsAt`. */
export function inCheckinWindow(startsAt: Date, now: Date): boolean {
  const t = now.getTime();
  return t >= startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS && t <= startsAt.getTime() + CHECKIN_CLOSES_AFTER_MS;
}

export { chinaTime } from '../../contracts/format';
