/**
 * The desktop console (console/, React + Ant Design + ECharts bundled by esbuild) for the office, department staff
 * and admin: built by `npm start` when it is missing or older than its sources (one build at a time across
 * processes), and served at /console.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Koa from 'koa';
import { buildIsStale, buildWhenStale } from './buildFreshness';
import serve from 'koa-static';
import type { Logger } from 'pino';
import { buildConsole, CONSOLE_DIST } from '../console/build';

const ROOT = path.resolve(__dirname, '../console');
const SOURCES = [path.join(ROOT, 'src'), path.join(ROOT, 'build.ts'), path.resolve(__dirname, '../contracts')];


/** Whether the console's bundle is missing or older than any of its sources. */
export function consoleIsStale(): boolean {
  return buildIsStale(CONSOLE_DIST, SOURCES);
}

/** Builds the console when it is stale; false when the build failed (the API runs on without it). */
export async function ensureConsoleBuilt(logger: Logger): Promise<boolean> {
  try {
    await buildWhenStale(CONSOLE_DIST, consoleIsStale, async () => {
      process.stdout.write('正在构建工作台（约半分钟）…\n');
      await buildConsole();
    });
    return true;
  } catch (err) {
    logger.error({ err }, 'console build failed');
    return false;
  }
}

/** Serves the console at /console (and /console/ for its index); pages are hash routes, so no fallback is needed. */
export function serveConsole(app: Koa): void {
  const files = serve(CONSOLE_DIST, { index: 'index.html', maxage: 0, gzip: true });
  app.use(async (ctx, next) => {
    if (ctx.path === '/console') return ctx.redirect('/console/');
    if (!ctx.path.startsWith('/console/')) return next();
    const original = ctx.path;
    ctx.path = ctx.path.slice('/console'.length);
    await files(ctx, async () => undefined);
    if (ctx.body === undefined || ctx.body === null) {
      ctx.path = original;
      ctx.status = 404;
      ctx.body = { error: { code: 'not_found', message: fs.existsSync(CONSOLE_DIST) ? '没有这个页面' : '工作台还没有构建：请运行 npm run console:build' } };
    } else {
      ctx.set('x-content-type-options', 'nosniff');
      if (ctx.path.endsWith('.html') || original === '/console/') ctx.set('cache-control', 'no-cache');
    }
  });
}
