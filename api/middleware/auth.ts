/** Bearer-token authentication: resolves the acting user or answers 401. */
import type { Context, Next } from 'koa';
import { loadActor } from '../../core/auth/actor';
import { verifyToken } from '../../core/auth/tokens';
import type { Config } from '../../core/config';
import type { Actor } from '../../core/context';
import { sendError } from './errors';

/** Requires a valid token; puts the actor on `ctx.state.actor`. */
export function requireAuth(config: Config) {
  return async (ctx: Context, next: Next) => {
    const header = ctx.get('authorization');
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) return sendError(ctx, 401, 'unauthorized', '请先登录');
    const userId = verifyToken(config, match[1].trim());
    const actor = userId ? await loadActor(userId) : null;
    if (!actor) return sendError(ctx, 401, 'unauthorized', '登录已过期或无效，请重新登录');
    ctx.state.actor = actor;
    await next();
  };
}

/** The actor that `requireAuth` resolved. */
export function actorOf(ctx: Context): Actor {
  return ctx.state.actor as Actor;
}
