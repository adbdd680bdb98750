/** The timeline: every change to a suggestion writes one event row with who, when, from, to and a note. */
import type { SuggestionEventKind, SuggestionState } from '../../contracts/enums';
import { SuggestionEventModel } from '../../models/definitions';
import type { Actor } from '../context';

export interface EventInput {
  suggestionId: number;
  actor: Actor;
  action: SuggestionEventKind;
  from: SuggestionState | null;
  to: SuggestionState | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
  at: Date;
}

/** Appends one event to a suggestion's timeline. */
export async function recordEvent(e: EventInput): Promise<SuggestionEventModel> {
  return SuggestionEventModel.create({
    suggestionId: e.suggestionId,
    actorUserId: e.actor.id,
    actorName: e.actor.name,
    actorRole: e.actor.role,
    action: e.action,
    fromState: e.from,
    toState: e.to,
    note: e.note ?? null,
    data: e.data ? JSON.stringify(e.data) : null,
    createdAt: e.at,
  });
}
