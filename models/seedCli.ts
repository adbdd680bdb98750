/** `npm run seed`: migrates the database and creates whatever part of the demo city is missing. */
import { loadConfig } from '../core/config';
import { migrate, openDatabase } from './db';
import { seedDemoCity } from './seed';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl);
  const applied = await migrate(db);
  const { created } = await seedDemoCity(db);
  process.stdout.write(`迁移 ${applied.length} 个，新建账号 ${created} 个（已有的保持不变）\n`);
  await db.close();
}

main().catch((err) => {
  process.stderr.write(`写入演示数据失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
