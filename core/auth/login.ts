/** Staff, office and admin sign in with username and password (demo deputies and citizens too, in demo mode). */
import { LoginRequest } from '../../contracts/schemas';
import { formatZodError } from '../../contracts/validation';
import { UserModel } from '../../models/definitions';
import type { CoreContext } from '../context';
import { invalid, ok, unauthorized, type Outcome } from '../result';
import { verifyPassword } from './password';
import { issueToken } from './tokens';
import { auditSignIn } from './auditSignIn';

/** Checks the password and returns a token for the user. */
export async function login(ctx: CoreContext, input: unknown): Promise<Outcome<{ token: string; userId: number }>> {
  const parsed = LoginRequest.safeParse(input);
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const user = await UserModel.findOne({ where: { username: parsed.data.username } });
  const passwordOk = await verifyPassword(parsed.data.password, user?.passwordHash ?? null);
  if (!user || !passwordOk) return unauthorized('用户名或密码不正确');
  if (!user.active) return unauthorized('这个账号已停用，请联系管理员');
  if ((user.role === 'deputy' || user.role === 'citizen') && !ctx.config.demoMode) {
    return unauthorized('代表和群众请通过微信登录');
  }
  return ok({ token: issueToken(ctx.config, user), userId: user.id });
}

/** Password sign-in, recorded in the audit log (success and failure). */
export const loginAudited = auditSignIn('password', login);
