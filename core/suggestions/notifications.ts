/**
 * The domain events a suggestion action raises (DESIGN.md: named events published from the use cases). Who hears
 * of each, on which channels and in which words is the event table's business (`core/notifications/eventTable.ts`).
 */
import type { SuggestionAction, SuggestionState } from '../../contracts/enums';
import type { Actor } from '../context';
import type { DomainEvent } from '../useCase';
import type { SuggestionFacts } from './facts';

/** What the timeline recorded for the action. */
export interface RecordedAction {
  /** An action, or `reschedule` when a calendar change moved the deadlines. */
  action: SuggestionAction | 'reschedule';
  from: SuggestionState;
  to: SuggestionState;
  /** The timeline event's id: the cause that keeps anyone from hearing of it twice. */
  eventId: number;
  note: string | null;
  data?: Record<string, unknown> | null;
}

/** The event type(s) of an action, by who acted and where it led. */
function typesOf(r: RecordedAction, facts: SuggestionFacts): string[] {
  switch (r.action) {
    case 'submit':
      return r.to === 'received'
        ? ['opinion.received']
        : ['suggestion.submitted', ...(facts.cosigners.some((c) => c.kind === 'invited' && c.status === 'pending') ? ['cosigner.added'] : [])];
    case 'withdraw':
      return ['suggestion.withdrawn'];
    case 'forward':
      return ['opinion.forwarded'];
    case 'reply':
      return ['opinion.replied'];
    case 'accept':
      return ['suggestion.accepted'];
    case 'reject':
      return ['suggestion.rejected'];
    case 'assign':
    case 'confirm':
      return ['suggestion.assigned'];
    case 'sign':
      return ['suggestion.signed'];
    case 'return':
      return ['suggestion.returned'];
    case 'opinion':
      return ['co_opinion.received'];
    case 'consult':
      return ['consultation.recorded'];
    case 'request-extension':
      return ['extension.requested'];
    case 'decide-extension':
      return ['extension.decided'];
    case 'publish-answer':
      return ['suggestion.answered'];
    case 'rate':
      return [r.to === 'handling' ? 'suggestion.dissatisfied' : r.to === 'awaiting_office' ? 'suggestion.awaiting_office' : 'suggestion.rated'];
    case 'decide-redo':
      return [r.to === 'handling' ? 'suggestion.redo_ordered' : 'suggestion.closed'];
    case 'cosign':
      return ['cosigner.answered'];
    case 'join':
      return ['cosigner.join_requested'];
    case 'decide-join':
      return ['cosigner.join_decided'];
    case 'close':
      return ['suggestion.closed'];
    case 'urge':
      return ['suggestion.urge'];
    case 'order':
      return ['suggestion.order'];
    case 'reschedule':
      return ['suggestion.rescheduled'];
    default:
      return [];
  }
}

/** The domain events of an action recorded on a suggestion. */
export function suggestionEvents(r: RecordedAction, actor: Actor, facts: SuggestionFacts): DomainEvent[] {
  const mine = facts.assignments.find((a) => a.departmentId === actor.departmentId);
  const data = { ...(r.data ?? {}), eventId: r.eventId, note: r.note ?? '', from: r.from, to: r.to, role: mine?.role ?? null };
  return typesOf(r, facts).map((type) => ({ type, ref: { type: 'suggestion', id: facts.suggestion.id }, data }));
}
