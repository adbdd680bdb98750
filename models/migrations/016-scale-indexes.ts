/**
 * Indexes for a province's volume: every list walks `suggestions (updatedAt, id)` in its sort order; the overdue
 * list and the sweeps range over `(state, answerDueOn)`, `(state, coOpinionDueOn)`, `(state, redoDueOn)`; the
 * region counts read `(regionId, state)` alone; a department's tasks are found from either side of
 * `suggestion_assignments (departmentId, suggestionId)` / `(suggestionId, departmentId)`.
 */
import type { QueryInterface } from 'sequelize';

const INDEXES: [string, string[], string][] = [
  ['suggestions', ['updatedAt', 'id'], 'suggestions_updated_at_id'],
  ['suggestions', ['state', 'answerDueOn'], 'suggestions_state_answer_due'],
  ['suggestions', ['state', 'coOpinionDueOn'], 'suggestions_state_co_opinion_due'],
  ['suggestions', ['state', 'redoDueOn'], 'suggestions_state_redo_due'],
  ['suggestions', ['regionId', 'state'], 'suggestions_region_state'],
  ['suggestion_assignments', ['departmentId', 'suggestionId'], 'suggestion_assignments_department_suggestion'],
  ['suggestion_assignments', ['suggestionId', 'departmentId'], 'suggestion_assignments_suggestion_department'],
];

/** Adds the list, sweep and count indexes. */
export async function up({ context: qi }: { context: QueryInterface }) {
  for (const [table, fields, name] of INDEXES) await qi.addIndex(table, fields, { name });
}

/** Removes them. */
export async function down({ context: qi }: { context: QueryInterface }) {
  for (const [table, , name] of INDEXES) await qi.removeIndex(table, name);
}
