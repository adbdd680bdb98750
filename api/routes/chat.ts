/** Chat identity binding, bot tokens and bot sessions. */
import Router from '@koa/router';
import type { CoreContext } from '../../core/context';
import { bindChatIdentity, chatToken, issueBindCode } from '../../core/chat/binding';
import { deleteChatSession, readChatSession, writeChatSession } from '../../core/chat/sessions';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond } from '../middleware/errors';

/** Mounts /api/chat/*. */
export function chatRoutes(core: CoreContext): Router {
  const r = new Router();
  r.use(requireAuth(core.config));
  r.post('/api/chat/bind-code', async (ctx) => respond(ctx, await issueBindCode(core, actorOf(ctx)), (v) => ({ code: v.code, expiresAt: v.expiresAt.toISOString() })));
  r.post('/api/chat/bind', async (ctx) => respond(ctx, await bindChatIdentity(core, actorOf(ctx), ctx.request.body), (v) => v));
  r.post('/api/chat/token', async (ctx) => respond(ctx, await chatToken(core, actorOf(ctx), ctx.request.body), (v) => v));
  r.get('/api/chat/sessions/:key', async (ctx) => respond(ctx, await readChatSession(core, actorOf(ctx), ctx.params.key), (v) => v));
  r.put('/api/chat/sessions/:key', async (ctx) => respond(ctx, await writeChatSession(core, actorOf(ctx), ctx.params.key, ctx.request.body), (v) => ({ expiresAt: v.expiresAt.toISOString(), expired: v.expired })));
  r.delete('/api/chat/sessions/:key', async (ctx) => respond(ctx, await deleteChatSession(core, actorOf(ctx), ctx.params.key), (v) => v));
  return r;
}
