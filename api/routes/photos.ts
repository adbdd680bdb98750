/** Photos: upload (the image is the request body) and read through a signed link. */
import Router from '@koa/router';
import type { CoreContext } from '../../core/context';
import { readPhoto } from '../../core/photos/readPhoto';
import { MAX_PHOTO_BYTES, uploadPhoto } from '../../core/photos/uploadPhoto';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond, sendError } from '../middleware/errors';
import { rawBody } from '../rawBody';

/** Mounts /api/photos. */
export function photoRoutes(core: CoreContext): Router {
  const r = new Router();
  r.post('/api/photos', requireAuth(core.config), async (ctx) => {
    const data = await rawBody(ctx, MAX_PHOTO_BYTES);
    if (!data) return sendError(ctx, 413, 'too_large', '照片太大了（上限 3 MB），请压缩后再传');
    respond(ctx, await uploadPhoto(core, actorOf(ctx), data), (v) => v, 201);
  });
  r.get('/api/photos/:id', async (ctx) => {
    const out = await readPhoto(core, /^\d{1,10}$/.test(ctx.params.id) ? Number(ctx.params.id) : NaN, ctx.query);
    if (!out.ok) return respond(ctx, out, () => null);
    ctx.type = out.value.contentType;
    ctx.set('cache-control', 'private, max-age=86400');
    ctx.body = out.value.data;
  });
  return r;
}
