/** Opening everything a process needs: the database (migrated, seeded when empty), the router, the clock. */
import fs from 'node:fs';
import path from 'node:path';
import { migrate, openDatabase } from '../models/db';
import { isEmpty, seedDemoCity } from '../models/seed';
import type { Config } from './config';
import { systemClock, type Clock, type CoreContext } from './context';
import { loadCalendar } from './calendar/calendar';
import { importRoutingHistory } from './routing/importHistory';
import { ensureRoutingModel } from './routing/ensureModel';
import { Router } from './routing/router';
import { publishEvents } from './notifications/publishEvents';
import { setEventPublisher } from './useCase';

export interface BootOptions {
  clock?: Clock;
  /** Seed the demo city into an empty database (default: in demo mode). */
  seedIfEmpty?: boolean;
}

/** Opens and migrates the database, loads the entered holiday schedules, seeds the demo city if asked and empty, and builds the router. */
export async function bootCore(config: Config, options: BootOptions = {}): Promise<CoreContext & { seeded: boolean }> {
  // Use cases emit events; the notifications feature's event table decides who hears of them.
  setEventPublisher(async (_ctx, actor, events, now) => void (await publishEvents(actor, events, now)));
  const db = await openDatabase(config.databaseUrl);
  await migrate(db);
  // The official holiday schedules the admin entered: every deadline below is counted with them.
  await loadCalendar();
  let seeded = false;
  // Demo accounts share a published password: never in production unless demo mode was switched on explicitly.
  const seedWanted = (options.seedIfEmpty ?? config.demoMode) && !(config.production && !config.demoMode);
  if (seedWanted && (await isEmpty(db))) {
    await seedDemoCity(db);
    seeded = true;
  }
  const router = new Router({ threshold: config.routingThreshold, coThreshold: config.routingCoThreshold, refreshMs: config.routingRefreshSeconds * 1000 });
  const core = { db, clock: options.clock ?? systemClock, config, router, seeded };
  if (seeded) {
    // The demo city's labelled history goes in through the same import the office uses.
    const data = fs.readFileSync(path.join(__dirname, '../models/demo/routing-history.csv'));
    const imported = await importRoutingHistory(core, null, { data, format: 'csv' }, { retrain: false, source: 'history' });
    if (!imported.ok) throw new Error(imported.message);
  }
  // A database without a routing model for its departments (a fresh city, or departments entered since the
  // last start) gets one now, before any request: training must not happen lazily inside a use case's
  // transaction (it writes the version in a transaction of its own).
  await ensureRoutingModel(core);
  await router.load();
  return core;
}
