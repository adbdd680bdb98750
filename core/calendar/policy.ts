/** Who may do what with the holiday calendar: everyone signed in reads it; only the admin enters a schedule. */
import type { Actor } from '../context';

/** Why `actor` may not enter a year's official schedule, or null if they may. */
export function enterScheduleForbidden(actor: Actor): string | null {
  return actor.role === 'admin' ? null : '只有管理员可以录入放假安排';
}
