/** Meeting reminders (a day and an hour before; they follow a rescheduled meeting) and questionnaire reminders. */
import { Op } from 'sequelize';
import { MeetingModel, QuestionnaireModel } from '../../models/engagement';
import type { CoreContext } from '../context';
import { REMINDERS } from '../meetings/policy';
import { publishEvents } from '../notifications/publishEvents';

/** Sends the reminders of meetings starting within a day or an hour. */
export async function sweepMeetingReminders(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const soon = await MeetingModel.findAll({ where: { state: 'scheduled', startsAt: { [Op.gt]: now, [Op.lte]: new Date(now.getTime() + REMINDERS[0].beforeMs) } } });
  let sent = 0;
  for (const m of soon) {
    const until = m.startsAt.getTime() - now.getTime();
    // The closest reminder that is due: an hour before beats a day before.
    const due = REMINDERS.filter((r) => until <= r.beforeMs).pop()!;
    sent += await publishEvents(null, [{ type: 'meeting.reminder', ref: { type: 'meeting', id: m.id }, data: { tag: due.tag, label: due.label } }], now);
  }
  return sent;
}

/** Reminds those who have not answered a survey or ballot that closes within a day. */
export async function sweepQuestionnaireReminders(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const closing = await QuestionnaireModel.findAll({ where: { opensAt: { [Op.lte]: now }, closesAt: { [Op.gt]: now, [Op.lte]: new Date(now.getTime() + 24 * 3_600_000) } } });
  let sent = 0;
  for (const q of closing) {
    sent += await publishEvents(null, [{ type: 'questionnaire.reminder', ref: { type: 'questionnaire', id: q.id } }], now);
  }
  return sent;
}
