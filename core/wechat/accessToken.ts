/**
 * The mini-program's WeChat access token (`cgi-bin/token`, grant_type=client_credential), shared by every call
 * that needs one (subscribe messages, mini-program codes). Kept in this process until five minutes before it
 * expires; a call WeChat refuses for an expired or replaced token drops it so the next call fetches a new one.
 */
import type { CoreContext } from '../context';

let cached: { key: string; token: string; expires: number } | null = null;

/** Why WeChat would not give a token (errcode and errmsg), or that it could not be reached. */
export class AccessTokenError extends Error {
  constructor(
    readonly errcode: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'AccessTokenError';
  }
}

/** The current access token for the configured AppID; throws AccessTokenError when WeChat refuses or is unreachable. */
export async function accessToken(ctx: CoreContext): Promise<string> {
  const { wechatApiBase: base, wechatAppId, wechatAppSecret } = ctx.config;
  const key = `${base}|${wechatAppId}`;
  if (cached && cached.key === key && cached.expires > Date.now()) return cached.token;
  const url = `${base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(wechatAppId)}&secret=${encodeURIComponent(wechatAppSecret)}`;
  let res: { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
  try {
    res = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as typeof res;
  } catch (e) {
    throw new AccessTokenError(null, `连接微信失败：${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res || typeof res.access_token !== 'string' || !res.access_token) throw new AccessTokenError(res?.errcode ?? -1, `access_token: ${res?.errmsg ?? 'no token'}`);
  cached = { key, token: res.access_token, expires: Date.now() + ((res.expires_in ?? 7200) - 300) * 1000 };
  return res.access_token;
}

/** Forgets the token (WeChat said it expired or was replaced: errcode 40001, 40014, 42001). */
export function dropAccessToken(): void {
  cached = null;
}

/** WeChat's error codes for a token that is no longer valid. */
export const STALE_TOKEN_CODES = new Set([40001, 40014, 42001]);
