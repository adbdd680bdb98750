/** User accounts in the admin area: list and search, change role and place, deactivate and reactivate. */
import Router from '@koa/router';
import { deactivateUser } from '../../core/admin/deactivateUser';
import { listUsers } from '../../core/admin/listUsers';
import { reactivateUser } from '../../core/admin/reactivateUser';
import { updateUser } from '../../core/admin/updateUser';
import type { UserView } from '../../core/admin/userSubject';
import type { CoreContext } from '../../core/context';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond } from '../middleware/errors';
import { presentAdminUser, presentUserPage } from '../presenters/admin';

const present = (v: UserView) => presentAdminUser(v.user, v);

/** Mounts /api/users*. */
export function userRoutes(core: CoreContext): Router {
  const r = new Router();
  const auth = requireAuth(core.config);
  r.get('/api/users', auth, async (ctx) => respond(ctx, await listUsers(core, actorOf(ctx), undefined, ctx.query), presentUserPage));
  r.patch('/api/users/:username', auth, async (ctx) => respond(ctx, await updateUser(core, actorOf(ctx), ctx.params.username, ctx.request.body), present));
  r.post('/api/users/:username/deactivate', auth, async (ctx) =>
    respond(ctx, await deactivateUser(core, actorOf(ctx), ctx.params.username, ctx.request.body), present),
  );
  r.post('/api/users/:username/reactivate', auth, async (ctx) =>
    respond(ctx, await reactivateUser(core, actorOf(ctx), ctx.params.username, ctx.request.body), present),
  );
  return r;
}
