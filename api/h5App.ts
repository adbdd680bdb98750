/**
 * The mini-program's H5 build (miniprogram/dist/h5), which is also the staff and office web console: built by
 * `npm start` when it is missing or older than its sources (one build at a time: a second process waits for it),
 * and served at /app next to the API. `tsx api/h5App.ts` builds it when stale (CI does, before the tests).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type Koa from 'koa';
import { buildIsStale, buildWhenStale } from './buildFreshness';
import serve from 'koa-static';
import type { Logger } from 'pino';

const ROOT = path.resolve(__dirname, '../miniprogram');
/** Where the H5 build lives. */
export const H5_DIST = path.join(ROOT, 'dist/h5');
const SOURCES = [path.join(ROOT, 'src'), path.join(ROOT, 'config'), path.join(ROOT, 'babel.config.js'), path.resolve(__dirname, '../contracts')];

/** Whether the H5 build is missing or older than any of its sources. */
export function h5IsStale(): boolean {
  return buildIsStale(H5_DIST, SOURCES);
}

/** `taro build --type h5` in production mode; rejects with the end of its output when it fails. */
function buildH5(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'app:h5'], { cwd: path.resolve(__dirname, '..'), env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer) => void (output = (output + d.toString()).slice(-8000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(output.slice(-4000)))));
  });
}

/** Builds the H5 app (taro build --type h5) when it is stale; false when the build failed. */
export async function ensureH5Built(logger: Logger): Promise<boolean> {
  try {
    await buildWhenStale(H5_DIST, h5IsStale, () => {
      process.stdout.write('正在构建小程序 H5 版（约半分钟）…\n');
      return buildH5();
    });
    return true;
  } catch (err) {
    logger.error({ output: err instanceof Error ? err.message : String(err) }, 'H5 build failed');
    return false;
  }
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

if (require.main === module) {
  buildWhenStale(H5_DIST, h5IsStale, buildH5)
    .then(() => process.stdout.write('小程序 H5 版已是最新：miniprogram/dist/h5\n'))
    .catch((err) => {
      process.stderr.write(`小程序 H5 版构建失败：${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
