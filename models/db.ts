/**
 * Opening the database: an SQLite file by default, MySQL when the URL says `mysql://`. One code path for both.
 * Transactions travel with the async context (CLS), so a use case never forgets to pass one along.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Sequelize, Transaction } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { defineModels } from './definitions';
import { defineEngagementModels } from './engagement';
import { defineChatModels } from './chat';
import { defineCalendarModels } from './calendar';
import { defineAuditModels } from './audit';
import { defineSignInModels } from './signIn';
import { defineIdentityModels } from './identity';
import { defineStatsModels } from './stats';
import { migrations } from './migrations';

/**
 * The namespace Sequelize's CLS support needs (run / get / set / bind), on Node's AsyncLocalStorage: the
 * transaction follows the async context without cls-hooked's per-promise hooks, which cost more than the queries.
 */
const store = new AsyncLocalStorage<Map<string, unknown>>();
const namespace = {
  run<T>(fn: (context: Map<string, unknown>) => T): T {
    const context = new Map(store.getStore() ?? []);
    return store.run(context, () => fn(context));
  },
  get: (key: string) => store.getStore()?.get(key),
  set: (key: string, value: unknown) => {
    store.getStore()?.set(key, value);
  },
  bind: <F extends (...args: never[]) => unknown>(fn: F): F => fn,
};
Sequelize.useCLS(namespace as never);

/** The transaction the current async context runs in, if any. */
export function currentTransaction(): Transaction | undefined {
  return namespace.get('transaction') as Transaction | undefined;
}

export type DatabaseKind = 'sqlite' | 'mysql';

/**
 * LOG_SQL=1: every statement with its time in ms on stderr (for profiling one request at a time); off by default.
 * LOG_SQL=<n> logs only statements that took at least n ms.
 */
function sqlLogging(): { logging: false | ((sql: string, ms?: number) => void); benchmark: boolean } {
  const v = process.env.LOG_SQL;
  if (!v || /^(0|off|false|no)$/i.test(v)) return { logging: false, benchmark: false };
  const min = /^\d+$/.test(v) && Number(v) > 1 ? Number(v) : 0;
  return {
    benchmark: true,
    logging: (sql: string, ms?: number) => {
      if ((ms ?? 0) >= min) process.stderr.write(`[sql ${ms ?? '?'} ms] ${sql.length > 2000 ? `${sql.slice(0, 2000)}… (${sql.length} chars)` : sql}\n`);
    },
  };
}

export interface Database {
  sequelize: Sequelize;
  kind: DatabaseKind;
  url: string;
  close(): Promise<void>;
}

/** The default database URL: `data/lvzhi.sqlite` under the working directory. */
export const DEFAULT_DATABASE_URL = 'sqlite:data/lvzhi.sqlite';

/** Opens (and for SQLite, creates) the database at `url` and registers the models. Does not migrate. */
export async function openDatabase(url: string = DEFAULT_DATABASE_URL): Promise<Database> {
  let sequelize: Sequelize;
  let kind: DatabaseKind;
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) {
    kind = 'mysql';
    sequelize = new Sequelize(url.replace(/^mariadb:/, 'mysql:'), {
      dialect: 'mysql',
      ...sqlLogging(),
      timezone: '+00:00',
      dialectOptions: { charset: 'utf8mb4', dateStrings: false },
      define: { charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
      pool: { max: 10, min: 0, idle: 10000 },
    });
  } else if (url.startsWith('sqlite:')) {
    kind = 'sqlite';
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    sequelize = new Sequelize({
      dialect: 'sqlite',
      storage: file,
      ...sqlLogging(),
      // Transactions take the write lock when they begin, and wait for it (busy timeout) rather than fail.
      transactionType: Transaction.TYPES.IMMEDIATE,
    });
    // Sequelize opens a fresh SQLite connection for every transaction and offers no hook for it; each one must
    // wait for a busy database instead of failing with SQLITE_BUSY, so the timeout is set as it is opened.
    const manager = sequelize.connectionManager as unknown as {
      getConnection(o?: unknown): Promise<{ configure(option: 'busyTimeout', ms: number): void; run(sql: string): void }>;
    };
    const open = manager.getConnection.bind(manager);
    const configured = new WeakSet<object>();
    manager.getConnection = async (o?: unknown) => {
      const connection = await open(o);
      if (!configured.has(connection)) {
        connection.configure('busyTimeout', 15000);
        // In WAL mode NORMAL is still durable against application crashes and skips an fsync per commit.
        connection.run('PRAGMA synchronous = NORMAL');
        configured.add(connection);
      }
      return connection;
    };
    serialiseTransactions(sequelize);
    await sequelize.query('PRAGMA journal_mode = WAL');
    await sequelize.query('PRAGMA foreign_keys = OFF');
  } else {
    throw new Error(`DATABASE_URL must start with sqlite: or mysql:// (got ${url.split(':')[0]}:)`);
  }
  defineModels(sequelize);
  defineEngagementModels(sequelize);
  defineChatModels(sequelize);
  defineCalendarModels(sequelize);
  defineAuditModels(sequelize);
  defineSignInModels(sequelize);
  defineIdentityModels(sequelize);
  defineStatsModels(sequelize);
  return { sequelize, kind, url, close: () => sequelize.close() };
}

/**
 * SQLite allows one writer at a time. Within this process, transactions queue up here instead of all opening
 * connections that then wait on the file lock (other processes, such as `npm run jobs`, still wait on the busy
 * timeout). A transaction begun inside another one does not queue behind it.
 */
function serialiseTransactions(sequelize: Sequelize): void {
  const begin = sequelize.transaction.bind(sequelize) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  (sequelize as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (...args: unknown[]) => {
    const managed = args.some((a) => typeof a === 'function');
    if (!managed || namespace.get('transaction')) return begin(...args);
    const run = () => begin(...args);
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  };
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(db: Database): Promise<string[]> {
  const umzug = new Umzug({
    migrations,
    context: db.sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize: db.sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
  const done = await umzug.up();
  return done.map((m) => m.name);
}

/** Whether the database answers a trivial query within `timeoutMs` (health checks, telling an outage from a bug). */
export async function databaseUp(db: Database, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([db.sequelize.query('SELECT 1').then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
