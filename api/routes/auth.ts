/** Sign-in endpoints and the caller's own profile. */
import Router from '@koa/router';
import { devLoginAudited } from '../../core/auth/devLogin';
import { loginAudited } from '../../core/auth/login';
import { wechatLoginAudited } from '../../core/auth/wechatLogin';
import type { Actor, CoreContext } from '../../core/context';
import { getProfile } from '../../core/directory/getProfile';
import { ok, type Outcome } from '../../core/result';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond } from '../middleware/errors';
import { presentMe } from '../presenters/directory';
import { loadActor } from '../../core/auth/actor';

/** Adds the profile to a successful sign-in. */
async function withProfile(outcome: Outcome<{ token: string; userId: number }>) {
  if (!outcome.ok) return outcome;
  const actor = (await loadActor(outcome.value.userId)) as Actor;
  const profile = await getProfile(actor);
  return profile.ok ? ok({ token: outcome.value.token, user: presentMe(profile.value) }) : profile;
}

/** Mounts /api/auth/* and /api/me. */
export function authRoutes(core: CoreContext): Router {
  const r = new Router();
  r.post('/api/auth/login', async (ctx) => respond(ctx, await withProfile(await loginAudited(core, ctx.request.body)), (v) => v));
  r.post('/api/auth/wechat', async (ctx) => respond(ctx, await withProfile(await wechatLoginAudited(core, ctx.request.body)), (v) => v));
  r.post('/api/auth/dev', async (ctx) => respond(ctx, await withProfile(await devLoginAudited(core, ctx.request.body)), (v) => v));
  r.get('/api/me', requireAuth(core.config), async (ctx) => respond(ctx, await getProfile(actorOf(ctx)), presentMe));
  return r;
}
