/** What a caller may do next with a suggestion: the same checks the actions themselves make. */
import { SUGGESTION_ACTIONS, type SuggestionAction } from '../../contracts/enums';
import type { Actor } from '../context';
import type { SuggestionFacts } from './facts';
import { conflictReason, forbiddenReason } from './policy';
import { canStart } from './stateMachine';

/** Every action that `actor` could perform now (input validity aside). */
export function availableActions(actor: Actor, f: SuggestionFacts, today: string): SuggestionAction[] {
  return SUGGESTION_ACTIONS.filter(
    (a) => canStart(a, f.state) && !forbiddenReason(a, actor, f, today) && !conflictReason(a, actor, f, today),
  );
}
