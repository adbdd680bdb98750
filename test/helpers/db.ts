/**
 * Test databases: every database test runs on SQLite, and on MySQL/MariaDB too when TEST_MYSQL_URL is set
 * (each test file gets its own fresh database, migrated and seeded with the demo city). The demo city and its
 * first routing model are built once per jest run (test/globalSetup.ts) as a template database per kind; each
 * test file gets a copy of it (the SQLite file copied, the MySQL tables cloned), not a new seed and training.
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

/** The environment variable through which globalSetup hands a kind's template database to the test files. */
const TEMPLATE_ENV: Record<DbKind, string> = { sqlite: 'LVZHI_TEST_TEMPLATE_SQLITE', mysql: 'LVZHI_TEST_TEMPLATE_MYSQL' };

/** The JWT secret of test runs (the demo secret is refused outside demo mode, and some tests turn demo mode off). */
export const TEST_JWT_SECRET = 'lvzhi-test-secret';

/** The configuration every test core starts from (plus the test's own `env`). */
function testConfig(url: string, env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DEMO_MODE: '1', JWT_SECRET: TEST_JWT_SECRET, ...env });
}

/** A connection to the MySQL server of TEST_MYSQL_URL without a default database. */
function mysqlAdmin(): Promise<mysql.Connection> {
  const base = new URL(process.env.TEST_MYSQL_URL!);
  return mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password), multipleStatements: false });
}

/** The URL of database `name` on the MySQL server of TEST_MYSQL_URL. */
function mysqlUrl(name: string): string {
  const url = new URL(process.env.TEST_MYSQL_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Builds the template database of `kind` (migrated, the demo city seeded, its first routing model trained) and
 * publishes it to the test files of this run through the environment. Returns a function that removes it.
 */
export async function buildTemplate(kind: DbKind): Promise<() => Promise<void>> {
  const { url, drop } = await freshDatabaseUrl(kind);
  const core = await bootCore(testConfig(url), { clock: new TestClock(), seedIfEmpty: true });
  // The copies take the file alone: everything in the write-ahead log goes into it first.
  if (kind === 'sqlite') await core.db.sequelize.query('PRAGMA wal_checkpoint(TRUNCATE)');
  await core.db.close();
  process.env[TEMPLATE_ENV[kind]] = kind === 'sqlite' ? url.slice('sqlite:'.length) : new URL(url).pathname.slice(1);
  return async () => {
    delete process.env[TEMPLATE_ENV[kind]];
    await drop();
  };
}

/** Copies every table of MySQL database `from` (structure with keys and foreign keys, rows, counters) into `to`. */
async function cloneMysqlDatabase(from: string, to: string): Promise<void> {
  const first = await mysqlAdmin();
  const [rows] = await first.query<mysql.RowDataPacket[]>("SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", [from]);
  const tables = rows.map((r) => r.t as string);
  // A few connections share the tables: creating a table waits on the disk more than on the CPU.
  const connections = [first, ...(await Promise.all([1, 2, 3].map(() => mysqlAdmin())))];
  try {
    await Promise.all(
      connections.map(async (c) => {
        await c.query('SET FOREIGN_KEY_CHECKS = 0');
        await c.query(`USE \`${to}\``);
        for (let t = tables.pop(); t !== undefined; t = tables.pop()) {
          const [[created]] = await c.query<mysql.RowDataPacket[]>(`SHOW CREATE TABLE \`${from}\`.\`${t}\``);
          await c.query(created['Create Table'] as string);
          await c.query(`INSERT INTO \`${to}\`.\`${t}\` SELECT * FROM \`${from}\`.\`${t}\``);
        }
      }),
    );
    // The triggers (the dashboard's tallies), created once their tables are there.
    const [triggers] = await first.query<mysql.RowDataPacket[]>('SELECT TRIGGER_NAME AS t FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?', [from]);
    for (const { t } of triggers) {
      const [[created]] = await first.query<mysql.RowDataPacket[]>(`SHOW CREATE TRIGGER \`${from}\`.\`${t}\``);
      await first.query(String(created['SQL Original Statement']).replace(/^CREATE\s+DEFINER=\S+\s+TRIGGER/i, 'CREATE TRIGGER'));
    }
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
}

/**
 * A fresh database of `kind` holding the demo city and its first routing model: a copy of this run's template
 * (see buildTemplate), or an empty one when no template was built (bootCore then seeds and trains it).
 */
export async function seededDatabaseUrl(kind: DbKind): Promise<{ url: string; drop: () => Promise<void> }> {
  const fresh = await freshDatabaseUrl(kind);
  const template = process.env[TEMPLATE_ENV[kind]];
  if (!template) return fresh;
  try {
    if (kind === 'sqlite') fs.copyFileSync(template, fresh.url.slice('sqlite:'.length));
    else await cloneMysqlDatabase(template, new URL(fresh.url).pathname.slice(1));
  } catch (err) {
    await fresh.drop();
    throw err;
  }
  return fresh;
}

/** Creates a fresh empty database of `kind` and returns its URL and a function that drops it. */
export async function freshDatabaseUrl(kind: DbKind): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-test-'));
    return { url: `sqlite:${path.join(dir, 'test.sqlite')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `lvzhi_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await mysqlAdmin();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    url: mysqlUrl(name),
    drop: async () => {
      const c = await mysqlAdmin();
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

/** A migrated and seeded core on a fresh database of `kind` (a copy of this run's template). */
export async function createTestCore(kind: DbKind, env: Record<string, string> = {}): Promise<TestCore> {
  const { url, drop } = await seededDatabaseUrl(kind);
  const config = testConfig(url, env);
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
