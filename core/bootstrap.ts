/** Opening everything a process needs: the database (migrated, seeded when empty), the router, the clock. */
import { migrate, openDatabase } from '../models/db';
import { isEmpty, seedDemoCity } from '../models/seed';
import type { Config } from './config';
import { systemClock, type Clock, type CoreContext } from './context';
import { Router } from './routing/router';

export interface BootOptions {
  clock?: Clock;
  /** Seed the demo city into an empty database (default: in demo mode). */
  seedIfEmpty?: boolean;
}

/** Opens and migrates the database, seeds the demo city if asked and empty, and builds the router. */
export async function bootCore(config: Config, options: BootOptions = {}): Promise<CoreContext & { seeded: boolean }> {
  const db = await openDatabase(config.databaseUrl);
  await migrate(db);
  let seeded = false;
  if ((options.seedIfEmpty ?? config.demoMode) && (await isEmpty(db))) {
    await seedDemoCity(db);
    seeded = true;
  }
  const router = new Router({ threshold: config.routingThreshold, coThreshold: config.routingCoThreshold, retrainAfterMs: config.routingRetrainSeconds * 1000 });
  return { db, clock: options.clock ?? systemClock, config, router, seeded };
}
