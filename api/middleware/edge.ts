/**
 * The edge: what a client sends is checked here before any route sees it, so nothing a client can send reaches a
 * use case in a shape that would make it fail with a 500 — unknown methods, NUL bytes, bodies whose declared
 * content encoding does not decode.
 */
import { bodyParser } from '@koa/bodyparser';
import type { Context, Next } from 'koa';
import { sendError } from './errors';

/** The methods the API answers; any other (TRACE, PROPFIND, …) is 405. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The content encodings a JSON body may come in. */
const ENCODINGS = new Set(['identity', 'gzip', 'deflate', 'br']);

/** Answers 405 for methods no route of this API has. */
export function refuseUnknownMethods() {
  return async (ctx: Context, next: Next) => {
    if (!METHODS.has(ctx.method)) {
      ctx.set('allow', [...METHODS].join(', '));
      return sendError(ctx, 405, 'method_not_allowed', `不支持 ${ctx.method} 请求`);
    }
    await next();
  };
}

/** Whether `value` (any JSON value) holds a NUL character in a string or a key. */
export function hasNulByte(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNulByte);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNulByte(v));
  return false;
}

const NUL_MESSAGE = '提交的内容里有空字符（\\u0000），请去掉后再试';

/** Answers 400 when the path or the query holds a NUL byte (raw or percent-encoded). */
export function refuseNulInUrl() {
  return async (ctx: Context, next: Next) => {
    if (ctx.url.includes('\u0000') || /%00/.test(ctx.url)) return sendError(ctx, 400, 'invalid', NUL_MESSAGE);
    await next();
  };
}

/**
 * Parses JSON bodies (up to 1 MB, gzip/deflate/br or plain) into `ctx.request.body`. A body in an unknown content
 * encoding, or one that does not decode as the encoding it declares, is 415; JSON that is not an object, or a NUL byte
 * in any value or key, is 400.
 */
export function jsonBody() {
  const parse = bodyParser({ enableTypes: ['json'], jsonLimit: '1mb', encoding: 'utf-8' });
  return async (ctx: Context, next: Next) => {
    const encoding = (ctx.get('content-encoding') || 'identity').trim().toLowerCase();
    if (!ENCODINGS.has(encoding) && hasBody(ctx)) {
      return sendError(ctx, 415, 'invalid', `不支持的内容编码 ${encoding.slice(0, 32)}；请不压缩，或用 gzip、deflate、br 压缩`);
    }
    try {
      await parse(ctx, async () => undefined);
    } catch (err) {
      const e = err as { status?: number; type?: string };
      if (e.status === 413 || e.type === 'entity.too.large') return sendError(ctx, 413, 'too_large', '提交的内容太大了（上限 1 MB）');
      if (e.status === 415) return sendError(ctx, 415, 'invalid', '请以 JSON 格式提交（Content-Type: application/json）');
      if (e.status && e.status >= 400 && e.status < 500) return sendError(ctx, 400, 'invalid', '请求格式不对：请提交合法的 JSON');
      // No status: the decompressor refused what the Content-Encoding header promised.
      if (encoding !== 'identity') return sendError(ctx, 415, 'invalid', `内容声明为 ${encoding} 压缩，但无法解压；请去掉 Content-Encoding 或正确压缩后再提交`);
      throw err;
    }
    const body: unknown = ctx.request.body;
    if (ctx.request.is('json') && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      return sendError(ctx, 400, 'invalid', '请求内容应为 JSON 对象（{…}）');
    }
    if (hasNulByte(body)) return sendError(ctx, 400, 'invalid', NUL_MESSAGE);
    await next();
  };
}

/** Whether the request says it carries a body. */
function hasBody(ctx: Context): boolean {
  return ctx.get('transfer-encoding') !== '' || Number(ctx.get('content-length') || 0) > 0;
}
