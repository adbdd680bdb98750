/**
 * The jobs runner's dashboard sweep (also run once in the background as an API process starts): the dashboards
 * people opened in the last week (the most recently used first) are counted again where needed, so that their
 * counts in the database stay fresh and the first request of any API process — a fresh one included — is answered
 * from stored counts plus only the buckets written to since. Buckets near their maximum age are renewed a few at a
 * time, so that a request seldom has to; near midnight tomorrow's counts are made ahead (the overdue figures
 * depend on the day). Counts of earlier days and of views nobody opened for a week are deleted.
 */
import type { CoreContext } from '../context';
import { chinaDate } from '../calendar/workdays';
import { bucketTally, MAX_AGE_MS, pruneStoredCounts } from './statsBuckets';
import { pruneDashboardViews, recentDashboardViews } from './dashboardViews';
import { refreshSuggestionStats } from './suggestionStats';

/** Views kept fresh, at most (the most recently used). */
const MAX_VIEWS = 8;
/** A view not asked for this long is no longer kept. */
const KEEP_MS = 7 * 24 * 3600_000;
/**
 * Buckets renewed per view and run, at most: with a run a minute, every bucket of a view is counted again about once
 * per maximum age (at 1,000,000 suggestions, 50 buckets: 5 a minute), a little at a time.
 */
const RENEW = 5;
/** Buckets this old are renewed by the sweep, before a request would have to. */
const RENEW_AGE = MAX_AGE_MS * 0.8;
/** How long before midnight (China time) the next day's counts are made. */
const AHEAD_MS = 15 * 60_000;

/** Refreshes the stored counts of the dashboards in use; returns the number of buckets counted. */
export async function refreshDashboards(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const tomorrow = chinaDate(new Date(now.getTime() + AHEAD_MS));
  const since = new Date(Date.now() - KEEP_MS);
  const views = await recentDashboardViews(ctx, since, MAX_VIEWS);
  const before = bucketTally(ctx).counted;
  for (const view of views) {
    // Buckets near their maximum age are renewed now, while nobody waits for them.
    await refreshSuggestionStats(ctx, view, today, { renew: RENEW, olderThan: RENEW_AGE });
    if (tomorrow !== today) await refreshSuggestionStats(ctx, view, tomorrow, { renew: RENEW, olderThan: RENEW_AGE });
  }
  await pruneDashboardViews(ctx, since);
  await pruneStoredCounts(ctx, today, views.map((v) => v.view));
  return bucketTally(ctx).counted - before;
}
