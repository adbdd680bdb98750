/**
 * Managing the department routing model (office and admin): the stored versions with their training summary
 * and held-out scores, retraining now, switching (rolling back) to another version, and importing labelled
 * history as CSV or XLSX (the file is the request body).
 */
import Router from '@koa/router';
import type { CoreContext } from '../../core/context';
import { activateRoutingModel } from '../../core/routing/activateModel';
import { importRoutingHistory } from '../../core/routing/importHistory';
import { listRoutingModels } from '../../core/routing/listModels';
import { retrainRoutingModel } from '../../core/routing/retrainModel';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond, sendError } from '../middleware/errors';
import { rawBody, uploadFormat } from '../rawBody';

const MAX_UPLOAD = 20 * 1024 * 1024;

/** Mounts /api/routing/models* and /api/routing/history. */
export function routingRoutes(core: CoreContext): Router {
  const r = new Router();
  const auth = requireAuth(core.config);
  r.get('/api/routing/models', auth, async (ctx) => respond(ctx, await listRoutingModels(actorOf(ctx)), (items) => ({ current: core.router.version, items })));
  r.post('/api/routing/models', auth, async (ctx) => respond(ctx, await retrainRoutingModel(core, actorOf(ctx), { reason: 'retrain', input: ctx.request.body }), (v) => v, 201));
  r.post('/api/routing/models/:id/activate', auth, async (ctx) => respond(ctx, await activateRoutingModel(core, actorOf(ctx), ctx.params.id), (v) => v));
  r.post('/api/routing/history', auth, async (ctx) => {
    const format = uploadFormat(ctx);
    if (!format) return sendError(ctx, 415, 'invalid', '请上传 CSV（Content-Type: text/csv）或 XLSX 文件，或在地址后加 ?format=csv|xlsx');
    const data = await rawBody(ctx, MAX_UPLOAD);
    if (!data) return sendError(ctx, 413, 'too_large', '文件太大了（上限 20 MB），请拆分后分批导入');
    const retrain = !/^(0|false|no)$/i.test(String(ctx.query.retrain ?? ''));
    respond(ctx, await importRoutingHistory(core, actorOf(ctx), { data, format }, { retrain }), (v) => v);
  });
  return r;
}
