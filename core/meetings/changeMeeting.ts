/**
 * The office changes or cancels a meeting. A change of time or place raises the meeting's version, so the
 * reminders follow the new time; every invitee is told.
 */
import { CancelRequest, MeetingUpdateRequest } from '../../contracts/engagement';
import { InviteeModel } from '../../models/engagement';
import type { Actor } from '../context';
import { notify } from '../notifications/notify';
import { invalid } from '../result';
import { useCase } from '../useCase';
import { chinaTime, manages, meetingSubject, NOT_ORGANISER, type MeetingFacts } from './policy';

const change = {
  ...meetingSubject(true),
  who: ({ actor, subject }: { actor: Actor; subject: MeetingFacts }) => (manages(actor, subject) ? null : NOT_ORGANISER),
  when: ({ subject }: { subject: MeetingFacts }) => (subject.meeting.state === 'cancelled' ? '会议已经取消' : null),
};

async function inviteesOf(meetingId: number): Promise<number[]> {
  return (await InviteeModel.findAll({ where: { meetingId } })).map((i) => i.userId);
}

/** Updates title, agenda, place or time and notifies the invitees. */
export const updateMeeting = useCase({
  name: 'meetings.update',
  input: MeetingUpdateRequest,
  ...change,
  apply: async ({ input: req, subject, now }) => {
    const m = subject.meeting;
    const startsAt = req.startsAt ? new Date(req.startsAt) : m.startsAt;
    const endsAt = req.endsAt ? new Date(req.endsAt) : m.endsAt;
    if (endsAt <= startsAt) return invalid('结束时间必须晚于开始时间');
    const moved = startsAt.getTime() !== m.startsAt.getTime() || (req.place !== undefined && req.place !== m.place);
    Object.assign(m, { ...req, startsAt, endsAt, updatedAt: now });
    if (moved) m.version += 1;
    await m.save();
    await notify(
      await inviteesOf(m.id),
      { kind: 'meeting.changed', title: `会议变更：${m.title}`, body: `现在是 ${chinaTime(m.startsAt)}，${m.place}。`, refType: 'meeting', refId: m.id, key: `meeting:${m.id}:changed:${m.version}:${m.updatedAt.getTime()}` },
      now,
    );
    return { id: m.id, version: m.version };
  },
});

/** Cancels the meeting and tells the invitees. */
export const cancelMeeting = useCase({
  name: 'meetings.cancel',
  input: CancelRequest,
  ...change,
  apply: async ({ input, subject, now }) => {
    const m = subject.meeting;
    m.state = 'cancelled';
    m.updatedAt = now;
    await m.save();
    await notify(await inviteesOf(m.id), { kind: 'meeting.cancelled', title: `会议取消：${m.title}`, body: input.reason ?? '原定会议取消。', refType: 'meeting', refId: m.id, key: `meeting:${m.id}:cancelled` }, now);
    return { id: m.id };
  },
});
