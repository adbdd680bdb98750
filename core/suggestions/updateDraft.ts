/** The author edits a draft: title, body, co-signers. Only drafts can be edited. */
import { UpdateDraftRequest } from '../../contracts/schemas';
import { formatZodError } from '../../contracts/validation';
import type { Actor, CoreContext } from '../context';
import { chinaDate } from '../calendar/workdays';
import { conflict, forbidden, invalid, notFound, ok, type Outcome } from '../result';
import { resolveCosigners, setInvitations } from './cosigners';
import { recordEvent } from './events';
import { loadFacts, type SuggestionFacts } from './facts';
import { inTransaction } from '../useCase';
import { canSee } from '../directory/suggestionScope';

/** Whether `actor` may edit this suggestion now: its author, while it is a draft. */
export function canEditDraft(actor: Actor, facts: SuggestionFacts): boolean {
  return facts.suggestion.authorUserId === actor.id && facts.state === 'draft';
}

/** Applies the changes to the draft and records an `edit` event. */
export async function updateDraft(ctx: CoreContext, actor: Actor, id: number, input: unknown): Promise<Outcome<{ id: number }>> {
  const parsed = UpdateDraftRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const req = parsed.data;
  return inTransaction(ctx, async () => {
    const facts = await loadFacts(id, true);
    if (!facts || !canSee(actor, facts)) return notFound('没有找到这件建议');
    const s = facts.suggestion;
    if (s.authorUserId !== actor.id) return forbidden('只有提出人本人可以修改');
    if (facts.state !== 'draft') return conflict('已经提交，不能再修改；需要修改请先撤回');
    if (req.cosigners) {
      if (actor.role !== 'deputy') return invalid('群众意见不能邀请附议');
      const ids = await resolveCosigners(actor, req.cosigners);
      if (typeof ids === 'string') return invalid(ids);
      await setInvitations(s.id, ids);
    }
    if (req.title !== undefined) s.title = req.title;
    if (req.body !== undefined) s.body = req.body;
    s.changed('updatedAt', true);
    await s.save();
    const now = ctx.clock.now();
    await recordEvent({ suggestionId: s.id, actor, action: 'edit', from: 'draft', to: 'draft', at: now, data: { fields: Object.keys(req), on: chinaDate(now) } });
    return ok({ id: s.id });
  });
}
