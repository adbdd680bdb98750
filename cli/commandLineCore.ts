/** The core context for command-line tools that manage people: the migrated database, no demo seed, no routing model load. */
import { loadConfig } from '../core/config';
import { systemClock, type CoreContext } from '../core/context';
import { Router } from '../core/routing/router';
import { migrate, openDatabase } from '../models/db';

/** Opens and migrates DATABASE_URL's database (never seeds it: a production database stays empty of demo data). */
export async function commandLineCore(): Promise<CoreContext> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const db = await openDatabase(config.databaseUrl);
  await migrate(db);
  const router = new Router({ threshold: config.routingThreshold, coThreshold: config.routingCoThreshold, refreshMs: config.routingRefreshSeconds * 1000 });
  return { db, clock: systemClock, config, router };
}
