/** The office urges (催办) the departments handling a suggestion; recorded in the timeline. */
import type { Actor, CoreContext } from '../context';
import { performAction } from './perform';

/** Records an urge notice; the state does not change. */
export function urgeSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'urge', input, async ({ facts, today, input }) => {
    const late = facts.suggestion.answerDueOn && today > facts.suggestion.answerDueOn;
    return { note: input.note ?? (late ? `已超过答复期限 ${facts.suggestion.answerDueOn}，请抓紧办理` : '请抓紧办理') };
  });
}
