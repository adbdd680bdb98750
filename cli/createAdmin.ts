/**
 * `npm run admin:create -- --username admin --name 管理员 [--password X]`: creates an admin account in
 * DATABASE_URL's database. Without --password a random one is generated and printed once (it is stored hashed).
 * `npm run bot:account -- --username bot --name 履职通机器人` (the same with `--role service`) creates the chat bot's
 * service account, which the bot processes sign in with (BOT_USERNAME / BOT_PASSWORD).
 */
import { createAdmin } from '../core/identity/createAdmin';
import { readArgs } from './args';
import { commandLineCore } from './commandLineCore';

const USAGE = '用法：npm run admin:create -- --username 用户名 --name 姓名 [--password 密码]\n      npm run bot:account -- --username bot --name 履职通机器人 [--password 密码]\n（不给 --password 时生成一个随机密码，只显示这一次）\n';

async function main() {
  const { values } = readArgs({ options: { username: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' } } }, USAGE);
  const missing = [!values.username && '--username（用户名）', !values.name && '--name（姓名）'].filter(Boolean);
  if (missing.length) {
    process.stderr.write(`缺少 ${missing.join('、')}\n${USAGE}`);
    process.exit(2);
  }
  const core = await commandLineCore();
  try {
    const r = await createAdmin(core, values);
    if (!r.ok) {
      process.stderr.write(`${r.message}\n`);
      process.exitCode = 2;
      return;
    }
    const service = r.value.role === 'service';
    const lines = [`已创建${service ? '机器人服务账号' : '管理员'} ${r.value.username}（编号 ${r.value.id}）`];
    if (r.value.generatedPassword) lines.push(`初始密码：${r.value.generatedPassword}`, '这个密码只显示这一次，请立即妥善保存。');
    if (service) lines.push(`在运行机器人的机器上设置 BOT_USERNAME=${r.value.username} 和 BOT_PASSWORD（上面的密码）。`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await core.db.close();
  }
}

main().catch((err) => {
  process.stderr.write(`创建管理员失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
