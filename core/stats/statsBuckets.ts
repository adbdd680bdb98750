/**
 * The dashboard's counts kept per bucket of suggestion ids (`STATS_BUCKET_IDS`, 20,000 by default), so that a change
 * recounts only its bucket: after any change the figures are summed from the kept counts of the untouched buckets
 * and fresh counts of the touched ones — correct at once, without counting a million rows again.
 *
 * The counts are kept in the database (`dashboard_counts`, per view, day and bucket), shared by every API process
 * and the jobs runner and surviving restarts, with each process's own copy in memory in front of them: a process
 * reads the stored counts of the buckets it does not hold (all of them when it is fresh, or the ones written to since
 * it counted them, which another process may have counted again since), checks them by the same rules as its own,
 * and counts only the buckets that fail them; what it counts it stores for the others.
 *
 * A bucket's counts are dropped when a suggestion in it was written since they were counted (every write goes through
 * the model and sets `updatedAt`; read with one range read of the `(updatedAt, id)` index). A minute's slack covers
 * clocks (of every process) and transactions still open when the counting started: the writes of that minute that
 * were already visible before the counting (and are a few seconds old, so no later write can carry the same time)
 * are remembered with the bucket and do not drop it again. Counts are also dropped when suggestions were added past
 * the highest id counted into a bucket that was not full then, when the highest id went down (rows went away), and
 * past `MAX_AGE_MS` a few at a time (the oldest first). Every request still reads which rows changed.
 */
import { Op, type Sequelize } from 'sequelize';
import { SuggestionModel } from '../../models/definitions';
import { DashboardCountModel } from '../../models/stats';
import type { CoreContext } from '../context';

/** Writes seen this long before a bucket's counting started still drop it (clock skew, long transactions). */
const SLACK_MS = 60_000;
/** Writes younger than this when a bucket is counted are not taken as settled (same-second writes on MySQL DATETIME). */
const SETTLE_MS = 5_000;
/** A bucket is counted again after this long even if nothing seems to have changed in it. */
export const MAX_AGE_MS = 10 * 60_000;
/** Buckets past their age counted again by one request, at most (the oldest first). */
const RENEW_PER_CALL = 2;
/** Scopes × periods kept in memory per database (each at most a few thousand small rows per bucket). */
const MAX_KEYS = 16;
/** Runs of missing buckets counted at the same time (a cold start). */
const PARALLEL = 2;
/** Neighbouring missing buckets counted by one scan, at most (1,000,000 ids: a cold start at that size is three scans). */
const RUN = 50;
/** The longest view name stored (the primary key's column); a longer one is kept in memory only. */
const MAX_VIEW = 191;

/**
 * `seen`: the rows of the slack window already counted (id → updatedAt in ms); `maxId`: the highest id then; `value`:
 * the counts being counted, or null for stored counts not read yet (`done` once known).
 */
type Bucket = { at: number; maxId: number; seen: Map<number, number>; value: Promise<unknown> | null; done?: unknown };
/** The sum of the buckets' counts: which version (`at`) of each bucket it holds, with its counts once known. */
type Sum = { members: Map<number, { at: number; value?: GroupRow[][] }>; parts: Map<string, GroupRow>[] };
type Entry = { buckets: Map<number, Bucket>; sum?: Sum };
/** The stored sum's row (`bucket` -1 beside the buckets' rows). */
const SUM_ROW = -1;

/** A row of counts grouped by some columns; every other column is a count. */
export type GroupRow = Record<string, string | number | null>;
const stores = new WeakMap<Sequelize, Map<string, Entry>>();

/** What one set of counts is for: a view (scope and period) on a China calendar day (the overdue figures depend on it). */
export interface BucketKey {
  view: string;
  day: string;
}

/**
 * `renew`: how many buckets past their age to count again in this call, the oldest first (the jobs runner renews more
 * than a request); `olderThan`: the age past which a bucket is renewed (`MAX_AGE_MS` by default).
 */
export interface BucketOptions {
  renew?: number;
  olderThan?: number;
}

/**
 * Buckets this process counted itself, took from the stored counts, and whose stored counts it read (a stored sum
 * spares reading the buckets it already holds) — per database, for tests and benchmarks.
 */
export interface BucketTally {
  counted: number;
  read: number;
  fetched: number;
}
const tallies = new WeakMap<Sequelize, BucketTally>();

/** This process's running tally of buckets counted and read from the database for `ctx`'s database. */
export function bucketTally(ctx: CoreContext): BucketTally {
  const t = tallies.get(ctx.db.sequelize) ?? { counted: 0, read: 0, fetched: 0 };
  tallies.set(ctx.db.sequelize, t);
  return t;
}

function bucketSize(): number {
  const n = Number(process.env.STATS_BUCKET_IDS ?? 20_000);
  return Number.isInteger(n) && n > 0 ? n : 20_000;
}

/**
 * The dashboard's counts, which add up: each bucket's value is one array of group rows per part (`keys[i]`: the
 * group columns of part i); returns the parts summed over every bucket. The sum is kept with the process's buckets and
 * brought up to date by the buckets that changed since (their old rows taken off, their new ones added), so that a
 * change costs its own buckets rather than a sum over all of them.
 */
export async function summedByBucket(
  ctx: CoreContext,
  key: BucketKey,
  keys: string[][],
  count: (first: number, last: number, size: number) => Promise<GroupRow[][][]>,
  options: BucketOptions = {},
): Promise<GroupRow[][]> {
  const size = bucketSize();
  const storable = key.view.length <= MAX_VIEW;
  const { snapshot, entry, countedAny, store } = await counted(ctx, key, count, options);
  const rowKey = (r: GroupRow, cols: string[]) => cols.map((c) => (r[c] === null || r[c] === undefined ? '\u0000' : String(r[c]))).join('\u0001');
  const add = (sum: Sum, value: GroupRow[][], sign: 1 | -1): boolean => {
    for (let i = 0; i < keys.length; i++) {
      const cols = keys[i];
      const m = sum.parts[i];
      for (const r of value[i] ?? []) {
        const k = rowKey(r, cols);
        let t = m.get(k);
        if (!t) {
          if (sign < 0) return false;
          t = {};
          for (const c of cols) t[c] = r[c] ?? null;
          m.set(k, t);
        }
        let zero = true;
        for (const c in r) {
          if (cols.includes(c)) continue;
          const v = Number(t[c] ?? 0) + sign * Number(r[c] ?? 0);
          t[c] = v;
          if (v !== 0) zero = false;
        }
        if (zero) m.delete(k);
      }
    }
    return true;
  };
  const empty = (): Sum => ({ members: new Map(), parts: keys.map(() => new Map<string, GroupRow>()) });
  // A fresh process starts from the stored sum when there is one: then only the buckets whose version differs from
  // the sum's are read (their old counts taken off, their new ones added).
  let stored = !entry.sum && storable ? await loadSum(key, size, keys, rowKey) : null;
  let rebuild = false;
  for (let attempt = 0; ; attempt++) {
    const base = rebuild ? empty() : (entry.sum ?? stored ?? empty());
    // The counts this step needs that are not in memory: new ones of the buckets that differ, old ones they replace.
    const wanted = new Map<number, number[]>();
    const want = (b: number, at: number) => wanted.set(b, [...(wanted.get(b) ?? []), at]);
    for (let b = 0; b < Math.max(snapshot.length, ...[...base.members.keys()].map((x) => x + 1)); b++) {
      const mem = base.members.get(b);
      const cur = snapshot[b];
      if (mem && cur && mem.at === cur.at) continue;
      if (cur && cur.done === undefined) want(b, cur.at);
      if (mem && mem.value === undefined) want(b, mem.at);
    }
    if (wanted.size) {
      const rows = (await DashboardCountModel.findAll({ attributes: ['bucket', 'countedAt', 'counts'], where: { view: key.view, day: key.day, size, bucket: [...wanted.keys()] }, raw: true })) as unknown as DashboardCountModel[];
      bucketTally(ctx).fetched += rows.length;
      for (const r of rows) {
        const b = Number(r.bucket);
        const at = Number(r.countedAt);
        if (!wanted.get(b)?.includes(at)) continue;
        let value: GroupRow[][];
        try {
          value = JSON.parse(r.counts) as GroupRow[][];
        } catch {
          continue;
        }
        if (snapshot[b]?.at === at && snapshot[b].done === undefined) snapshot[b].done = value;
        const mem = base.members.get(b);
        if (mem?.at === at && mem.value === undefined) mem.value = value;
      }
      // A bucket's counts replaced in the database meanwhile (counted again by another process): counted here.
      const lost = [...wanted.keys()].find((b) => snapshot[b] && snapshot[b].done === undefined && wanted.get(b)!.includes(snapshot[b].at));
      if (lost !== undefined) {
        if (entry.buckets.get(lost) === snapshot[lost]) entry.buckets.delete(lost);
        await store();
        return summedByBucket(ctx, key, keys, count, options);
      }
    }
    // From here on nothing waits: the sum moves from one set of bucket versions to the next in one piece.
    const sum = rebuild ? base : (entry.sum ?? base);
    const missing = (b: number) => {
      const mem = sum.members.get(b);
      const cur = snapshot[b];
      if (mem && cur && mem.at === cur.at) return false;
      return (cur && cur.done === undefined) || (mem !== undefined && mem.value === undefined);
    };
    const limit = Math.max(snapshot.length, ...[...sum.members.keys()].map((x) => x + 1));
    if (Array.from({ length: limit }, (_, b) => b).some(missing)) {
      // Another call moved the sum meanwhile, or old counts are no longer stored (another process counted those
      // buckets again, and stored its sum): first the stored sum is tried, then what is missing is read, and after a
      // few tries every bucket is summed again.
      if (attempt === 0 && storable) {
        stored = await loadSum(key, size, keys, rowKey);
        if (stored) entry.sum = undefined;
      } else stored = null;
      if (attempt >= 2) rebuild = true;
      continue;
    }
    let whole = true;
    let touched = rebuild;
    for (let b = 0; b < limit && whole; b++) {
      const mem = sum.members.get(b);
      const cur = snapshot[b];
      if (mem && cur && mem.at === cur.at) continue;
      touched = true;
      if (mem) whole = add(sum, mem.value!, -1);
      if (whole && cur) add(sum, cur.done as GroupRow[][], 1);
      if (cur) sum.members.set(b, { at: cur.at, value: cur.done as GroupRow[][] });
      else sum.members.delete(b);
    }
    if (!whole) {
      // A value taken off that was never added (should not happen): summed again from every bucket.
      rebuild = true;
      entry.sum = undefined;
      continue;
    }
    entry.sum = sum;
    const parts = sum.parts.map((m) => [...m.values()]);
    // Stored before answering, so that a process asked next finds them: the buckets counted here, and the sum (when
    // this call changed it) for the processes that start next.
    const versions = storable && (touched || countedAny) ? sumRow(key, size, sum) : null;
    await store();
    if (versions) await DashboardCountModel.bulkCreate([versions], { updateOnDuplicate: ['countedAt', 'maxId', 'seen', 'counts'] }).catch(() => undefined);
    return parts;
  }
}

/** The stored sum of `key`'s buckets, or null (none, or unreadable). */
async function loadSum(key: BucketKey, size: number, keys: string[][], rowKey: (r: GroupRow, cols: string[]) => string): Promise<Sum | null> {
  const row = (await DashboardCountModel.findOne({ attributes: ['seen', 'counts'], where: { view: key.view, day: key.day, size, bucket: SUM_ROW }, raw: true })) as unknown as DashboardCountModel | null;
  if (!row) return null;
  try {
    const versions = JSON.parse(row.seen) as Record<string, number>;
    const parts = JSON.parse(row.counts) as GroupRow[][];
    if (!Array.isArray(parts) || parts.length !== keys.length) return null;
    return {
      members: new Map(Object.entries(versions).map(([b, at]) => [Number(b), { at: Number(at) }])),
      parts: parts.map((rows, i) => new Map(rows.map((r) => [rowKey(r, keys[i]), r]))),
    };
  } catch {
    return null;
  }
}

/** The stored row of the sum, with the versions of the buckets it holds (taken at once, before anything waits). */
function sumRow(key: BucketKey, size: number, sum: Sum) {
  const versions = Object.fromEntries([...sum.members].map(([b, m]) => [b, m.at]));
  const counts = JSON.stringify(sum.parts.map((m) => [...m.values()]));
  return { view: key.view, day: key.day, size, bucket: SUM_ROW, countedAt: Date.now(), maxId: 0, seen: JSON.stringify(versions), counts };
}

/**
 * The counts of every bucket of suggestion ids for `key`, in bucket order: kept ones (this process's or the stored
 * ones) that are still right, the others from `count(first, last, size)` — one value per bucket `first…last` (bucket b
 * holds the ids `b·size+1 … (b+1)·size`), so that neighbouring missing buckets are counted by one scan (a cold start).
 * Values must survive JSON (they are stored).
 */
async function counted<T>(
  ctx: CoreContext,
  key: BucketKey,
  count: (first: number, last: number, size: number) => Promise<T[]>,
  options: BucketOptions,
): Promise<{ snapshot: Bucket[]; entry: Entry; countedAny: boolean; store: () => Promise<unknown> }> {
  const store = stores.get(ctx.db.sequelize) ?? new Map<string, Entry>();
  stores.set(ctx.db.sequelize, store);
  const tally = bucketTally(ctx);
  const size = bucketSize();
  const bucketOf = (id: number) => Math.floor((id - 1) / size);
  const storable = key.view.length <= MAX_VIEW;
  const [[row]] = (await ctx.db.sequelize.query('SELECT MAX(id) AS m FROM suggestions')) as [{ m: number | string | null }[], unknown];
  const maxId = Number(row?.m ?? 0);
  const all = maxId ? bucketOf(maxId) + 1 : 0;
  const memoryKey = `${size}|${key.view}|${key.day}`;
  let entry = store.get(memoryKey);
  if (!entry) {
    entry = { buckets: new Map() };
    store.set(memoryKey, entry);
    if (store.size > MAX_KEYS) store.delete(store.keys().next().value as string);
  }
  const buckets = entry.buckets;
  /** Counts no longer right whatever was written: rows went away, or ids were added into a bucket not full then. */
  const outdated = (b: number, x: { maxId: number }) => b >= all || maxId < x.maxId || (maxId > x.maxId && (b + 1) * size > x.maxId);
  const now = Date.now();
  const ageLimit = Math.min(options.olderThan ?? MAX_AGE_MS, MAX_AGE_MS);
  let renew = options.renew ?? RENEW_PER_CALL;
  /** The safety net, a little at a time: drops from `m` the oldest buckets past their age while `renew` lasts. */
  const age = (m: Map<number, Bucket>) => {
    const old = [...m].filter(([, x]) => now - x.at > ageLimit).sort((p, q) => p[1].at - q[1].at);
    for (const [b] of old.slice(0, Math.max(renew, 0))) m.delete(b);
    renew -= Math.min(Math.max(renew, 0), old.length);
  };
  let changed: { id: number; u: number }[] | null = null;
  let changedSince = Infinity;
  /** Drops from `m` the buckets a suggestion was written to since they were counted (a range read of the index). */
  const check = async (m: Map<number, Bucket>) => {
    if (!m.size) return;
    const since = Math.min(...[...m.values()].map((x) => x.at)) - SLACK_MS;
    if (!changed || since < changedSince) {
      const rows = (await SuggestionModel.findAll({ where: { updatedAt: { [Op.gte]: new Date(since) } }, attributes: ['id', 'updatedAt'], raw: true })) as { id: number; updatedAt: Date }[];
      changed = rows.map((r) => ({ id: r.id, u: new Date(r.updatedAt).getTime() }));
      changedSince = since;
    }
    for (const c of changed) {
      const b = bucketOf(c.id);
      const x = m.get(b);
      if (x && c.u >= x.at - SLACK_MS && x.seen.get(c.id) !== c.u) m.delete(b);
    }
  };
  for (const [b, x] of buckets) if (outdated(b, x)) buckets.delete(b);
  age(buckets);
  await check(buckets);

  // The stored counts of the buckets this process does not hold (all of them in a fresh process) or no longer holds
  // (another process, or the jobs runner, may have counted them since the write): checked by the same rules, their
  // counts read only for those that pass.
  const loaded = new Map<number, Bucket>();
  const missing = Array.from({ length: all }, (_, b) => b).filter((b) => !buckets.has(b));
  if (storable && missing.length) {
    const where = { view: key.view, day: key.day, size };
    const metas = (await DashboardCountModel.findAll({ attributes: ['bucket', 'countedAt', 'maxId', 'seen'], where: { ...where, bucket: missing }, raw: true })) as unknown as DashboardCountModel[];
    for (const r of metas) {
      const b = Number(r.bucket);
      const x: Bucket = { at: Number(r.countedAt), maxId: Number(r.maxId), seen: new Map(), value: null };
      try {
        for (const [id, u] of Object.entries(JSON.parse(r.seen) as Record<string, number>)) x.seen.set(Number(id), Number(u));
      } catch {
        continue;
      }
      if (!outdated(b, x) && Number.isFinite(x.at)) loaded.set(b, x);
    }
    age(loaded);
    await check(loaded);
  }
  // From here to the end of the loop below nothing waits: callers arriving meanwhile find the buckets taken or counting.
  // Stored counts that pass are read only when needed (a sum that already holds them needs none).
  for (const [b, x] of loaded) {
    if (buckets.has(b)) continue; // counted meanwhile by another caller of this process
    buckets.set(b, { at: x.at, maxId: x.maxId, seen: x.seen, value: null });
    tally.read += 1;
  }
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
  const saved: (() => Promise<unknown>)[] = [];
  runs.forEach((run, i) => {
    const seen = new Map<number, number>();
    const mine: Bucket[] = run.map(() => ({ at: Date.now(), maxId, seen, value: Promise.resolve() }));
    let at = 0;
    const counted = slots[i % PARALLEL].then(async () => {
      const [lo, hi] = [run[0] * size + 1, (run[run.length - 1] + 1) * size];
      // Taken before counting starts: what is written from now on is newer, or was not visible yet and is not seen.
      at = Date.now();
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
      x.value = counted.then((values) => (x.done = values[k]));
      x.value.catch(() => buckets.get(b) === x && buckets.delete(b));
      buckets.set(b, x);
    });
    tally.counted += run.length;
    if (storable) saved.push(() => counted.then((values) => save(key, size, run, values, at, maxId, seen)).catch(() => undefined));
    slots = slots.map((s, k) => (k === i % PARALLEL ? counted.catch(() => undefined) : s));
  });
  const snapshot = Array.from({ length: all }, (_, b) => buckets.get(b)!);
  await Promise.all(snapshot.map((x) => x.value));
  // Stored by the caller once it has read the counts they replace (a failure to store only costs a later count).
  let stored: Promise<unknown> | null = null;
  return { snapshot, entry, countedAny: runs.length > 0, store: () => (stored ??= Promise.all(saved.map((f) => f()))) };
}

/** Stores the counts of one run of buckets (replacing what was stored for them). */
async function save(key: BucketKey, size: number, run: number[], values: unknown[], at: number, maxId: number, seen: Map<number, number>): Promise<void> {
  const rows = run.map((b, k) => {
    const own: Record<number, number> = {};
    for (const [id, u] of seen) if (Math.floor((id - 1) / size) === b) own[id] = u;
    return { view: key.view, day: key.day, size, bucket: b, countedAt: at, maxId, seen: JSON.stringify(own), counts: JSON.stringify(values[k]) };
  });
  await DashboardCountModel.bulkCreate(rows, { updateOnDuplicate: ['countedAt', 'maxId', 'seen', 'counts'] });
}

/** Forgets this process's bucket counts for this database (with `statsCache.clear`); the stored ones stay. */
export function clearBuckets(ctx: CoreContext): void {
  stores.get(ctx.db.sequelize)?.clear();
}

/** Deletes the stored counts of days before `day` and of views no longer kept (`views`: the ones to keep). */
export async function pruneStoredCounts(_ctx: CoreContext, day: string, views: string[]): Promise<number> {
  const old = await DashboardCountModel.destroy({ where: { day: { [Op.lt]: day } } });
  const gone = await DashboardCountModel.destroy({ where: views.length ? { view: { [Op.notIn]: views } } : {} });
  return old + gone;
}

/** Deletes every stored count (a benchmark's cold start). */
export async function clearStoredCounts(_ctx: CoreContext): Promise<void> {
  await DashboardCountModel.destroy({ where: {} });
}
