/** Notices and the inbox, deliveries for the chat bot, questionnaires, meetings. */
import Router from '@koa/router';
import type { Context } from 'koa';
import type { CoreContext } from '../../core/context';
import { listInbox } from '../../core/notifications/listInbox';
import { listDeadLetters } from '../../core/notifications/listDeadLetters';
import { markAllRead, markRead } from '../../core/notifications/markRead';
import { getNotificationSettings } from '../../core/notifications/getNotificationSettings';
import { updateNotificationSettings } from '../../core/notifications/updateNotificationSettings';
import { noticeReceipts } from '../../core/notifications/noticeReceipts';
import { publishNotice } from '../../core/notifications/publishNotice';
import { countAudience } from '../../core/notifications/countAudience';
import { ackDelivery, pullDeliveries } from '../../core/notifications/pullDeliveries';
import { answerQuestionnaire } from '../../core/questionnaires/answerQuestionnaire';
import { listNotices } from '../../core/notifications/listNotices';
import { exportQuestionnaire } from '../../core/questionnaires/exportQuestionnaire';
import { getQuestionnaire, listQuestionnaires } from '../../core/questionnaires/listQuestionnaires';
import { publishQuestionnaire } from '../../core/questionnaires/publishQuestionnaire';
import { questionnaireResults } from '../../core/questionnaires/questionnaireResults';
import { checkIn, checkInByCode, decideLeave, respondMeeting } from '../../core/meetings/attendance';
import { cancelMeeting, updateMeeting } from '../../core/meetings/changeMeeting';
import { createMeeting } from '../../core/meetings/createMeeting';
import { getMeeting, listMeetings, meetingIcs } from '../../core/meetings/readMeetings';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond, respondFile, sendError } from '../middleware/errors';
import { presentMeeting, presentMeetingDetail, presentNotification, presentQuestionnaire, presentQuestionnaireDetail } from '../presenters/engagement';

const idOf = (ctx: Context) => (/^\d{1,10}$/.test(ctx.params.id) ? Number(ctx.params.id) : NaN);

/** Mounts the engagement endpoints. */
export function engagementRoutes(core: CoreContext): Router {
  const r = new Router();
  r.use(requireAuth(core.config));

  r.post('/api/notices', async (ctx) => respond(ctx, await publishNotice(core, actorOf(ctx), ctx.request.body), (v) => v, 201));
  r.post('/api/notices/audience', async (ctx) => respond(ctx, await countAudience(core, actorOf(ctx), ctx.request.body), (v) => v));
  r.get('/api/notices', async (ctx) =>
    respond(ctx, await listNotices(core, actorOf(ctx)), (rows) => ({ items: rows.map((n) => ({ ...n, publishedAt: n.publishedAt.toISOString() })) })),
  );
  r.get('/api/notices/:id/receipts', async (ctx) =>
    respond(ctx, await noticeReceipts(core, actorOf(ctx), idOf(ctx)), (v) => ({
      id: v.notice.id,
      title: v.notice.title,
      publishedAt: v.notice.publishedAt.toISOString(),
      total: v.receipts.length,
      read: v.receipts.filter((x) => x.readAt).length,
      receipts: v.receipts.map((x) => ({ ...x, readAt: x.readAt ? x.readAt.toISOString() : null })),
    })),
  );
  r.get('/api/inbox', async (ctx) => respond(ctx, await listInbox(core, actorOf(ctx), ctx.query), (v) => ({ unread: v.unread, items: v.items.map(presentNotification) })));
  r.post('/api/inbox/read-all', async (ctx) => respond(ctx, await markAllRead(core, actorOf(ctx)), (v) => v));
  r.post('/api/inbox/:id/read', async (ctx) => respond(ctx, await markRead(core, actorOf(ctx), idOf(ctx)), (v) => v));
  r.get('/api/me/notification-settings', async (ctx) => respond(ctx, await getNotificationSettings(core, actorOf(ctx)), (v) => v));
  r.put('/api/me/notification-settings', async (ctx) =>
    respond(ctx, await updateNotificationSettings(core, actorOf(ctx), ctx.request.body), (v) => v),
  );

  r.get('/api/deliveries', async (ctx) => {
    if (ctx.query.channel && ctx.query.channel !== 'chat') return sendError(ctx, 400, 'invalid', '机器人只能领取 chat 渠道的推送');
    respond(ctx, await pullDeliveries(core, actorOf(ctx), ctx.query), (items) => ({ items }));
  });
  r.get('/api/deliveries/dead', async (ctx) => respond(ctx, await listDeadLetters(core, actorOf(ctx)), (items) => ({ items })));
  r.post('/api/deliveries/:id/ack', async (ctx) => respond(ctx, await ackDelivery(core, actorOf(ctx), idOf(ctx), ctx.request.body), (v) => v));

  r.post('/api/questionnaires', async (ctx) => respond(ctx, await publishQuestionnaire(core, actorOf(ctx), ctx.request.body), (v) => v, 201));
  r.get('/api/questionnaires', async (ctx) =>
    respond(ctx, await listQuestionnaires(core, actorOf(ctx)), (rows) => ({ items: rows.map((x) => presentQuestionnaire(x.q, { answered: x.answered, open: x.open })) })),
  );
  r.get('/api/questionnaires/:id', async (ctx) => respond(ctx, await getQuestionnaire(core, actorOf(ctx), idOf(ctx)), presentQuestionnaireDetail));
  r.post('/api/questionnaires/:id/answers', async (ctx) => respond(ctx, await answerQuestionnaire(core, actorOf(ctx), idOf(ctx), ctx.request.body), (v) => v));
  r.get('/api/questionnaires/:id/results', async (ctx) => respond(ctx, await questionnaireResults(core, actorOf(ctx), idOf(ctx)), (v) => v));
  r.get('/api/questionnaires/:id/export', async (ctx) => respondFile(ctx, await exportQuestionnaire(core, actorOf(ctx), idOf(ctx), { format: ctx.query.format })));

  r.post('/api/meetings', async (ctx) => respond(ctx, await createMeeting(core, actorOf(ctx), ctx.request.body), (v) => v, 201));
  r.get('/api/meetings', async (ctx) =>
    respond(ctx, await listMeetings(core, actorOf(ctx), { past: ctx.query.past === 'true' }), (v) => ({ items: v.meetings.map((m) => presentMeeting(m, v.mine.get(m.id))) })),
  );
  r.post('/api/meetings/checkin', async (ctx) => respond(ctx, await checkInByCode(core, actorOf(ctx), ctx.request.body), (v) => v));
  r.get('/api/meetings/:id', async (ctx) => respond(ctx, await getMeeting(core, actorOf(ctx), idOf(ctx)), presentMeetingDetail));
  r.patch('/api/meetings/:id', async (ctx) => respond(ctx, await updateMeeting(core, actorOf(ctx), idOf(ctx), ctx.request.body), (v) => v));
  r.post('/api/meetings/:id/cancel', async (ctx) => respond(ctx, await cancelMeeting(core, actorOf(ctx), idOf(ctx), ctx.request.body), (v) => v));
  r.post('/api/meetings/:id/rsvp', async (ctx) => respond(ctx, await respondMeeting(core, actorOf(ctx), idOf(ctx), ctx.request.body), (v) => v));
  r.post('/api/meetings/:id/leave-decision', async (ctx) => respond(ctx, await decideLeave(core, actorOf(ctx), idOf(ctx), ctx.request.body), (v) => v));
  r.post('/api/meetings/:id/checkin', async (ctx) => respond(ctx, await checkIn(core, actorOf(ctx), idOf(ctx), ctx.request.body), (v) => v));
  r.get('/api/meetings/:id/ics', async (ctx) => {
    const out = await meetingIcs(core, actorOf(ctx), idOf(ctx));
    if (!out.ok) return respond(ctx, out, () => null);
    ctx.type = 'text/calendar; charset=utf-8';
    ctx.attachment(`meeting-${ctx.params.id}.ics`);
    ctx.body = out.value;
  });
  return r;
}
