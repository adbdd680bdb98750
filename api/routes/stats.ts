/** The office dashboard: suggestion figures and their export. */
import Router from '@koa/router';
import type { CoreContext } from '../../core/context';
import { exportSuggestionStats } from '../../core/stats/exportSuggestionStats';
import { suggestionStats } from '../../core/stats/suggestionStats';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond, respondFile } from '../middleware/errors';

/** Mounts /api/stats/suggestions and its export. */
export function statsRoutes(core: CoreContext): Router {
  const r = new Router();
  const auth = requireAuth(core.config);
  r.get('/api/stats/suggestions', auth, async (ctx) => respond(ctx, await suggestionStats(core, actorOf(ctx), ctx.query), (v) => v));
  r.get('/api/stats/suggestions/export', auth, async (ctx) => respondFile(ctx, await exportSuggestionStats(core, actorOf(ctx), { ...ctx.query })));
  return r;
}
