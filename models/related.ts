/**
 * Several tables' rows in one statement: a UNION ALL of each part's rows, every row rendered by the database as
 * one JSON object (JSON_OBJECT on MySQL/MariaDB, json_object on SQLite) beside the part's name, and rebuilt here
 * as the same model instances Sequelize's own reads give. A page that shows one object with a dozen small related
 * lists (the suggestion detail) then costs one round trip instead of one per table: on a loaded API each
 * statement costs more in the driver, the ORM and the socket than the database spends answering it. (Aggregating
 * each part into a JSON array instead costs MariaDB several times the plain reads: GROUP_CONCAT per part.)
 */
import type { Model, ModelStatic, Sequelize } from 'sequelize';
import { positional, readRows, typed } from './fastRead';

/** One part: the rows of `model` matching `where` (SQL over the model's own columns, with `:name` parameters). */
export interface RelatedPart {
  model: ModelStatic<Model>;
  /** Null leaves the part out of the statement: it has no rows (e.g. an empty list of ids). */
  where: string | null;
  /** The columns to read (all of the model's by default); a part's rows come back ordered by `id`. */
  attributes?: string[];
}

/**
 * Reads every part in one statement, with `params` for the `:name` parameters; the rows of each part as model
 * instances, in `id` order.
 */
export async function loadRelated<K extends string>(sequelize: Sequelize, params: Record<string, unknown>, parts: Record<K, RelatedPart>): Promise<Record<K, Model[]>> {
  const mysql = sequelize.getDialect() === 'mysql';
  const q = (name: string) => sequelize.getQueryInterface().quoteIdentifier(name);
  const keys = Object.keys(parts) as K[];
  const columns = (p: RelatedPart) => p.attributes ?? Object.keys(p.model.getAttributes());
  const selects = keys.flatMap((k) => {
    const p = parts[k];
    if (p.where === null) return [];
    const pairs = columns(p)
      .map((c) => `'${c}', ${q(c)}`)
      .join(', ');
    return [`SELECT '${k}' AS part, ${mysql ? 'JSON_OBJECT' : 'json_object'}(${pairs}) AS fields FROM ${q(p.model.getTableName() as string)} WHERE ${p.where}`];
  });
  const statement = positional(selects.join(' UNION ALL '), params);
  const rows = selects.length ? ((await readRows(sequelize, statement.sql, statement.values)) as { part: K; fields: unknown }[]) : [];
  const found = new Map<K, Record<string, unknown>[]>(keys.map((k) => [k, []]));
  for (const r of rows) {
    // mysql2 parses a JSON column itself; SQLite hands back the text.
    const fields = (typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields) as Record<string, unknown>;
    found.get(r.part)?.push(typed(parts[r.part].model, fields));
  }
  const out = {} as Record<K, Model[]>;
  for (const k of keys) {
    const list = found.get(k)!.sort((a, b) => Number(a.id) - Number(b.id));
    out[k] = parts[k].model.bulkBuild(list as never[], { isNewRecord: false, raw: true });
  }
  return out;
}
