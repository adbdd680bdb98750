/** Every error leaves as `{"error":{"code","message"}}` with a Chinese message; nothing leaks a stack trace. */
import type { Context, Next } from 'koa';
import type { Logger } from 'pino';
import { ConnectionError, UniqueConstraintError } from 'sequelize';
import type { ErrorCode } from '../../contracts/enums';
import type { DownloadFile } from '../../core/export/workbookFile';
import type { Outcome } from '../../core/result';

const STATUS: Record<Extract<Outcome<never>, { ok: false }>['kind'], [number, ErrorCode]> = {
  invalid: [400, 'invalid'],
  unauthorized: [401, 'unauthorized'],
  forbidden: [403, 'forbidden'],
  notFound: [404, 'not_found'],
  conflict: [409, 'conflict'],
  tooMany: [429, 'rate_limited'],
  upstream: [502, 'upstream'],
  unavailable: [503, 'unavailable'],
};

/** Writes an error response. */
export function sendError(ctx: Context, status: number, code: ErrorCode, message: string): void {
  ctx.status = status;
  ctx.body = { error: { code, message } };
}

/** Writes a use case's outcome: the presented value with `status`, or the failure's status and message. */
export function respond<T>(ctx: Context, outcome: Outcome<T>, present: (v: T) => unknown, status = 200): void {
  if (outcome.ok) {
    ctx.status = status;
    ctx.body = present(outcome.value);
    return;
  }
  const [s, code] = STATUS[outcome.kind];
  if (outcome.retryAfterSeconds) ctx.set('retry-after', String(outcome.retryAfterSeconds));
  sendError(ctx, s, code, outcome.message);
}

/** Writes a use case's file (an export) as a download, or the failure. */
export function respondFile(ctx: Context, outcome: Outcome<DownloadFile>): void {
  if (!outcome.ok) return respond(ctx, outcome, () => null);
  ctx.type = outcome.value.contentType;
  ctx.attachment(outcome.value.filename);
  ctx.body = outcome.value.data;
}

/** How long a client should wait before trying again while the database is unreachable (seconds). */
export const RETRY_AFTER_SECONDS = 30;

/** Answers 503 with Retry-After: the database cannot be reached. */
export function sendUnavailable(ctx: Context): void {
  ctx.set('retry-after', String(RETRY_AFTER_SECONDS));
  sendError(ctx, 503, 'unavailable', `数据库暂时连不上，请 ${RETRY_AFTER_SECONDS} 秒后再试`);
}

/** MySQL's answers when two transactions collide on the same rows (deadlock, lock wait): a race, not a fault. */
function isLockConflict(err: unknown): boolean {
  const code = (err as { original?: { code?: string }; parent?: { code?: string } }).original?.code ?? (err as { parent?: { code?: string } }).parent?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

/**
 * Catches everything thrown below it. Body errors are handled at the edge (jsonBody); a unique-constraint race
 * is 409, a database that cannot be reached (a connection error, or `databaseUp` failing after any other error)
 * is 503 with Retry-After, the rest a logged 500.
 */
export function errorHandler(logger: Logger, databaseUp: () => Promise<boolean> = async () => true) {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) sendError(ctx, 404, 'not_found', '没有这个接口');
      // A known address asked with a method it does not take: the router's own answer is English plain text.
      else if (ctx.status === 405 && ctx.body === undefined) sendError(ctx, 405, 'method_not_allowed', `这个地址不支持 ${ctx.method} 请求`);
    } catch (err) {
      const e = err as { status?: number; type?: string; message?: string };
      if (e.status === 413 || e.type === 'entity.too.large') return sendError(ctx, 413, 'too_large', '提交的内容太大了（上限 1 MB）');
      if (e.status === 415) return sendError(ctx, 415, 'invalid', '请以 JSON 格式提交（Content-Type: application/json）');
      if (e.status && e.status >= 400 && e.status < 500) return sendError(ctx, e.status, 'invalid', '请求格式不对：请提交合法的 JSON');
      if (err instanceof UniqueConstraintError || isLockConflict(err)) {
        logger.info({ path: ctx.path, method: ctx.method, err: e.message }, 'concurrent change refused');
        return sendError(ctx, 409, 'conflict', '刚刚有人做了同样的操作，请刷新后再试');
      }
      if (err instanceof ConnectionError || !(await databaseUp())) {
        logger.error({ err, path: ctx.path, method: ctx.method }, 'database unreachable');
        return sendUnavailable(ctx);
      }
      logger.error({ err, path: ctx.path, method: ctx.method }, 'unhandled error');
      sendError(ctx, 500, 'internal', '服务器出了点问题，请稍后再试；已记录下来');
    }
  };
}
