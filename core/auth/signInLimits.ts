/**
 * Sign-in rate limits, counted in the database so that every API process behind a load balancer sees the same
 * attempts: an account takes no more passwords after MAX_ACCOUNT_FAILURES wrong ones (since its last success)
 * within the window, an address none after MAX_ADDRESS_FAILURES wrong ones within the window. (The audit log keeps
 * the record of sign-ins for people; this table is what the limits count.)
 */
import { Op, type WhereOptions } from 'sequelize';
import { SignInAttemptModel } from '../../models/signIn';
import type { CoreContext } from '../context';

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_ACCOUNT_FAILURES = 10;
export const MAX_ADDRESS_FAILURES = 50;

/** Seconds until the oldest of the last `max` failures matching `where` leaves the window (0 when fewer than `max`). */
async function waitFor(where: WhereOptions<SignInAttemptModel>, max: number, now: Date): Promise<number> {
  const recent = await SignInAttemptModel.findAll({ where, attributes: ['createdAt'], order: [['createdAt', 'DESC']], limit: max });
  if (recent.length < max) return 0;
  const oldest = new Date(recent[max - 1].createdAt).getTime();
  return Math.max(1, Math.ceil((oldest + SIGN_IN_WINDOW_MS - now.getTime()) / 1000));
}

/** Seconds before `username` may try a password again from `address` (0: now). */
export async function signInWait(username: string, address: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const success = await SignInAttemptModel.findOne({ where: { username, succeeded: true, createdAt: { [Op.gt]: since } }, attributes: ['createdAt'], order: [['createdAt', 'DESC']] });
  const accountSince = success ? new Date(success.createdAt) : since;
  const waits = await Promise.all([
    waitFor({ username, succeeded: false, createdAt: { [Op.gt]: accountSince } }, MAX_ACCOUNT_FAILURES, now),
    waitFor({ address, succeeded: false, createdAt: { [Op.gt]: since } }, MAX_ADDRESS_FAILURES, now),
  ]);
  return Math.max(...waits);
}

/** Records a password sign-in attempt. */
export async function recordSignIn(username: string, address: string, succeeded: boolean, now: Date): Promise<void> {
  await SignInAttemptModel.create({ username: username.slice(0, 64), address: address.slice(0, 64), succeeded, createdAt: now });
}

/** How long attempts are kept: long enough for every limit's window (the audit log keeps the lasting record). */
export const SIGN_IN_KEEP_MS = 24 * 3_600_000;

/** Deletes attempts older than SIGN_IN_KEEP_MS (a jobs sweep); returns how many went. */
export async function pruneSignInAttempts(ctx: CoreContext): Promise<number> {
  return SignInAttemptModel.destroy({ where: { createdAt: { [Op.lt]: new Date(ctx.clock.now().getTime() - SIGN_IN_KEEP_MS) } } });
}
