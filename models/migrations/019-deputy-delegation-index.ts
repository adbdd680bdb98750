/**
 * `deputies (delegation, userId)`: a notice to a delegation (the city's 6,007 deputies among 100,000 of five levels)
 * reads its members from the index instead of scanning every deputy.
 */
import type { QueryInterface } from 'sequelize';

/** Adds the index. */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addIndex('deputies', ['delegation', 'userId'], { name: 'deputies_delegation_user' });
}

/** Removes it. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeIndex('deputies', 'deputies_delegation_user');
}
