/** Meeting reminders (a day and an hour before; they follow a rescheduled meeting) and questionnaire reminders. */
import { Op } from 'sequelize';
import { InviteeModel, MeetingModel, QuestionnaireModel, RecipientModel, ResponseModel } from '../../models/engagement';
import { QUESTIONNAIRE_KIND_LABELS } from '../../contracts/labels';
import type { QuestionnaireKind } from '../../contracts/enums';
import type { CoreContext } from '../context';
import { chinaTime, REMINDERS } from '../meetings/policy';
import { notify } from '../notifications/notify';

/** Sends the reminders of meetings starting within a day or an hour. */
export async function sweepMeetingReminders(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const soon = await MeetingModel.findAll({ where: { state: 'scheduled', startsAt: { [Op.gt]: now, [Op.lte]: new Date(now.getTime() + REMINDERS[0].beforeMs) } } });
  let sent = 0;
  for (const m of soon) {
    const until = m.startsAt.getTime() - now.getTime();
    // The closest reminder that is due: an hour before beats a day before.
    const due = REMINDERS.filter((r) => until <= r.beforeMs).pop()!;
    const invitees = await InviteeModel.findAll({ where: { meetingId: m.id } });
    const people = invitees.filter((i) => !(i.rsvp === 'leave' && i.leaveState === 'approved')).map((i) => i.userId);
    sent += await notify(
      people,
      { kind: 'meeting.reminder', title: `会议提醒：${m.title}`, body: `${due.label}（${chinaTime(m.startsAt)}）在${m.place}召开，签到码到场后公布。`, refType: 'meeting', refId: m.id, key: `meeting:${m.id}:v${m.version}:remind:${due.tag}` },
      now,
    );
  }
  return sent;
}

/** Reminds those who have not answered a survey or ballot that closes within a day. */
export async function sweepQuestionnaireReminders(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const closing = await QuestionnaireModel.findAll({ where: { opensAt: { [Op.lte]: now }, closesAt: { [Op.gt]: now, [Op.lte]: new Date(now.getTime() + 24 * 3_600_000) } } });
  let sent = 0;
  for (const q of closing) {
    const answered = new Set((await ResponseModel.findAll({ where: { questionnaireId: q.id }, attributes: ['userId'] })).map((r) => r.userId));
    const missing = (await RecipientModel.findAll({ where: { questionnaireId: q.id } })).map((r) => r.userId).filter((u) => !answered.has(u));
    const label = QUESTIONNAIRE_KIND_LABELS[q.kind as QuestionnaireKind];
    sent += await notify(
      missing,
      { kind: `${q.kind}.reminder`, title: `${label}即将截止：${q.title}`, body: `截止时间 ${chinaTime(q.closesAt)}，你还没有完成。`, refType: 'questionnaire', refId: q.id, key: `questionnaire:${q.id}:reminder` },
      now,
    );
  }
  return sent;
}
