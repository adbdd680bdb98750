/**
 * The Koa application: error handling, logging, JSON body parsing, then the route groups. Every front end
 * (mini-program, H5 console, chat bot) talks to this one API.
 */
import path from 'node:path';
import Router from '@koa/router';
import Koa from 'koa';
import serve from 'koa-static';
import pino, { type Logger } from 'pino';
import { refreshCalendar } from '../core/calendar/calendar';
import { withClientAddress } from '../core/audit/client';
import type { CoreContext } from '../core/context';
import { databaseUp } from '../models/db';
import { jsonBody, refuseNulInUrl, refuseUnknownMethods } from './middleware/edge';
import { errorHandler, sendUnavailable } from './middleware/errors';
import { openApiDocument } from './openapi';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { calendarRoutes } from './routes/calendar';
import { directoryRoutes } from './routes/directory';
import { engagementRoutes } from './routes/engagement';
import { identityRoutes } from './routes/identity';
import { chatRoutes } from './routes/chat';
import { photoRoutes } from './routes/photos';
import { routingRoutes } from './routes/routing';
import { statsRoutes } from './routes/stats';
import { suggestionRoutes } from './routes/suggestions';
import { userRoutes } from './routes/users';

const DOCS_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>履职通 API 文档</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' });</script></body></html>`;

/** Builds the Koa app around a core context. */
export function createApp(core: CoreContext, logger: Logger = pino({ level: core.config.logLevel })): Koa {
  const app = new Koa();
  app.proxy = true;
  const up = () => databaseUp(core.db);
  app.use(errorHandler(logger, up));
  // The audit log records where a change or sign-in came from.
  app.use((ctx, next) => withClientAddress(ctx.ip, next));
  app.use(async (ctx, next) => {
    const start = process.hrtime.bigint();
    await next();
    logger.debug({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Number(process.hrtime.bigint() - start) / 1e6 }, 'request');
  });
  app.use(refuseUnknownMethods());
  app.use(refuseNulInUrl());
  app.use(jsonBody());
  // Holiday schedules another API process entered are picked up within seconds (one small query at most that often).
  app.use(async (_ctx, next) => {
    await refreshCalendar();
    await next();
  });

  const meta = new Router();
  meta.get('/api/health', async (ctx) => {
    if (!(await up())) {
      sendUnavailable(ctx);
      ctx.body = { ok: false, database: core.db.kind, databaseUp: false, ...(ctx.body as object) };
      return;
    }
    ctx.body = { ok: true, database: core.db.kind, databaseUp: true, routingModel: core.router.version };
  });
  meta.get('/api/openapi.json', (ctx) => {
    ctx.body = openApiDocument();
  });
  meta.get('/docs', (ctx) => {
    ctx.type = 'html';
    ctx.body = DOCS_HTML;
  });
  meta.get('/', (ctx) => {
    ctx.body = { name: '履职通 API', docs: '/docs', openapi: '/api/openapi.json', health: '/api/health' };
  });
  // swagger-ui-dist's own entry loads its whole browser bundle into Node just to say where its files are.
  const docsAssets = serve(path.dirname(require.resolve('swagger-ui-dist/package.json')), { index: false });
  meta.get('/docs/assets/:file', async (ctx, next) => {
    ctx.path = `/${path.basename(ctx.params.file)}`;
    await docsAssets(ctx, next);
  });

  for (const r of [meta, authRoutes(core), suggestionRoutes(core), directoryRoutes(core), engagementRoutes(core), chatRoutes(core), routingRoutes(core), statsRoutes(core), photoRoutes(core), calendarRoutes(core), adminRoutes(core), userRoutes(core), identityRoutes(core)]) {
    app.use(r.routes());
    app.use(r.allowedMethods());
  }
  return app;
}
