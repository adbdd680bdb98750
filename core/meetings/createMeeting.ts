/** The office schedules a meeting or activity, invites its audience and gives it a check-in code. */
import { randomInt } from 'node:crypto';
import { MeetingRequest } from '../../contracts/engagement';
import { InviteeModel, MeetingModel } from '../../models/engagement';
import { resolveAudience } from '../notifications/audience';
import { invalid } from '../result';
import { plainUseCase } from '../useCase';
import { organises } from './policy';

/** Creates the meeting and invites; returns its id. */
export const createMeeting = plainUseCase({
  name: 'meetings.create',
  input: MeetingRequest,
  who: ({ actor }) => (organises(actor) ? null : '只有人大工作人员可以安排会议和活动'),
  apply: async ({ actor, input: req, now, emit }) => {
    const startsAt = new Date(req.startsAt);
    const endsAt = new Date(req.endsAt);
    if (endsAt <= startsAt) return invalid('结束时间必须晚于开始时间');
    const userIds = await resolveAudience(req.invitees, actor);
    if (typeof userIds === 'string') return invalid(userIds);
    if (!userIds.length) return invalid('按这个条件没有找到任何参会人');
    const m = await MeetingModel.create({
      kind: req.kind,
      title: req.title,
      agenda: req.agenda ?? '',
      place: req.place,
      startsAt,
      endsAt,
      checkinCode: String(randomInt(100000, 1000000)),
      state: 'scheduled',
      version: 1,
      createdByUserId: actor.id,
      regionId: actor.regionId,
      createdAt: now,
      updatedAt: now,
    });
    await InviteeModel.bulkCreate(userIds.map((userId) => ({ meetingId: m.id, userId, rsvp: 'pending', leaveReason: null, leaveState: null, checkedInAt: null, respondedAt: null })));
    emit({ type: 'meeting.invited', ref: { type: 'meeting', id: m.id } });
    return { id: m.id };
  },
});
