/**
 * Who sees which suggestion: citizens their own items, deputies what they wrote, co-signed or received, and
 * every deputy's suggestion once the office has accepted it (代表建议立案后向代表公开 — so that a deputy can find
 * a similar suggestion and ask to join it), staff their department's tasks, office everything in their region's
 * subtree, the admin everything submitted (a draft is its author's own until submitted: no office, no admin).
 * A department that returned a task (退回) keeps what it saw up to its return (`historyUntil`) and no longer finds
 * it in its lists. Lists show deputies only what concerns them (`concernsWhere`).
 * It lives with the other scoping rules so that every feature (lists, similar suggestions, statistics) asks it.
 */
import { Op, Sequelize, type WhereOptions } from 'sequelize';
import type { Actor } from '../context';
import { inRegion, regionWhere } from './scope';
import { subtreeOfPath } from './regionFilter';
import type { SuggestionState } from '../../contracts/enums';

/** The states in which a deputy's suggestion is open to every deputy: accepted by the office, and after. */
export const OPEN_TO_DEPUTIES: readonly SuggestionState[] = ['accepted', 'assigned', 'handling', 'answered', 'awaiting_office', 'closed'];

/** What the rule needs to know of one suggestion (the suggestion feature's facts carry all of it). */
export interface SuggestionScopeFacts {
  suggestion: {
    state: string;
    source: string;
    authorUserId: number;
    deputyUserId: number | null;
    citizenUserId: number | null;
    addressedDeputyUserId: number | null;
    addressedStationId: number | null;
  };
  state: SuggestionState;
  regionPath: string | null;
  everAssignedDepartmentIds: number[];
  /** Every assignment, returned ones included: which department, whether it still holds it, when it returned it. */
  assignmentHistory: { departmentId: number; role: string; active: boolean; returnedAt: Date | null }[];
  cosignerIds: number[];
  /** Everyone the author asked to co-sign, whatever they answered (a deputy who declined still sees what they were shown). */
  invitedIds: number[];
}

/** Whether `actor` may see the suggestion described by `f`. */
export function canSee(actor: Actor, f: SuggestionScopeFacts): boolean {
  const s = f.suggestion;
  switch (actor.role) {
    case 'admin':
      return s.state !== 'draft';
    case 'office':
      return s.state !== 'draft' && inRegion(actor.regionPath, f.regionPath);
    case 'staff':
      return actor.departmentId !== null && f.everAssignedDepartmentIds.includes(actor.departmentId);
    case 'deputy':
      return (
        s.authorUserId === actor.id ||
        s.deputyUserId === actor.id ||
        f.cosignerIds.includes(actor.id) ||
        f.invitedIds.includes(actor.id) ||
        (s.state !== 'draft' && s.addressedDeputyUserId === actor.id) ||
        (s.state !== 'draft' && actor.stationId !== null && s.addressedStationId === actor.stationId) ||
        (s.source === 'deputy' && OPEN_TO_DEPUTIES.includes(f.state))
      );
    case 'citizen':
      return s.authorUserId === actor.id || s.citizenUserId === actor.id;
    case 'service':
      // The bot's service account acts only through the chat users' own tokens.
      return false;
  }
}

/**
 * The instant up to which `actor` may read the suggestion's history, or null for all of it: a department that
 * returned the task and holds no active assignment of it keeps what happened up to its (last) return — the
 * timeline, consultations, answers and handlers after it are another department's business.
 */
export function historyUntil(actor: Actor, f: SuggestionScopeFacts): Date | null {
  if (actor.role !== 'staff' || actor.departmentId === null) return null;
  const mine = f.assignmentHistory.filter((a) => a.departmentId === actor.departmentId);
  if (!mine.length || mine.some((a) => a.active)) return null;
  return new Date(Math.max(...mine.map((a) => (a.returnedAt ? new Date(a.returnedAt).getTime() : 0))));
}

/** The SQL condition that selects the suggestions `actor` may find in lists: what `canSee` allows, less the tasks a department returned. */
export function visibleWhere(actor: Actor): WhereOptions {
  const id = Number(actor.id);
  switch (actor.role) {
    case 'admin':
      return { state: { [Op.ne]: 'draft' } };
    case 'office':
      return { [Op.and]: [{ state: { [Op.ne]: 'draft' } }, regionWhere(actor)] } as WhereOptions;
    case 'staff':
      return {
        // Lists hold the department's current tasks; one it returned is read through its detail only (historyUntil).
        id: { [Op.in]: Sequelize.literal(`(SELECT suggestionId FROM suggestion_assignments WHERE active = 1 AND departmentId = ${Number(actor.departmentId ?? 0)})`) },
      } as WhereOptions;
    case 'deputy':
      return {
        [Op.or]: [
          ...concerning(actor),
          { id: { [Op.in]: Sequelize.literal(`(SELECT suggestionId FROM suggestion_cosigners WHERE userId = ${id} AND kind = 'invited')`) } },
          { source: 'deputy', state: { [Op.in]: [...OPEN_TO_DEPUTIES] } },
        ],
      } as WhereOptions;
    case 'citizen':
      return { [Op.or]: [{ authorUserId: id }, { citizenUserId: id }] };
    case 'service':
      return { id: null };
  }
}

/**
 * `visibleWhere` for lists and counts at volume: the same rule, with an office's region subtree read first, so that
 * the database gets a plain list of region ids it can range over (or, for a city office whose subtree holds every
 * region, no region condition at all) instead of a subquery joined by OR, which MySQL answers with a full scan.
 * `walk` is the same rule as a per-row test on the regions (`regionRowTest`), for a page that walks an index; both
 * are made from one read of the subtree.
 */
export async function visibleListWhere(actor: Actor): Promise<{ gather: WhereOptions; walk: WhereOptions }> {
  if (actor.role !== 'office' || !actor.regionPath) {
    const rule = visibleWhere(actor);
    return { gather: rule, walk: rule };
  }
  const isCity = actor.regionPath.split('/').filter(Boolean).length === 1;
  const { ids: under, all } = await subtreeOfPath(actor.regionPath);
  const notDraft = { state: { [Op.ne]: 'draft' } };
  if (isCity && under.length === all) return { gather: notDraft, walk: notDraft };
  const scoped = (inRegions: WhereOptions) => ({ [Op.and]: [notDraft, isCity ? { [Op.or]: [inRegions, { regionId: null }] } : inRegions] }) as WhereOptions;
  return { gather: scoped({ regionId: under }), walk: scoped(regionRowTest(under, 'SuggestionModel')) };
}

/**
 * `regionId IN (…)` as a per-row test that no index answers (`+regionId`, in SQLite and MySQL alike): a large list
 * ordered by `updatedAt` then walks that index and stops after a page, where SQLite would gather the regions' rows
 * by their index and sort them all. Only for lists with many matches (see listSuggestions).
 */
export function regionRowTest(regionIds: number[], alias: string): WhereOptions {
  const ids = regionIds.map(Number).filter(Number.isInteger);
  return Sequelize.literal(ids.length ? `+${alias}.regionId IN (${ids.join(', ')})` : '1 = 0') as unknown as WhereOptions;
}

/**
 * A staff member's own tasks as a per-row test (a correlated subquery): a list ordered by `updatedAt` then walks
 * that index and stops after a page, where `visibleWhere`'s `IN (…)` makes MySQL gather and sort the whole set.
 * Only for a department with many tasks (see listSuggestions); null for anyone else.
 */
export function staffRowTest(actor: Actor, alias: string): WhereOptions | null {
  if (actor.role !== 'staff') return null;
  // Answered from the (suggestionId, departmentId) index alone; a returned task still counts here (see the README's note).
  return Sequelize.literal(`(SELECT COUNT(*) FROM suggestion_assignments sa WHERE sa.suggestionId = ${alias}.id AND sa.departmentId = ${Number(actor.departmentId ?? 0)}) > 0`) as unknown as WhereOptions;
}

/** A deputy's own part in suggestions: written, led, co-signed (as `isCosigner` counts), or addressed to them. */
function concerning(actor: Actor): WhereOptions[] {
  const id = Number(actor.id);
  return [
    { authorUserId: id },
    { deputyUserId: id },
    {
      id: {
        [Op.in]: Sequelize.literal(
          `(SELECT suggestionId FROM suggestion_cosigners WHERE userId = ${id} AND ((kind = 'invited' AND status <> 'declined') OR (kind = 'request' AND status = 'accepted')))`,
        ),
      },
    },
    { state: { [Op.ne]: 'draft' }, addressedDeputyUserId: id },
    ...(actor.stationId ? [{ state: { [Op.ne]: 'draft' }, addressedStationId: Number(actor.stationId) }] : []),
  ];
}

/** What a list shows without a search: for a deputy, the suggestions that concern them (others' open ones are found by a search or a similarity hint); for everyone else, all they may see. */
export function concernsWhere(actor: Actor): WhereOptions {
  return actor.role === 'deputy' ? ({ [Op.or]: concerning(actor) } as WhereOptions) : {};
}
