/** The suggestion endpoints: list, create, read, edit a draft, and every lifecycle action. */
import Router from '@koa/router';
import { SUGGESTION_ACTIONS, type SuggestionAction } from '../../contracts/enums';
import type { CoreContext } from '../../core/context';
import { createSuggestion, getSuggestion, listSuggestions, SUGGESTION_USE_CASES, updateDraft } from '../../core/suggestions';
import type { Outcome } from '../../core/result';
import { actorOf, requireAuth } from '../middleware/auth';
import { respond, sendError } from '../middleware/errors';
import { presentSuggestion, presentSuggestionPage } from '../presenters/suggestion';
import { similarSuggestions } from '../../core/suggestions/similarSuggestions';
import { reassignSuggestion } from '../../core/suggestions/reassignSuggestion';
import type { Context } from 'koa';

const parseId = (raw: string) => (/^\d{1,10}$/.test(raw) ? Number(raw) : NaN);

/** After a change, answers with the suggestion as the caller now sees it. */
async function respondWithDetail(core: CoreContext, ctx: Context, outcome: Outcome<{ id: number }>, status = 200) {
  if (!outcome.ok) return respond(ctx, outcome, () => null);
  respond(ctx, await getSuggestion(core, actorOf(ctx), outcome.value.id), (v) => presentSuggestion(v, actorOf(ctx)), status);
}

/** Mounts /api/suggestions*. */
export function suggestionRoutes(core: CoreContext): Router {
  const r = new Router();
  const auth = requireAuth(core.config);
  r.get('/api/suggestions', auth, async (ctx) => respond(ctx, await listSuggestions(core, actorOf(ctx), ctx.query), (v) => presentSuggestionPage(v, actorOf(ctx))));
  r.post('/api/suggestions', auth, async (ctx) => respondWithDetail(core, ctx, await createSuggestion(core, actorOf(ctx), ctx.request.body), 201));
  r.get('/api/suggestions/:id', auth, async (ctx) => {
    const id = parseId(ctx.params.id);
    if (Number.isNaN(id)) return sendError(ctx, 404, 'not_found', '没有找到这件建议');
    respond(ctx, await getSuggestion(core, actorOf(ctx), id), (v) => presentSuggestion(v, actorOf(ctx)));
  });
  r.get('/api/suggestions/:id/similar', auth, async (ctx) => {
    const id = parseId(ctx.params.id);
    if (Number.isNaN(id)) return sendError(ctx, 404, 'not_found', '没有找到这件建议');
    respond(ctx, await similarSuggestions(core, actorOf(ctx), id), (items) => ({ items }));
  });
  r.patch('/api/suggestions/:id', auth, async (ctx) => {
    const id = parseId(ctx.params.id);
    if (Number.isNaN(id)) return sendError(ctx, 404, 'not_found', '没有找到这件建议');
    await respondWithDetail(core, ctx, await updateDraft(core, actorOf(ctx), id, ctx.request.body));
  });
  r.post('/api/suggestions/:id/reassign', auth, async (ctx) => {
    const id = parseId(ctx.params.id);
    if (Number.isNaN(id)) return sendError(ctx, 404, 'not_found', '没有找到这件建议');
    await respondWithDetail(core, ctx, await reassignSuggestion(core, actorOf(ctx), id, ctx.request.body));
  });
  r.post('/api/suggestions/:id/:action', auth, async (ctx) => {
    const action = ctx.params.action as SuggestionAction;
    if (!SUGGESTION_ACTIONS.includes(action)) return sendError(ctx, 404, 'not_found', `没有“${ctx.params.action}”这个操作`);
    const id = parseId(ctx.params.id);
    if (Number.isNaN(id)) return sendError(ctx, 404, 'not_found', '没有找到这件建议');
    await respondWithDetail(core, ctx, await SUGGESTION_USE_CASES[action](core, actorOf(ctx), id, ctx.request.body));
  });
  return r;
}
