/**
 * Reads that every request makes (the caller's account, a list page and its count and names, the detail's related
 * rows), sent to the database driver directly on a connection Sequelize manages, in the current transaction when
 * there is one. Sequelize's own path costs about a millisecond of the API's one thread per statement (options cloned,
 * SQL built, every column parsed, a stack trace formatted) where the driver needs a tenth of that; the rows come back
 * typed as the driver types them (MySQL: by Sequelize's own type parsers; SQLite: as stored, see `typed`).
 */
import { DataTypes, type FindOptions, type Model, type ModelStatic, type Sequelize } from 'sequelize';
import { currentTransaction } from './db';

type Row = Record<string, unknown>;
interface SqliteConnection {
  all(sql: string, params: unknown[], cb: (err: Error | null, rows: Row[]) => void): void;
}
interface MysqlConnection {
  query(options: { sql: string; values: unknown[] }, cb: (err: Error | null, rows: Row[]) => void): void;
}
interface Manager {
  getConnection(options?: object): Promise<unknown>;
  releaseConnection(connection: unknown): unknown;
}

/** The rows `sql` selects (with `?` placeholders for `params`), through the driver of `sequelize`'s database. */
export async function readRows(sequelize: Sequelize, sql: string, params: unknown[] = []): Promise<Row[]> {
  const transaction = currentTransaction() as unknown as { connection?: unknown } | undefined;
  const manager = sequelize.connectionManager as unknown as Manager;
  const own = transaction?.connection;
  const connection = own ?? (await manager.getConnection({ type: 'SELECT' }));
  try {
    return await new Promise<Row[]>((resolve, reject) => {
      const done = (err: Error | null, rows: Row[]) => (err ? reject(err) : resolve(rows));
      if (sequelize.getDialect() === 'mysql') (connection as MysqlConnection).query({ sql, values: params }, done);
      else (connection as SqliteConnection).all(sql, params, done);
    });
  } finally {
    if (!own) await manager.releaseConnection(connection);
  }
}

/**
 * `sql` with `:name` parameters as `?` placeholders and their values in order (a list of values becomes one
 * placeholder per value, `IN (:ids)` → `IN (?, ?, ?)`). Every `:name` in `sql` must be a parameter.
 */
export function positional(sql: string, params: Record<string, unknown>): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const out = sql.replace(/:([A-Za-z_]\w*)/g, (whole, name: string) => {
    if (!(name in params)) throw new Error(`no value for the parameter :${name}`);
    const v = params[name];
    if (!Array.isArray(v)) {
      values.push(v);
      return '?';
    }
    values.push(...v);
    return v.map(() => '?').join(', ') || 'NULL';
  });
  return { sql: out, values };
}

/** The SELECT statement Sequelize would send for `options` on `model` (where, attributes as a list, order, limit). */
export function selectSql(model: ModelStatic<Model>, options: FindOptions): string {
  const qg = (model as unknown as { queryGenerator: { selectQuery: (table: string, o: object, m: unknown) => string } }).queryGenerator;
  return qg.selectQuery(model.getTableName() as string, options, model).replace(/;\s*$/, '');
}

/** `model`'s rows for `options`, read through the driver and built as Sequelize's own `findAll` builds them. */
export async function findRows<M extends Model>(model: ModelStatic<M>, options: FindOptions): Promise<M[]> {
  const rows = await readRows(model.sequelize!, selectSql(model, options));
  return model.bulkBuild(rows.map((r) => typed(model, r)) as never[], { isNewRecord: false, raw: true });
}

/**
 * A row of JSON values, or of the driver's values (SQLite hands back dates as stored text), as Sequelize would have
 * typed it: dates as Date (DATEONLY is not a DATE and stays `YYYY-MM-DD`; building the instance makes 0/1 flags
 * booleans). Changes `row` in place.
 */
export function typed(model: ModelStatic<Model>, row: Record<string, unknown>): Record<string, unknown> {
  const attributes = model.getAttributes() as Record<string, { type: unknown }>;
  for (const [name, value] of Object.entries(row)) {
    if (value === null || value === undefined) continue;
    const type = attributes[name]?.type;
    if (type instanceof DataTypes.DATE && !(value instanceof Date)) row[name] = storedDate(String(value));
  }
  return row;
}

/** `2024-12-25 23:24:03` (MySQL, UTC) or `2024-10-20 03:35:57.099 +00:00` (SQLite) as a Date. */
function storedDate(s: string): Date {
  const iso = s.replace(' ', 'T').replace(/ ?([+-]\d\d:\d\d|Z)$/, '$1');
  return new Date(/([+-]\d\d:\d\d|Z)$/.test(iso) ? iso : `${iso}Z`);
}
