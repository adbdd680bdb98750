/** Configuration read from the environment, in one place. Every variable is documented in the README. */
import { createHmac } from 'node:crypto';

/** The published demo secret: only ever used in demo mode outside production. */
export const DEMO_JWT_SECRET = 'lvzhi-demo-secret-not-for-production';

export interface Config {
  port: number;
  databaseUrl: string;
  production: boolean;
  demoMode: boolean;
  jwtSecret: string;
  /** The key of photo links (PHOTO_LINK_SECRET, or derived from the JWT secret): a leaked link key forges no token. */
  photoLinkSecret: string;
  jwtTtl: string;
  wechatApiBase: string;
  wechatAppId: string;
  wechatAppSecret: string;
  wechatTemplateId: string;
  routingThreshold: number;
  routingCoThreshold: number;
  routingRefreshSeconds: number;
  publicUrl: string | null;
  logLevel: string;
  /** Whether this process runs the jobs runner (it sweeps only while it holds the leader lease). */
  jobs: boolean;
}

/** Reads the configuration from `env`, with the defaults for a demo on one machine. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || 'sqlite:data/lvzhi.sqlite';
  // Demo mode is on by default only for a SQLite database outside production.
  const demoDefault = !production && databaseUrl.startsWith('sqlite:');
  const demoMode = env.DEMO_MODE === undefined || env.DEMO_MODE === '' ? demoDefault : /^(1|true|yes|on)$/i.test(env.DEMO_MODE);
  // The demo secret is published: a token signed with it must never open anything but a demo.
  const demoSecretAllowed = demoMode && !production;
  const jwtSecret = env.JWT_SECRET || (demoSecretAllowed ? DEMO_JWT_SECRET : '');
  if (!jwtSecret) throw new Error('JWT_SECRET must be set (only demo mode outside production may use the demo secret)');
  if (jwtSecret === DEMO_JWT_SECRET && !demoSecretAllowed) throw new Error('JWT_SECRET is the published demo secret: set a secret of your own');
  return {
    port: Number(env.PORT || 3000),
    databaseUrl,
    production,
    demoMode,
    jwtSecret,
    photoLinkSecret: env.PHOTO_LINK_SECRET || createHmac('sha256', jwtSecret).update('lvzhi photo links').digest('base64url'),
    jwtTtl: env.JWT_TTL || '7d',
    wechatApiBase: (env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/$/, ''),
    wechatAppId: env.WECHAT_APPID || 'touristappid',
    wechatAppSecret: env.WECHAT_SECRET || '',
    wechatTemplateId: env.WECHAT_TEMPLATE_ID || 'lvzhi-notice',
    routingThreshold: Number(env.ROUTING_THRESHOLD || 0.6),
    routingCoThreshold: Number(env.ROUTING_CO_THRESHOLD || 0.15),
    routingRefreshSeconds: Number(env.ROUTING_REFRESH_SECONDS || 10),
    publicUrl: env.PUBLIC_URL || null,
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    jobs: !/^(0|off|false|no)$/i.test(env.JOBS ?? ''),
  };
}
