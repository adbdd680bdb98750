/**
 * Writing one row of the audit log. Called inside the transaction of the change it records (the row commits
 * or rolls back with it). Snapshots pass through `withoutSecrets`: a password, hash, token or secret is never
 * stored, whatever a caller hands in.
 */
import { AuditModel } from '../../models/audit';
import { clientAddress } from './client';

/** A JSON-able picture of an object's audited fields. */
export type AuditSnapshot = Record<string, unknown>;

export interface AuditEntry {
  /** Who acted: the signed-in user, or at a failed sign-in the user the name belongs to (if any). */
  actor: { id: number | null; username: string | null } | null;
  /** A fixed English code: `regions.create`, `users.deactivate`, `signin`, `signin.failed`. */
  action: string;
  /** What was changed: `{ type: 'region', id: 7 }`. */
  object?: { type: string; id: number | string | null } | null;
  before?: AuditSnapshot | null;
  after?: AuditSnapshot | null;
  at: Date;
}

const SECRET_KEY = /pass(word)?|hash|secret|token|openid|session_?key|invitation_?code/i;

/** A copy of `value` with every field whose name looks like a secret replaced by `"[hidden]"`. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[hidden]' : withoutSecrets(v)]));
  }
  return value;
}

const json = (s: AuditSnapshot | null | undefined) => (s ? JSON.stringify(withoutSecrets(s)) : null);

/** Writes one audit row (in the caller's transaction, if any). */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  await AuditModel.create({
    actorUserId: entry.actor?.id ?? null,
    username: entry.actor?.username?.slice(0, 64) ?? null,
    action: entry.action,
    objectType: entry.object?.type ?? null,
    objectId: entry.object?.id === null || entry.object?.id === undefined ? null : String(entry.object.id).slice(0, 64),
    before: json(entry.before),
    after: json(entry.after),
    clientAddress: clientAddress(),
    createdAt: entry.at,
  });
}
