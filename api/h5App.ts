/**
 * The mini-program's H5 build (miniprogram/dist/h5), which is also the staff and office web console: built by
 * `npm start` when it is missing or older than its sources, and served at /app next to the API.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type Koa from 'koa';
import { buildIsStale } from './buildFreshness';
import serve from 'koa-static';
import type { Logger } from 'pino';

const ROOT = path.resolve(__dirname, '../miniprogram');
/** Where the H5 build lives. */
export const H5_DIST = path.join(ROOT, 'dist/h5');
const SOURCES = [path.join(ROOT, 'src'), path.join(ROOT, 'config'), path.resolve(__dirname, '../contracts')];


/** Whether the H5 build is missing or older than any of its sources. */
export function h5IsStale(): boolean {
  return buildIsStale(H5_DIST, SOURCES);
}

/** Builds the H5 app (taro build --type h5) when it is stale; false when the build failed. */
export function ensureH5Built(logger: Logger): boolean {
  if (!h5IsStale()) return true;
  process.stdout.write('正在构建小程序 H5 版（约半分钟）…\n');
  const r = spawnSync('npm', ['run', '--silent', 'app:h5'], { cwd: path.resolve(__dirname, '..'), env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    logger.error({ output: `${r.stdout}\n${r.stderr}`.slice(-4000) }, 'H5 build failed');
    return false;
  }
  return true;
}

/** Serves the H5 build at /app (and /app/ for its index). */
export function serveH5(app: Koa): void {
  const files = serve(H5_DIST, { index: 'index.html', maxage: 0 });
  app.use(async (ctx, next) => {
    if (ctx.path === '/app') return ctx.redirect('/app/');
    if (!ctx.path.startsWith('/app/')) return next();
    const original = ctx.path;
    ctx.path = ctx.path.slice('/app'.length);
    await files(ctx, async () => undefined);
    if (ctx.body === undefined || ctx.body === null) {
      ctx.path = original;
      ctx.status = 404;
      ctx.body = { error: { code: 'not_found', message: fs.existsSync(H5_DIST) ? '没有这个页面' : '小程序 H5 版还没有构建：请运行 npm run app:h5' } };
    }
  });
}
