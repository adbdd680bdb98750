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
import { respond, sendError } from '../middleware/errors';
import { getAddressee } from '../../core/directory/getAddressee';
import { addresseeCode } from '../../core/directory/addresseeCode';
import { presentRouting, viewerOf } from '../presenters/audience';
import { presentAddressee, presentDepartment, presentDeputies, presentRegion, presentStation } from '../presenters/directory';

/** Mounts the directory and routing-preview endpoints. */
export function directoryRoutes(core: CoreContext): Router {
  const r = new Router();
  r.get('/api/departments', async (ctx) => respond(ctx, await listDepartments(), (rows) => ({ items: rows.map(presentDepartment) })));
  r.get('/api/regions', async (ctx) => respond(ctx, await listRegions(), (rows) => ({ items: rows.map(presentRegion) })));
  r.get('/api/stations', async (ctx) =>
    respond(ctx, await listStations(ctx.query), (v) => ({ items: v.stations.map((s) => presentStation(s, v.regions)) })),
  );
  r.get('/api/deputies', async (ctx) => respond(ctx, await listDeputies(ctx.query), (v) => ({ items: presentDeputies(v) })));
  r.get('/api/addressee', async (ctx) => respond(ctx, await getAddressee(ctx.query), (v) => presentAddressee(v, core.config)));
  r.get('/api/addressee/code', requireAuth(core.config), async (ctx) => {
    const width = ctx.query.width === undefined ? undefined : Number(ctx.query.width);
    if (width !== undefined && !(Number.isInteger(width) && width >= 280 && width <= 1280)) return sendError(ctx, 400, 'invalid', '小程序码宽度应为 280–1280 之间的整数（像素）');
    const env = ctx.query.env;
    if (env !== undefined && env !== 'release' && env !== 'trial' && env !== 'develop') return sendError(ctx, 400, 'invalid', '版本只能是 release、trial 或 develop');
    const out = await addresseeCode(core, actorOf(ctx), ctx.query, { width, envVersion: env });
    if (out.ok && ctx.query.format === 'png') {
      ctx.type = out.value.code.contentType;
      ctx.set('cache-control', 'private, max-age=86400');
      ctx.body = out.value.code.image;
      return;
    }
    respond(ctx, out, (v) => ({
      addressee: presentAddressee(v.addressee, core.config),
      page: v.page,
      scene: v.scene,
      link: v.link,
      image: `data:${v.code.contentType};base64,${v.code.image.toString('base64')}`,
      cached: v.code.cached,
    }));
  });
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
