/** Staff, office and admin sign in with username and password (demo deputies and citizens too, in demo mode). */
import { LoginRequest } from '../../contracts/schemas';
import { formatZodError } from '../../contracts/validation';
import { UserModel } from '../../models/definitions';
import type { CoreContext } from '../context';
import { clientAddress } from '../audit/client';
import { invalid, ok, tooMany, unauthorized, type Outcome } from '../result';
import { hashPassword, verifyPassword } from './password';
import { recordSignIn, signInWait } from './signInLimits';
import { issueToken } from './tokens';
import { auditSignIn } from './auditSignIn';

/** A hash no password matches, checked for unknown usernames so that they take as long as known ones. */
let dummyHash: Promise<string> | null = null;

/**
 * Checks the password and returns a token for the user. Wrong passwords are counted per account and per client
 * address (in the database, shared by every API process); too many are answered 429 with the wait.
 */
export async function login(ctx: CoreContext, input: unknown): Promise<Outcome<{ token: string; userId: number }>> {
  const parsed = LoginRequest.safeParse(input);
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const { username, password } = parsed.data;
  const address = clientAddress() ?? 'unknown';
  const now = ctx.clock.now();
  const wait = await signInWait(username, address, now);
  if (wait > 0) return tooMany(`登录失败次数太多，请稍后再试（约 ${wait} 秒后）`, wait);
  const user = await UserModel.findOne({ where: { username } });
  dummyHash ??= hashPassword(`no such user ${Math.random()}`);
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  await recordSignIn(username, address, Boolean(user && passwordOk), now);
  if (!user || !passwordOk) return unauthorized('用户名或密码不正确');
  if (!user.active) return unauthorized('这个账号已停用，请联系管理员');
  if ((user.role === 'deputy' || user.role === 'citizen') && !ctx.config.demoMode) {
    return unauthorized('代表和群众请通过微信登录');
  }
  return ok({ token: issueToken(ctx.config, user), userId: user.id });
}

/** Password sign-in, recorded in the audit log (success and failure). */
export const loginAudited = auditSignIn('password', login);
