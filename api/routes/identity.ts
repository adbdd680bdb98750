/** Accounts the office or admin creates one by one or imports from a roster file, and invitations that link WeChat. */
import Router from '@koa/router';
import { ROSTER_KINDS, type RosterKind } from '../../contracts/identity';
import type { CoreContext } from '../../core/context';
import { createUserDetailed } from '../../core/identity/createUser';
import { importRoster } from '../../core/identity/importRoster';
import { inviteUser } from '../../core/identity/inviteUser';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond, sendError } from '../middleware/errors';
import { presentUser } from '../presenters/identity';
import { rawBody, uploadFormat } from '../rawBody';

const MAX_UPLOAD = 20 * 1024 * 1024;

/** Mounts POST /api/users, POST /api/users/import and POST /api/users/:username/invitation. */
export function identityRoutes(core: CoreContext): Router {
  const r = new Router();
  const auth = requireAuth(core.config);
  r.post('/api/users', auth, async (ctx) => respond(ctx, await createUserDetailed(core, actorOf(ctx), ctx.request.body), presentUser, 201));
  r.post('/api/users/import', auth, async (ctx) => {
    const kind = ctx.query.kind === undefined ? undefined : String(ctx.query.kind);
    if (kind !== undefined && !(ROSTER_KINDS as readonly string[]).includes(kind)) return sendError(ctx, 400, 'invalid', '名单类型（kind）只能是 deputies、staff 或 stations');
    const format = uploadFormat(ctx);
    if (!format) return sendError(ctx, 415, 'invalid', '请上传 CSV（Content-Type: text/csv）或 XLSX 文件，或在地址后加 ?format=csv|xlsx');
    const data = await rawBody(ctx, MAX_UPLOAD);
    if (!data) return sendError(ctx, 413, 'too_large', '文件太大了（上限 20 MB），请拆分后分批导入');
    respond(ctx, await importRoster(core, actorOf(ctx), { data, format, kind: kind as RosterKind | undefined }), (v) => v);
  });
  r.post('/api/users/:username/invitation', auth, async (ctx) => respond(ctx, await inviteUser(core, actorOf(ctx), ctx.params.username, ctx.request.body ?? {}), (v) => v, 201));
  return r;
}
