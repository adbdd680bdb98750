/**
 * The dashboards people open — a scope (the admin's, or an office's region subtree) and a period — recorded in
 * `dashboard_views` with when each was last asked for, so that the jobs runner (and an API process as it starts)
 * keeps their counts fresh in the database for every API process.
 */
import { Op, type Sequelize } from 'sequelize';
import { DashboardViewModel } from '../../models/stats';
import type { Actor, CoreContext } from '../context';

/** A dashboard asked for: who it is counted as (role and region) and the submission period. */
export interface DashboardView {
  view: string;
  role: 'admin' | 'office';
  regionPath: string | null;
  from?: string;
  to?: string;
}

/** A view is written again at most this often by one process (its `usedAt` is only read by the day). */
const TOUCH_MS = 5 * 60_000;
const touched = new WeakMap<Sequelize, Map<string, number>>();

/** The view of the office's (or admin's) dashboard over `from…to`; its name keys the stored counts. */
export function dashboardView(actor: Actor, from?: string, to?: string): DashboardView {
  const role = actor.role === 'admin' ? 'admin' : 'office';
  const regionPath = role === 'admin' ? null : actor.regionPath;
  // An office account without a region sees nothing: its own name, never shared with a region's.
  const scope = role === 'admin' ? 'admin' : `office:${regionPath ?? '-'}`;
  return { view: `${scope}|${from ?? ''}|${to ?? ''}`, role, regionPath, from, to };
}

/** Records that `v` was asked for now (at most every few minutes per process). */
export async function noteDashboardView(ctx: CoreContext, v: DashboardView): Promise<void> {
  const mine = touched.get(ctx.db.sequelize) ?? new Map<string, number>();
  touched.set(ctx.db.sequelize, mine);
  const now = Date.now();
  // (An office account without a region has nothing to keep counted.)
  if (now - (mine.get(v.view) ?? 0) < TOUCH_MS || v.view.length > 191 || (v.role === 'office' && !v.regionPath)) return;
  mine.set(v.view, now);
  if (mine.size > 1000) mine.clear();
  await DashboardViewModel.bulkCreate([{ view: v.view, role: v.role, regionPath: v.regionPath, fromMonth: v.from ?? null, toMonth: v.to ?? null, usedAt: new Date(now) }], {
    updateOnDuplicate: ['usedAt'],
  });
}

/** The views asked for since `since`, the most recently used first, at most `limit`. */
export async function recentDashboardViews(_ctx: CoreContext, since: Date, limit: number): Promise<DashboardView[]> {
  const rows = await DashboardViewModel.findAll({ where: { usedAt: { [Op.gte]: since } }, order: [['usedAt', 'DESC']], limit, raw: true });
  return rows
    .filter((r) => r.role === 'admin' || r.regionPath)
    .map((r) => ({
    view: r.view,
    role: r.role === 'admin' ? 'admin' : 'office',
    regionPath: r.regionPath,
    ...(r.fromMonth ? { from: r.fromMonth } : {}),
    ...(r.toMonth ? { to: r.toMonth } : {}),
  }));
}

/** Deletes the views not asked for since `since`. */
export async function pruneDashboardViews(_ctx: CoreContext, since: Date): Promise<number> {
  return DashboardViewModel.destroy({ where: { usedAt: { [Op.lt]: since } } });
}
