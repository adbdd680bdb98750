/**
 * The one place every successful sign-in is reported, for the audit log (who, when, how). The audit log
 * (`core/audit`) is being built at the same time: when it lands, this function writes the entry; every
 * sign-in path (password, demo, WeChat, WeChat with an invitation) already calls it.
 */
import type { CoreContext } from '../context';

/** How someone signed in. */
export type SignInMethod = 'password' | 'demo' | 'wechat' | 'wechat-invitation' | 'wechat-new-citizen';

/** Records that `userId` signed in by `method` (a no-op until the audit log exists). */
export async function recordSignIn(_ctx: CoreContext, _userId: number, _method: SignInMethod): Promise<void> {
  // Intentionally empty until core/audit lands on main; keep this the single call site for sign-in auditing.
}
