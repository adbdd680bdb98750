/**
 * A short cache of dashboard figures shared by every caller with the same scope and period. An entry lives at most
 * `STATS_CACHE_SECONDS` (15 s by default) and is dropped as soon as any suggestion event was written since (the
 * highest event id is one primary-key lookup), so the dashboard never shows figures older than the last change.
 */
import type { Sequelize } from 'sequelize';
import type { CoreContext } from '../context';

type Entry = { at: number; mark: number; value: Promise<unknown> };
/** One cache per database (tests run several in one process). */
const caches = new WeakMap<Sequelize, Map<string, Entry>>();
const MAX_ENTRIES = 200;

function ttlMs(): number {
  const s = Number(process.env.STATS_CACHE_SECONDS ?? 15);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : 15_000;
}

async function lastEventId(ctx: CoreContext): Promise<number> {
  const [rows] = (await ctx.db.sequelize.query('SELECT MAX(id) AS m FROM suggestion_events')) as [{ m: number | string | null }[], unknown];
  return Number(rows[0]?.m ?? 0);
}

export const statsCache = {
  /** The cached value under `key`, or `compute()`'s (kept for the next callers while it is fresh). */
  async get<T>(ctx: CoreContext, key: string, compute: () => Promise<T>): Promise<T> {
    const entries = caches.get(ctx.db.sequelize) ?? new Map<string, Entry>();
    caches.set(ctx.db.sequelize, entries);
    const mark = await lastEventId(ctx);
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.mark === mark && now - hit.at < ttlMs()) return hit.value as Promise<T>;
    const value = compute();
    const entry = { at: now, mark, value: value as Promise<unknown> };
    entries.set(key, entry);
    // Fresh from when the figures are ready, not from when the computation started.
    value.then(() => (entry.at = Date.now())).catch(() => entries.delete(key));
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    return value;
  },
  /** Forgets this database's entries (after changes that write no suggestion event). */
  clear(ctx: CoreContext): void {
    caches.get(ctx.db.sequelize)?.clear();
  },
};
