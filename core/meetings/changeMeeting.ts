/**
 * The office changes or cancels a meeting. A change of time or place raises the meeting's version, so the
 * reminders follow the new time; every invitee is told.
 */
import { CancelRequest, MeetingUpdateRequest } from '../../contracts/engagement';
import type { Actor } from '../context';
import { invalid } from '../result';
import { useCase } from '../useCase';
import { manages, meetingSubject, NOT_ORGANISER, type MeetingFacts } from './policy';

const change = {
  ...meetingSubject(true),
  who: ({ actor, subject }: { actor: Actor; subject: MeetingFacts }) => (manages(actor, subject) ? null : NOT_ORGANISER),
  when: ({ subject }: { subject: MeetingFacts }) => (subject.meeting.state === 'cancelled' ? '会议已经取消' : null),
};

/** Updates title, agenda, place or time and notifies the invitees. */
export const updateMeeting = useCase({
  name: 'meetings.update',
  input: MeetingUpdateRequest,
  ...change,
  apply: async ({ input: req, subject, now, emit }) => {
    const m = subject.meeting;
    const startsAt = req.startsAt ? new Date(req.startsAt) : m.startsAt;
    const endsAt = req.endsAt ? new Date(req.endsAt) : m.endsAt;
    if (endsAt <= startsAt) return invalid('结束时间必须晚于开始时间');
    const moved = startsAt.getTime() !== m.startsAt.getTime() || (req.place !== undefined && req.place !== m.place);
    Object.assign(m, { ...req, startsAt, endsAt, updatedAt: now });
    if (moved) m.version += 1;
    await m.save();
    emit({ type: 'meeting.changed', ref: { type: 'meeting', id: m.id } });
    return { id: m.id, version: m.version };
  },
});

/** Cancels the meeting and tells the invitees. */
export const cancelMeeting = useCase({
  name: 'meetings.cancel',
  input: CancelRequest,
  ...change,
  apply: async ({ input, subject, now, emit }) => {
    const m = subject.meeting;
    m.state = 'cancelled';
    m.updatedAt = now;
    await m.save();
    emit({ type: 'meeting.cancelled', ref: { type: 'meeting', id: m.id }, data: { note: input.reason ?? '' } });
    return { id: m.id };
  },
});
