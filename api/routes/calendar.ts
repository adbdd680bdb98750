/** The holiday calendar: any signed-in user reads a year; the admin enters a year's official schedule. */
import Router from '@koa/router';
import { enterOfficialSchedule } from '../../core/calendar/enterOfficialSchedule';
import { readCalendarYear } from '../../core/calendar/readCalendarYear';
import type { CoreContext } from '../../core/context';
import { recountOpenDeadlines } from '../../core/suggestions/recountDeadlines';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond } from '../middleware/errors';

/** Mounts GET /api/calendar?year= and PUT /api/calendar/:year. */
export function calendarRoutes(core: CoreContext): Router {
  const r = new Router();
  const auth = requireAuth(core.config);
  r.get('/api/calendar', auth, async (ctx) => respond(ctx, await readCalendarYear(core, actorOf(ctx), ctx.query.year), (v) => v));
  r.put('/api/calendar/:year', auth, async (ctx) =>
    respond(
      ctx,
      await enterOfficialSchedule(core, actorOf(ctx), ctx.params.year, ctx.request.body, {
        // Entering a schedule recounts the open suggestions' deadlines, in the same transaction.
        onChanged: ({ actor, years, now }) => recountOpenDeadlines(actor, years, now),
      }),
      (v) => v,
    ),
  );
  return r;
}
