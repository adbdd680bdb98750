/**
 * Who sees which suggestion: citizens their own items, deputies what they wrote, co-signed or received,
 * staff their department's tasks, office everything in their region's subtree (drafts stay private).
 */
import { Op, Sequelize, type WhereOptions } from 'sequelize';
import type { Actor } from '../context';
import type { SuggestionFacts } from './facts';
import { inRegion, regionWhere } from '../directory/scope';

/** Whether `actor` may see the suggestion described by `f`. */
export function canSee(actor: Actor, f: SuggestionFacts): boolean {
  const s = f.suggestion;
  switch (actor.role) {
    case 'admin':
      return true;
    case 'office':
      return s.state !== 'draft' && inRegion(actor.regionPath, f.regionPath);
    case 'staff':
      return actor.departmentId !== null && f.everAssignedDepartmentIds.includes(actor.departmentId);
    case 'deputy':
      return (
        s.authorUserId === actor.id ||
        s.deputyUserId === actor.id ||
        f.cosignerIds.includes(actor.id) ||
        (s.state !== 'draft' && s.addressedDeputyUserId === actor.id) ||
        (s.state !== 'draft' && actor.stationId !== null && s.addressedStationId === actor.stationId)
      );
    case 'citizen':
      return s.authorUserId === actor.id || s.citizenUserId === actor.id;
    case 'service':
      // The bot's service account acts only through the chat users' own tokens.
      return false;
  }
}

/** The SQL condition that selects exactly the suggestions `actor` may see (mirrors `canSee`). */
export function visibleWhere(actor: Actor): WhereOptions {
  const id = Number(actor.id);
  switch (actor.role) {
    case 'admin':
      return {};
    case 'office':
      return { [Op.and]: [{ state: { [Op.ne]: 'draft' } }, regionWhere(actor)] } as WhereOptions;
    case 'staff':
      return {
        id: { [Op.in]: Sequelize.literal(`(SELECT suggestionId FROM suggestion_assignments WHERE departmentId = ${Number(actor.departmentId ?? 0)})`) },
      } as WhereOptions;
    case 'deputy':
      return {
        [Op.or]: [
          { authorUserId: id },
          { deputyUserId: id },
          { id: { [Op.in]: Sequelize.literal(`(SELECT suggestionId FROM suggestion_cosigners WHERE userId = ${id})`) } },
          { state: { [Op.ne]: 'draft' }, addressedDeputyUserId: id },
          ...(actor.stationId ? [{ state: { [Op.ne]: 'draft' }, addressedStationId: Number(actor.stationId) }] : []),
        ],
      } as WhereOptions;
    case 'citizen':
      return { [Op.or]: [{ authorUserId: id }, { citizenUserId: id }] };
    case 'service':
      return { id: null };
  }
}
