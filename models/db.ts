/**
 * Opening the database: an SQLite file by default, MySQL when the URL says `mysql://`. One code path for both.
 * Transactions travel with the async context (CLS), so a use case never forgets to pass one along.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createNamespace } from 'cls-hooked';
import { Sequelize } from 'sequelize';
import { SequelizeStorage, Umzug } from 'umzug';
import { defineModels } from './definitions';
import { defineEngagementModels } from './engagement';
import { defineChatModels } from './chat';
import { migrations } from './migrations';

Sequelize.useCLS(createNamespace('lvzhi-db'));

export type DatabaseKind = 'sqlite' | 'mysql';

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
      logging: false,
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
      logging: false,
      // One connection: SQLite writes are serialised anyway, and a single connection makes every
      // transaction see a consistent database without SQLITE_BUSY.
      pool: { max: 1, min: 1, idle: 60000 },
    });
    await sequelize.query('PRAGMA journal_mode = WAL');
    await sequelize.query('PRAGMA busy_timeout = 5000');
    await sequelize.query('PRAGMA foreign_keys = OFF');
  } else {
    throw new Error(`DATABASE_URL must start with sqlite: or mysql:// (got ${url.split(':')[0]}:)`);
  }
  defineModels(sequelize);
  defineEngagementModels(sequelize);
  defineChatModels(sequelize);
  return { sequelize, kind, url, close: () => sequelize.close() };
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
