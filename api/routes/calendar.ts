/** The holiday calendar: any signed-in user reads a year; the admin enters a year's official schedule. */
import Router from '@koa/router';
import { enterOfficialSchedule } from '../../core/calendar/enterOfficialSchedule';
import { readCalendarYear } from '../../core/calendar/readCalendarYear';
import type { CoreContext } from '../../core/context';
import { recountOpenDeadlines } from '../../core/suggestions/recountDeadlines';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond } from '../middleware/errors';

/** The schedule in the body with the year from the path (a body that is no object stays as it is, to be refused). */
const withYear = (body: unknown, year: string) => (body && typeof body === 'object' && !Array.isArray(body) ? { ...body, year } : body);

/** Mounts GET /api/calendar?year= and PUT /api/calendar/:year. */
export function calendarRoutes(core: CoreContext): Router {
  const r = new Router();
  const auth = requireAuth(core.config);
  r.get('/api/calendar', auth, async (ctx) => respond(ctx, await readCalendarYear(core, actorOf(ctx), { year: ctx.query.year || undefined }), (v) => v));
  r.put('/api/calendar/:year', auth, async (ctx) =>
    respond(
      ctx,
      await enterOfficialSchedule(core, actorOf(ctx), ctx.params.year, withYear(ctx.request.body, ctx.params.year), {
        // Entering a schedule recounts the open suggestions' deadlines, in the same transaction.
        onChanged: ({ actor, years, revised, now }) => recountOpenDeadlines(actor, `${years.join('、')} 年放假安排${revised ? '更新' : '公布'}`, now),
      }),
      (v) => v,
    ),
  );
  return r;
}
