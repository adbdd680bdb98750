/** The timeline: every change to a suggestion writes one event row with who, when, from, to and a note. */
import type { SuggestionEventKind, SuggestionState } from '../../contracts/enums';
import { Op } from 'sequelize';
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

const rowOf = (e: EventInput) => ({
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

/** Appends one event to a suggestion's timeline. */
export async function recordEvent(e: EventInput): Promise<SuggestionEventModel> {
  return SuggestionEventModel.create(rowOf(e));
}

/**
 * Appends many events (a batch's) with one INSERT and returns their ids, in order. The ids are read back by suggestion
 * and action — the newest of each pair are these, as the caller holds the suggestions (locked rows on MySQL, the write
 * lock on SQLite) — so nothing relies on consecutive auto-increment values.
 */
export async function recordEvents(es: EventInput[]): Promise<number[]> {
  if (!es.length) return [];
  await SuggestionEventModel.bulkCreate(es.map(rowOf));
  const pair = (suggestionId: number, action: string) => `${suggestionId}:${action}`;
  const rows = await SuggestionEventModel.findAll({
    where: { suggestionId: [...new Set(es.map((e) => e.suggestionId))], action: { [Op.in]: [...new Set(es.map((e) => e.action))] } },
    attributes: ['id', 'suggestionId', 'action'],
    order: [['id', 'ASC']],
    raw: true,
  });
  const ids = new Map<string, number[]>();
  for (const r of rows) ids.set(pair(r.suggestionId, r.action), [...(ids.get(pair(r.suggestionId, r.action)) ?? []), r.id]);
  // The k-th of a pair's events in this batch is the k-th of its newest ids.
  const wanted = new Map<string, number>();
  for (const e of es) wanted.set(pair(e.suggestionId, e.action), (wanted.get(pair(e.suggestionId, e.action)) ?? 0) + 1);
  const next = new Map<string, number>();
  return es.map((e) => {
    const k = pair(e.suggestionId, e.action);
    const all = ids.get(k) ?? [];
    const i = next.get(k) ?? 0;
    next.set(k, i + 1);
    const id = all[all.length - wanted.get(k)! + i];
    if (id === undefined) throw new Error(`timeline event of suggestion ${e.suggestionId} not found after its INSERT`);
    return id;
  });
}
