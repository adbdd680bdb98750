/**
 * Real mini-program codes (小程序码) from WeChat's `wxa/getwxacodeunlimit`: a page and a `scene` of at most 32
 * characters the page reads on opening. Codes never expire, so each image is kept in this process (up to
 * CACHE_BYTES, least recently used dropped first) and WeChat is asked once per page, scene and version.
 * WeChat's refusals become Chinese 502s (its answer was an error) or 503s (it cannot be reached, is busy,
 * or the AppSecret is not configured), never a 500.
 */
import type { CoreContext } from '../context';
import { ok, unavailable, upstream, type Outcome } from '../result';
import { AccessTokenError, accessToken, dropAccessToken, STALE_TOKEN_CODES } from './accessToken';

/** The images kept in this process, by WeChat base, AppID, page, scene and width. */
const CACHE_BYTES = 32 * 1024 * 1024;
const cache = new Map<string, { png: Buffer; contentType: string }>();
let cachedBytes = 0;

/** A mini-program code image. */
export interface MiniProgramCode {
  image: Buffer;
  contentType: string;
  /** Served from this process's cache (WeChat was not asked this time). */
  cached: boolean;
}

/** What a WeChat error code means to the person asking, and whether waiting helps (503) or not (502). */
function wechatRefusal(errcode: number, errmsg: string | undefined): Outcome<never> {
  switch (errcode) {
    case -1:
    case 45009:
    case 45011:
      return unavailable('微信接口繁忙，请稍后再试', 60);
    case 40013:
    case 40125:
    case 41004:
    case 40164:
      return upstream(`微信拒绝了小程序的 AppID/AppSecret 或服务器地址（${errcode}），请管理员核对小程序配置`);
    case 41030:
      return upstream('微信说这个小程序页面不存在（41030）：小程序需先发布包含该页面的版本');
    case 40169:
    case 40097:
      return upstream(`微信认为小程序码参数不合法（${errcode}）`);
    default:
      return upstream(`微信没有生成小程序码（${errcode}${errmsg ? ` ${errmsg}` : ''}），请稍后再试或联系管理员`);
  }
}

function remember(key: string, png: Buffer, contentType: string): void {
  if (png.length > CACHE_BYTES / 4) return;
  cache.set(key, { png, contentType });
  cachedBytes += png.length;
  for (const [k, v] of cache) {
    if (cachedBytes <= CACHE_BYTES) break;
    cache.delete(k);
    cachedBytes -= v.png.length;
  }
}

/**
 * The mini-program code of `page` with `scene` (≤ 32 visible characters), `width` pixels wide, for the
 * released version (`envVersion` trial/develop for testers).
 */
export async function miniProgramCode(
  ctx: CoreContext,
  input: { page: string; scene: string; width?: number; envVersion?: 'release' | 'trial' | 'develop' },
): Promise<Outcome<MiniProgramCode>> {
  const { wechatApiBase, wechatAppId, wechatAppSecret } = ctx.config;
  const width = input.width ?? 430;
  const envVersion = input.envVersion ?? 'release';
  const key = [wechatApiBase, wechatAppId, envVersion, input.page, input.scene, width].join('|');
  const hit = cache.get(key);
  if (hit) {
    // Most recently used goes last.
    cache.delete(key);
    cache.set(key, hit);
    return ok({ image: hit.png, contentType: hit.contentType, cached: true });
  }
  if (!wechatAppSecret) return unavailable('服务器还没有配置小程序的 AppSecret（WECHAT_SECRET），暂时不能生成小程序码；可以先用链接二维码', 3600);

  for (let attempt = 0; attempt < 2; attempt++) {
    let token: string;
    try {
      token = await accessToken(ctx);
    } catch (e) {
      if (e instanceof AccessTokenError && e.errcode !== null) return wechatRefusal(e.errcode, e.message);
      return unavailable('暂时连不上微信，请稍后再试');
    }
    let res: Response;
    let body: Buffer;
    try {
      res = await fetch(`${wechatApiBase}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        signal: AbortSignal.timeout(8000),
        body: JSON.stringify({ scene: input.scene, page: input.page, check_path: false, env_version: envVersion, width }),
      });
      body = Buffer.from(await res.arrayBuffer());
    } catch {
      return unavailable('暂时连不上微信，请稍后再试');
    }
    const type = (res.headers.get('content-type') ?? '').toLowerCase();
    if (res.ok && type.startsWith('image/') && body.length > 0) {
      const contentType = type.split(';')[0].trim();
      remember(key, body, contentType);
      return ok({ image: body, contentType, cached: false });
    }
    let err: { errcode?: number; errmsg?: string } = {};
    try {
      err = JSON.parse(body.toString('utf8')) as typeof err;
    } catch {
      /* neither an image nor JSON */
    }
    if (typeof err.errcode === 'number' && STALE_TOKEN_CODES.has(err.errcode) && attempt === 0) {
      dropAccessToken();
      continue;
    }
    if (typeof err.errcode === 'number' && err.errcode !== 0) return wechatRefusal(err.errcode, err.errmsg);
    if (res.status >= 500) return unavailable('微信接口暂时出错，请稍后再试');
    return upstream(`微信返回了无法识别的内容（HTTP ${res.status}），没有生成小程序码`);
  }
  return upstream('微信一再拒绝访问令牌，没有生成小程序码，请联系管理员');
}

/** Empties the cache (tests, or after the AppID changes). */
export function clearMiniProgramCodes(): void {
  cache.clear();
  cachedBytes = 0;
}
