/**
 * The dashboard's counts kept per bucket of suggestion ids (`STATS_BUCKET_IDS`, 20,000 by default), so that a change
 * recounts only its bucket: after any change the figures are summed from the cached counts of the untouched buckets
 * and fresh counts of the touched ones — correct at once, without counting a million rows again.
 *
 * A bucket's counts are dropped when a suggestion in it was written since they were counted (every write goes through
 * the model and sets `updatedAt`; read with one range read of the `(updatedAt, id)` index). A minute's slack covers
 * clocks and transactions still open when the counting started: the writes of that minute that were already visible
 * before the counting (and are a few seconds old, so no later write can carry the same time) are remembered with the
 * bucket and do not drop it again. Counts are also dropped when suggestions were added past the highest id counted,
 * and at the latest after `MAX_AGE_MS`. Every request still reads which rows changed.
 */
import { Op, type Sequelize } from 'sequelize';
import { SuggestionModel } from '../../models/definitions';
import type { CoreContext } from '../context';

/** Writes seen this long before a bucket's counting started still drop it (clock skew, long transactions). */
const SLACK_MS = 60_000;
/** Writes younger than this when a bucket is counted are not taken as settled (same-second writes on MySQL DATETIME). */
const SETTLE_MS = 5_000;
/** A bucket is counted again after this long even if nothing seems to have changed in it. */
const MAX_AGE_MS = 10 * 60_000;
/** Scopes × periods kept per database (each at most a few thousand small rows per bucket). */
const MAX_KEYS = 16;
/** Runs of missing buckets counted at the same time (a cold start). */
const PARALLEL = 2;
/** Neighbouring missing buckets counted by one scan, at most (1,000,000 ids: a cold start at that size is three scans). */
const RUN = 50;

/** `seen`: the rows of the slack window already counted (id → updatedAt in ms). */
type Bucket = { at: number; seen: Map<number, number>; value: Promise<unknown> };
type Entry = { buckets: Map<number, Bucket>; maxId: number };
const stores = new WeakMap<Sequelize, Map<string, Entry>>();

function bucketSize(): number {
  const n = Number(process.env.STATS_BUCKET_IDS ?? 20_000);
  return Number.isInteger(n) && n > 0 ? n : 20_000;
}

/**
 * The counts of every bucket of suggestion ids for `key` (a scope and period), in bucket order: cached ones that are
 * still right, the others from `count(first, last, size)` — one value per bucket `first…last` (bucket b holds the ids
 * `b·size+1 … (b+1)·size`), so that neighbouring missing buckets are counted by one scan (a cold start).
 */
export async function countsByBucket<T>(ctx: CoreContext, key: string, count: (first: number, last: number, size: number) => Promise<T[]>): Promise<T[]> {
  const store = stores.get(ctx.db.sequelize) ?? new Map<string, Entry>();
  stores.set(ctx.db.sequelize, store);
  const size = bucketSize();
  const bucketOf = (id: number) => Math.floor((id - 1) / size);
  const [[row]] = (await ctx.db.sequelize.query('SELECT MAX(id) AS m FROM suggestions')) as [{ m: number | string | null }[], unknown];
  const maxId = Number(row?.m ?? 0);
  const now = Date.now();
  let entry = store.get(`${size}|${key}`);
  if (entry && maxId < entry.maxId) entry = undefined; // rows went away: count everything again
  if (entry && entry.buckets.size) {
    const buckets = entry.buckets;
    // The safety net, a little at a time: the two oldest buckets past their age are counted again.
    [...buckets]
      .filter(([, x]) => now - x.at > MAX_AGE_MS)
      .sort((a, b) => a[1].at - b[1].at)
      .slice(0, 2)
      .forEach(([b]) => buckets.delete(b));
    // Added past the highest id counted: its bucket and the new ones.
    if (maxId > entry.maxId) for (let b = bucketOf(Math.max(entry.maxId, 1)); b <= bucketOf(maxId); b++) buckets.delete(b);
    if (buckets.size) {
      const since = Math.min(...[...buckets.values()].map((x) => x.at)) - SLACK_MS;
      const changed = (await SuggestionModel.findAll({ where: { updatedAt: { [Op.gte]: new Date(since) } }, attributes: ['id', 'updatedAt'], raw: true })) as { id: number; updatedAt: Date }[];
      for (const c of changed) {
        const x = buckets.get(bucketOf(c.id));
        const u = new Date(c.updatedAt).getTime();
        if (x && u >= x.at - SLACK_MS && x.seen.get(c.id) !== u) buckets.delete(bucketOf(c.id));
      }
    }
  }
  if (!entry) {
    entry = { buckets: new Map(), maxId };
    store.set(`${size}|${key}`, entry);
    if (store.size > MAX_KEYS) store.delete(store.keys().next().value as string);
  }
  entry.maxId = Math.max(entry.maxId, maxId);
  const buckets = entry.buckets;
  const all = maxId ? bucketOf(maxId) + 1 : 0;
  // Missing buckets in runs of neighbours (at most RUN each), a few runs at a time; their promises are shared at once
  // with callers arriving meanwhile.
  const runs: number[][] = [];
  for (let b = 0; b < all; b++) {
    if (buckets.has(b)) continue;
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === b - 1 && last.length < RUN) last.push(b);
    else runs.push([b]);
  }
  let slots: Promise<unknown>[] = Array.from({ length: PARALLEL }, () => Promise.resolve());
  runs.forEach((run, i) => {
    const seen = new Map<number, number>();
    const mine: Bucket[] = run.map(() => ({ at: Date.now(), seen, value: Promise.resolve() }));
    const counted = slots[i % PARALLEL].then(async () => {
      const [lo, hi] = [run[0] * size + 1, (run[run.length - 1] + 1) * size];
      // Taken before counting starts: what is written from now on is newer, or was not visible yet and is not seen.
      const at = Date.now();
      for (const x of mine) x.at = at;
      const settled = (await SuggestionModel.findAll({
        where: { updatedAt: { [Op.gte]: new Date(at - SLACK_MS), [Op.lt]: new Date(at - SETTLE_MS) }, id: { [Op.between]: [lo, hi] } },
        attributes: ['id', 'updatedAt'],
        raw: true,
      })) as { id: number; updatedAt: Date }[];
      for (const r of settled) seen.set(r.id, new Date(r.updatedAt).getTime());
      return count(run[0], run[run.length - 1], size);
    });
    run.forEach((b, k) => {
      const x = mine[k];
      x.value = counted.then((values) => values[k]);
      x.value.catch(() => buckets.get(b) === x && buckets.delete(b));
      buckets.set(b, x);
    });
    slots = slots.map((s, k) => (k === i % PARALLEL ? counted.catch(() => undefined) : s));
  });
  return (await Promise.all(Array.from({ length: all }, (_, b) => buckets.get(b)!.value))) as T[];
}

/** Forgets this database's bucket counts (with `statsCache.clear`). */
export function clearBuckets(ctx: CoreContext): void {
  stores.get(ctx.db.sequelize)?.clear();
}
