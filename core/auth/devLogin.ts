/** Demo sign-in: a demo deputy or citizen signs in by username alone, only while demo mode is on. */
import { DevLoginRequest } from '../../contracts/schemas';
import { formatZodError } from '../../contracts/validation';
import { UserModel } from '../../models/definitions';
import type { CoreContext } from '../context';
import { forbidden, invalid, notFound, ok, type Outcome } from '../result';
import { issueToken } from './tokens';
import { auditSignIn } from './auditSignIn';

/** Issues a token for a demo deputy or citizen. */
export async function devLogin(ctx: CoreContext, input: unknown): Promise<Outcome<{ token: string; userId: number }>> {
  if (!ctx.config.demoMode) return forbidden('演示登录已关闭，请使用微信登录');
  const parsed = DevLoginRequest.safeParse(input);
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const user = await UserModel.findOne({ where: { username: parsed.data.username } });
  if (!user || !user.active) return notFound('没有这个演示账号');
  if (user.role !== 'deputy' && user.role !== 'citizen') return forbidden('演示登录只用于代表和群众账号，工作人员请用密码登录');
  return ok({ token: issueToken(ctx.config, user), userId: user.id });
}

/** Demo sign-in, recorded in the audit log (success and failure). */
export const devLoginAudited = auditSignIn('dev', devLogin);
