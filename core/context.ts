/** What every use case receives: the database, the clock, the configuration, the router and who is acting. */
import type { Role } from '../contracts/enums';
import type { Database } from '../models/db';
import type { Config } from './config';
import type { Router } from './routing/router';

/** The signed-in person a use case acts for. */
export interface Actor {
  id: number;
  username: string;
  name: string;
  role: Role;
  regionId: number | null;
  /** `/1/4/` — the region's path, for subtree scoping of office accounts. */
  regionPath: string | null;
  departmentId: number | null;
  stationId: number | null;
  /** The jobs' own account (系统自动督办): it acts in sweeps through the same use cases, with its own policy. */
  system?: boolean;
}

/** A source of the current time; tests inject a fixed one. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface CoreContext {
  db: Database;
  clock: Clock;
  config: Config;
  router: Router;
}
