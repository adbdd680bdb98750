/**
 * `users (role, active)`: the audiences of a notice — every active staff member by department, every office account —
 * are read by role; without it each read scans every deputy and citizen (120,000 rows at a province's volume, twice
 * per batch of a jobs sweep).
 */
import type { QueryInterface } from 'sequelize';

/** Adds the index. */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addIndex('users', ['role', 'active'], { name: 'users_role_active' });
}

/** Removes it. */
export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeIndex('users', 'users_role_active');
}
