/**
 * Every sign-in attempt, successful or not, goes into the audit log: `signin` with the user, or
 * `signin.failed` with the user the tried name belongs to (if any), the name tried and the reason given.
 * Malformed requests (400) are not attempts and are not recorded.
 */
import { UserModel } from '../../models/definitions';
import { recordAudit } from '../audit/recordAudit';
import type { CoreContext } from '../context';
import type { Outcome } from '../result';

export type SignInMethod = 'password' | 'wechat' | 'dev';

type SignIn<R extends { userId: number }> = (ctx: CoreContext, input: unknown) => Promise<Outcome<R>>;

/** Wraps a sign-in use case so that each attempt writes one audit row. */
export function auditSignIn<R extends { userId: number }>(method: SignInMethod, signIn: SignIn<R>): SignIn<R> {
  return async (ctx, input) => {
    const outcome = await signIn(ctx, input);
    if (!outcome.ok && outcome.kind === 'invalid') return outcome;
    const tried = typeof (input as { username?: unknown } | null)?.username === 'string' ? ((input as { username: string }).username.trim() || null) : null;
    const user = outcome.ok ? await UserModel.findByPk(outcome.value.userId) : tried ? await UserModel.findOne({ where: { username: tried } }) : null;
    await recordAudit({
      actor: { id: user?.id ?? null, username: user?.username ?? tried },
      action: outcome.ok ? 'signin' : 'signin.failed',
      object: user ? { type: 'user', id: user.id } : null,
      after: outcome.ok ? { method, role: user?.role ?? null } : { method, reason: outcome.message },
      at: ctx.clock.now(),
    });
    return outcome;
  };
}
