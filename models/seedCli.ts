/**
 * `npm run seed`: migrates the database, then
 *  - in demo mode: creates whatever part of the demo city is missing (accounts share the published demo password);
 *  - otherwise (NODE_ENV=production, or DEMO_MODE off): only the region tree and the departments, and no account
 *    at all — the first admin is made with `npm run admin:create`, people come with `npm run users:import`.
 */
import { loadConfig } from '../core/config';
import { migrate, openDatabase } from './db';
import { seedDemoCity, seedTaxonomy } from './seed';

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl);
  const applied = await migrate(db);
  if (config.demoMode) {
    const { created } = await seedDemoCity(db);
    process.stdout.write(`迁移 ${applied.length} 个，新建演示账号 ${created} 个（已有的保持不变）\n`);
  } else {
    const t = await seedTaxonomy(db);
    process.stdout.write(
      [
        `迁移 ${applied.length} 个；演示模式关闭：只写入区域（${t.city.name}及 ${t.towns.length} 个镇街）和 ${t.departments.length} 个承办单位，没有创建任何账号。`,
        '下一步：npm run admin:create -- --username admin --name 管理员   创建第一个管理员',
        '        npm run users:import -- 代表名单.xlsx                    导入联络站、代表、承办单位工作人员',
      ].join('\n') + '\n',
    );
  }
  await db.close();
}

main().catch((err) => {
  process.stderr.write(`写入数据失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
