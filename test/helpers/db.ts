/**
 * Test databases: every database test runs on SQLite, and on MySQL/MariaDB too when TEST_MYSQL_URL is set
 * (each test file gets its own fresh database, migrated and seeded with the demo city).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { bootCore } from '../../core/bootstrap';
import { loadConfig, type Config } from '../../core/config';
import type { Clock, CoreContext } from '../../core/context';

export type DbKind = 'sqlite' | 'mysql';

/** The database kinds this run covers. */
export function databaseKinds(): DbKind[] {
  return process.env.TEST_MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
}

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  private t: number;
  constructor(iso = '2026-03-02T02:00:00Z') {
    this.t = Date.parse(iso);
  }
  now() {
    return new Date(this.t);
  }
  /** Sets the time to an ISO instant (a bare date means 10:00 China time that day). */
  set(iso: string) {
    this.t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T02:00:00Z` : iso);
  }
}

/** Creates a fresh empty database of `kind` and returns its URL and a function that drops it. */
export async function freshDatabaseUrl(kind: DbKind): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-test-'));
    return { url: `sqlite:${path.join(dir, 'test.sqlite')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const base = new URL(process.env.TEST_MYSQL_URL!);
  const name = `lvzhi_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

export interface TestCore {
  core: CoreContext;
  clock: TestClock;
  config: Config;
  close: () => Promise<void>;
}

/** A migrated and seeded core on a fresh database of `kind`. */
export async function createTestCore(kind: DbKind, env: Record<string, string> = {}): Promise<TestCore> {
  const { url, drop } = await freshDatabaseUrl(kind);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DEMO_MODE: '1', ...env });
  const clock = new TestClock();
  const core = await bootCore(config, { clock, seedIfEmpty: true });
  return {
    core,
    clock,
    config,
    close: async () => {
      await core.db.close();
      await drop();
    },
  };
}

/** Declares a suite that runs once per database kind on a fresh seeded core. */
export function eachDatabase(name: string, body: (get: () => TestCore) => void): void {
  describe.each(databaseKinds())(`${name} on %s`, (kind) => {
    let t: TestCore;
    beforeAll(async () => {
      t = await createTestCore(kind);
    });
    afterAll(() => t.close());
    body(() => t);
  });
}
