/** Public reference data: departments, regions, liaison stations, deputies; and routing previews. */
import Router from '@koa/router';
import type { CoreContext } from '../../core/context';
import { listDepartments } from '../../core/directory/listDepartments';
import { listDeputies } from '../../core/directory/listDeputies';
import { listRegions } from '../../core/directory/listRegions';
import { listStations } from '../../core/directory/listStations';
import { classifyText } from '../../core/routing/classifyText';
import { previewSimilar } from '../../core/routing/findSimilar';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond } from '../middleware/errors';
import { presentRouting, viewerOf } from '../presenters/audience';
import { presentDepartment, presentDeputies, presentRegion, presentStation } from '../presenters/directory';

/** Mounts the directory and routing-preview endpoints. */
export function directoryRoutes(core: CoreContext): Router {
  const r = new Router();
  r.get('/api/departments', async (ctx) => respond(ctx, await listDepartments(), (rows) => ({ items: rows.map(presentDepartment) })));
  r.get('/api/regions', async (ctx) => respond(ctx, await listRegions(), (rows) => ({ items: rows.map(presentRegion) })));
  r.get('/api/stations', async (ctx) =>
    respond(ctx, await listStations(ctx.query), (v) => ({ items: v.stations.map((s) => presentStation(s, v.regions)) })),
  );
  r.get('/api/deputies', async (ctx) => respond(ctx, await listDeputies(ctx.query), (v) => ({ items: presentDeputies(v) })));
  r.post('/api/routing/classify', requireAuth(core.config), async (ctx) => {
    const input = (ctx.request.body ?? {}) as { title?: unknown; body?: unknown };
    const text = { title: String(input.title ?? ''), body: String(input.body ?? '') };
    // A preview of one's own text: a citizen reads it as a deputy would.
    const viewer = viewerOf(actorOf(ctx));
    respond(ctx, await classifyText(core, ctx.request.body), (v) => presentRouting(v, viewer === 'citizen' ? 'deputy' : viewer, text));
  });
  r.post('/api/routing/similar', requireAuth(core.config), async (ctx) => respond(ctx, await previewSimilar(core, actorOf(ctx), ctx.request.body), (items) => ({ items })));
  return r;
}
