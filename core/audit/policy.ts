/** Who reads the audit log: the admin only (it holds every account's sign-ins and every change). */
import type { Actor } from '../context';

/** The 403 reason when the actor may not read the audit log, or null. */
export function auditReason(actor: Actor): string | null {
  return actor.role === 'admin' ? null : '只有系统管理员可以查看审计日志';
}
