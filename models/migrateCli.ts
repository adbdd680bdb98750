/** `npm run migrate`: applies pending migrations to DATABASE_URL. */
import { loadConfig } from '../core/config';
import { migrate, openDatabase } from './db';

async function main() {
  const db = await openDatabase(loadConfig().databaseUrl);
  const applied = await migrate(db);
  process.stdout.write(applied.length ? `已执行迁移：${applied.join('、')}\n` : '数据库已是最新\n');
  await db.close();
}

main().catch((err) => {
  process.stderr.write(`迁移失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
