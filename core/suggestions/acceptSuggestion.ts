/** The office accepts (立案) a submitted suggestion after review. */
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';

/** submitted → accepted. */
export function acceptSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'accept', input, async ({ input }) => ({ to: 'accepted', note: input.note ?? null }));
}
