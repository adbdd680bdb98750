/**
 * The first (or another) admin account, made at the server's command line only: with the password it is given,
 * or a generated one that is shown once. This is how a production database gets its first account — and, with
 * role `service`, the chat bot's service account (BOT_USERNAME / BOT_PASSWORD), which no API caller may create.
 */
import { randomBytes } from 'node:crypto';
import { UniqueConstraintError } from 'sequelize';
import { z } from 'zod';
import { RegionModel, UserModel } from '../../models/definitions';
import { hashPassword } from '../auth/password';
import type { CoreContext } from '../context';
import { conflict, type Outcome } from '../result';
import { useCase } from '../useCase';
import { COMMAND_LINE, isCommandLine } from './policy';

const Input = z.object({
  username: z
    .string({ error: '请用 --username 指定用户名' })
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9._-]{1,63}$/, '用户名以字母开头，只能有字母、数字和 . _ -，2 到 64 位'),
  name: z.string({ error: '请用 --name 指定姓名' }).trim().min(1, '请用 --name 指定姓名').max(64, '姓名不能超过 64 字'),
  password: z.string().min(10, '密码至少 10 位').max(200, '密码过长').optional(),
  role: z.enum(['admin', 'service'], { error: '账号类型只能是 admin（管理员）或 service（机器人服务账号）' }).default('admin'),
});

/** The new account; `generatedPassword` only when none was given. */
interface AdminCreated {
  id: number;
  username: string;
  role: 'admin' | 'service';
  generatedPassword: string | null;
}

const run = useCase({
  name: 'users.create-admin',
  input: Input,
  who: ({ actor }) => (isCommandLine(actor) ? null : '管理员账号只能在服务器命令行创建'),
  when: async ({ input }) => ((await UserModel.count({ where: { username: input.username } })) ? `用户名 ${input.username} 已被使用` : null),
  audit: { object: 'user', after: (r: AdminCreated) => ({ id: r.id, username: r.username, role: r.role }) },
  apply: async ({ input }): Promise<AdminCreated | Outcome<AdminCreated>> => {
    const password = input.password ?? randomBytes(12).toString('base64url');
    const root = await RegionModel.findOne({ where: { parentId: null } });
    try {
      const user = await UserModel.create({
        username: input.username,
        passwordHash: await hashPassword(password),
        role: input.role,
        name: input.name,
        regionId: root?.id ?? null,
        departmentId: null,
        stationId: null,
        wechatOpenid: null,
      });
      return { id: user.id, username: user.username, role: input.role, generatedPassword: input.password ? null : password };
    } catch (e) {
      if (e instanceof UniqueConstraintError) return conflict(`用户名 ${input.username} 已被使用`);
      throw e;
    }
  },
});

/** Creates an admin (or the bot's service account) from the command line; `generatedPassword` is set (and must be shown once) when none was given. */
export function createAdmin(ctx: CoreContext, input: unknown): Promise<Outcome<AdminCreated>> {
  return run(ctx, COMMAND_LINE, 0, input);
}
