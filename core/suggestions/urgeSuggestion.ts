/** The office urges (催办) the departments handling a suggestion; recorded in the timeline. */
import type { Actor, CoreContext } from '../context';
import { performAction, performActions, type ActionRun } from './perform';
import { chinaDate } from '../../contracts/format';

const urge = async ({ facts, today, input }: ActionRun<{ note?: string | null }>) => {
  const late = facts.suggestion.answerDueOn && today > facts.suggestion.answerDueOn;
  return { note: input.note ?? (late ? `已超过答复期限${chinaDate(facts.suggestion.answerDueOn)}，请抓紧办理` : '请抓紧办理') };
};

/** Records an urge notice; the state does not change. */
export function urgeSuggestion(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'urge', input, urge);
}

/** Urges many suggestions at once (the overdue sweep's batch); one outcome per item, as `urgeSuggestion` would give. */
export function urgeSuggestions(ctx: CoreContext, actor: Actor, items: { id: number; input?: unknown }[]) {
  return performActions(ctx, actor, 'urge', items, urge);
}
