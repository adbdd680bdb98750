/**
 * The office dashboard's figures for the suggestions it may see (the one scoping rule, `visibleWhere`: a district
 * office sees its district), optionally within a submission period: counts by state, by lead department (answered,
 * on time, overdue, satisfaction), by month and by district; the on-time answer rate; the shares of ratings and of
 * answer classes A/B/C/D, city-wide and broken down by lead department, month of submission and district.
 *
 * Everything is counted by the database (GROUP BY); no suggestion is loaded into Node. Results are kept a short
 * while per scope and period (see `statsCache`), and recomputed at once after any suggestion event — from the counts
 * of the buckets of ids nothing was written to since, and fresh counts of the others (`statsBuckets`). The buckets'
 * counts are stored in the database for every API process, and kept fresh by the jobs runner (`refreshDashboards`).
 *
 * The on-time rate counts what is late whether answered or not: answered on time ÷ (answered with a deadline +
 * overdue without an answer). "Overdue" is exactly the list's `overdue=true` (open, answer deadline passed), so a
 * department sitting on an overdue suggestion is never at 100 %.
 */
import { Op, Sequelize, type WhereOptions } from 'sequelize';
import { ANSWER_CLASS_LABELS, RATING_LABELS, STATE_LABELS } from '../../contracts/labels';
import type { AnswerClass, Rating, SuggestionState } from '../../contracts/enums';
import { StatsQuery, type DepartmentRow, type Share, type ShareBreakdownRow, type SuggestionStats } from '../../contracts/schemas';
import { percent as pct } from '../../contracts/format';
import { formatZodError } from '../../contracts/validation';
import { DepartmentModel, RegionModel, SuggestionModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { addMonths, chinaDate } from '../calendar/workdays';
import { calendarWarnings } from '../calendar/calendar';
import { forbidden, invalid, ok, type Outcome } from '../result';
import { visibleWhere } from '../directory/suggestionScope';
import { statsCache } from './statsCache';
import { summedByBucket, type BucketOptions, type GroupRow } from './statsBuckets';
import { dashboardView, noteDashboardView, type DashboardView } from './dashboardViews';

/** States that are not (yet) suggestions the office handles: drafts and citizens' opinions to a deputy. */
const NOT_COUNTED = ['draft', 'received', 'replied'];
/** The states of a suggestion a department still owes an answer in (the list's `overdue` rule). */
const OPEN_FOR_ANSWER = "('assigned', 'handling')";
const SATISFIED: Rating[] = ['satisfied', 'basically_satisfied'];

function shares<T extends string>(labels: Record<T, string>, counts: Map<string, number>): Share[] {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return (Object.keys(labels) as T[]).map((code) => ({ code, label: labels[code], count: counts.get(code) ?? 0, percent: pct(counts.get(code) ?? 0, total) }));
}

const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

/** The SQL pieces that differ between SQLite and MySQL: the China calendar day and month of a UTC instant. */
function dialect(kind: string) {
  const mysql = kind === 'mysql';
  return {
    day: (col: string) => (mysql ? `DATE(${col} + INTERVAL 8 HOUR)` : `date(${col}, '+8 hours')`),
    month: (col: string) => (mysql ? `DATE_FORMAT(${col} + INTERVAL 8 HOUR, '%Y-%m')` : `strftime('%Y-%m', ${col}, '+8 hours')`),
  };
}

/** The group columns of the three scans (by lead department and state, by month, by region); the rest are counts. */
const GROUPS = [
  ['dept', 'state', 'cls', 'rating'],
  ['k', 'cls', 'rating'],
  ['k', 'cls', 'rating'],
];

interface Tally {
  code: string;
  name: string;
  ratings: Map<string, number>;
  classes: Map<string, number>;
}

/** Computes the dashboard for the office (or admin). */
export async function suggestionStats(ctx: CoreContext, actor: Actor, input: unknown): Promise<Outcome<SuggestionStats>> {
  if (actor.role !== 'office' && actor.role !== 'admin') return forbidden('只有人大工作人员可以查看统计');
  const parsed = StatsQuery.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const { from, to } = parsed.data;
  if (from && to && from > to) return invalid('开始月份不能晚于结束月份');
  const today = chinaDate(ctx.clock.now());
  const view = dashboardView(actor, from, to);
  // Remembered so that the jobs runner keeps this dashboard's counts fresh for every API process.
  await noteDashboardView(ctx, view).catch(() => undefined);
  return ok(await statsCache.get(ctx, `${view.view}|${today}`, () => compute(ctx, actor, view, today)));
}

/**
 * Counts `view` (a dashboard people opened) for `day` as the jobs runner does, so that the next request in any API
 * process finds its counts stored: through the short cache when `day` is today (a request arriving meanwhile shares
 * the work), renewing up to `options.renew` buckets past their age.
 */
export async function refreshSuggestionStats(ctx: CoreContext, view: DashboardView, day: string, options: BucketOptions): Promise<void> {
  const actor: Actor = { id: 0, username: 'system', name: '系统', role: view.role, regionId: null, regionPath: view.regionPath, departmentId: null, stationId: null, system: true };
  if (day === chinaDate(ctx.clock.now())) await statsCache.get(ctx, `${view.view}|${day}`, () => compute(ctx, actor, view, day, options));
  else await compute(ctx, actor, view, day, options);
}

async function compute(ctx: CoreContext, actor: Actor, view: DashboardView, today: string, options: BucketOptions = {}): Promise<SuggestionStats> {
  const { from, to } = view;
  const period: Record<symbol, Date> = {};
  if (from) period[Op.gte] = new Date(Date.parse(`${from}-01T00:00:00+08:00`));
  if (to) period[Op.lt] = new Date(Date.parse(`${addMonths(`${to}-01`, 1)}T00:00:00+08:00`));
  const base: WhereOptions[] = [visibleWhere(actor), { state: { [Op.notIn]: NOT_COUNTED } }, ...(from || to ? [{ submittedAt: period }] : [])];
  const sql = dialect(ctx.db.kind);
  const lit = Sequelize.literal;
  const t = ctx.db.sequelize.escape(today);
  const overdue = `(state IN ${OPEN_FOR_ANSWER} AND answerDueOn IS NOT NULL AND answerDueOn < ${t})`;
  const answeredWithDeadline = '(answeredAt IS NOT NULL AND answerDueOn IS NOT NULL)';
  const onTime = `(${answeredWithDeadline} AND ${sql.day('answeredAt')} <= answerDueOn AND NOT ${overdue})`;
  const sum = (cond: string) => lit(`SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`);
  // Each suggestion carries its latest published answer's class and its lead deputy's latest rating.
  const cls = 'latestAnswerClass';
  const rating = 'latestRating';
  const month = lit(sql.month('submittedAt'));
  type Row = Record<string, string | number | null>;
  // Three scans of one bucket of ids: by lead department and state (with the clocks), by month, by region — each with
  // the outcome shares. Every figure below is a sum of these rows, so the buckets' rows simply add up.
  const countBuckets = async (first: number, last: number, size: number) => {
    const where = { [Op.and]: [...base, { id: { [Op.between]: [first * size + 1, (last + 1) * size] } }] };
    // Each row also says its bucket (ids are positive integers, so the division is exact in both databases).
    const bucket = lit(`((id - 1) - ((id - 1) % ${size})) / ${size}`);
    const query = (attributes: [ReturnType<typeof lit> | string, string][], group: string[]) =>
      SuggestionModel.findAll({ attributes: [...attributes, [bucket, 'b']], where, group: [...group, 'b'], raw: true }) as unknown as Promise<Row[]>;
    const parts = await Promise.all([
      query(
        [
          ['leadDepartmentId', 'dept'],
          ['state', 'state'],
          [cls, 'cls'],
          [rating, 'rating'],
          [lit('COUNT(*)'), 'n'],
          [sum('answeredAt IS NOT NULL'), 'answered'],
          [sum(onTime), 'onTime'],
          [sum(overdue), 'overdue'],
          [sum(`(${answeredWithDeadline} OR ${overdue})`), 'due'],
        ],
        ['dept', 'state', 'cls', 'rating'],
      ),
      query([[month, 'k'], [cls, 'cls'], [rating, 'rating'], [lit('COUNT(*)'), 'n'], [sum('answeredAt IS NOT NULL'), 'answered']], ['k', 'cls', 'rating']),
      query([['regionId', 'k'], [cls, 'cls'], [rating, 'rating'], [lit('COUNT(*)'), 'n']], ['k', 'cls', 'rating']),
    ]);
    // One [by department and state, by month, by region] triple per bucket first…last, the counts as numbers.
    const numeric = (r: Row, groups: string[]): GroupRow => Object.fromEntries(Object.entries(r).map(([c, v]) => [c, groups.includes(c) ? v : Number(v ?? 0)]));
    return Array.from({ length: last - first + 1 }, (_, i) => parts.map((rows, p) => rows.filter((r) => Number(r.b) === first + i).map(({ b: _b, ...r }) => numeric(r, GROUPS[p]))));
  };
  const [buckets, departments, regions] = await Promise.all([
    summedByBucket(ctx, { view: view.view, day: today }, GROUPS, countBuckets, options),
    DepartmentModel.findAll({ attributes: ['id', 'code', 'name'], raw: true }),
    RegionModel.findAll({ attributes: ['id', 'code', 'name', 'level', 'parentId'], raw: true }),
  ]);
  // The buckets' rows of the same group summed: what follows reads one row per group.
  const [byDeptState, byMonthShares, byRegionShares] = buckets as Row[][];

  const num = (v: unknown) => Number(v ?? 0);
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const departmentById = new Map(departments.map((d) => [d.id, d]));
  /** The district (or 市本级) a region lies in. */
  const districtOf = (id: unknown): { code: string; name: string } => {
    let r = id === null || id === undefined ? undefined : regionById.get(Number(id));
    while (r && r.level !== 'district' && r.parentId) r = regionById.get(r.parentId);
    return r && r.level === 'district' ? { code: r.code, name: r.name } : { code: 'city', name: '市本级' };
  };

  const byState = new Map<string, number>();
  const byDept = new Map<number, DepartmentRow & { due: number }>();
  let total = 0;
  let due = 0;
  let onTimeAll = 0;
  let overdueAll = 0;
  let answeredAll = 0;
  for (const r of byDeptState) {
    const n = num(r.n);
    total += n;
    add(byState, String(r.state), n);
    due += num(r.due);
    onTimeAll += num(r.onTime);
    overdueAll += num(r.overdue);
    answeredAll += num(r.answered);
    if (r.dept === null || r.dept === undefined) continue;
    const id = Number(r.dept);
    const d = departmentById.get(id);
    const row = byDept.get(id) ?? { code: d?.code ?? '', name: d?.name ?? '', total: 0, answered: 0, onTime: 0, overdue: 0, onTimeRate: null, rated: 0, satisfactionRate: null, due: 0 };
    row.total += n;
    row.answered += num(r.answered);
    row.onTime += num(r.onTime);
    row.overdue += num(r.overdue);
    row.due += num(r.due);
    byDept.set(id, row);
  }
  const byMonth = new Map<string, { submitted: number; answered: number }>();
  for (const r of byMonthShares) {
    if (!r.k) continue;
    const e = byMonth.get(String(r.k)) ?? { submitted: 0, answered: 0 };
    e.submitted += num(r.n);
    e.answered += num(r.answered);
    byMonth.set(String(r.k), e);
  }
  const byRegion = new Map<string, { code: string; name: string; count: number }>();
  for (const r of byRegionShares) {
    const d = districtOf(r.k);
    const e = byRegion.get(d.code) ?? { ...d, count: 0 };
    e.count += num(r.n);
    byRegion.set(d.code, e);
  }

  const classCounts = new Map<string, number>();
  const ratingCounts = new Map<string, number>();
  /** Folds (group, class, rating, count) rows into one tally per group. */
  const fold = (rows: Row[], groupOf: (k: unknown) => { code: string; name: string } | null, city: boolean) => {
    const m = new Map<string, Tally>();
    for (const r of rows) {
      const g = groupOf(r.k);
      const n = num(r.n);
      if (city) {
        if (r.cls) add(classCounts, String(r.cls), n);
        if (r.rating) add(ratingCounts, String(r.rating), n);
      }
      // A group appears once something in it was answered or rated.
      if (!g || (!r.cls && !r.rating)) continue;
      const t = m.get(g.code) ?? { ...g, ratings: new Map(), classes: new Map() };
      if (r.cls) add(t.classes, String(r.cls), n);
      if (r.rating) add(t.ratings, String(r.rating), n);
      m.set(g.code, t);
    }
    return m;
  };
  const deptTallies = fold(
    byDeptState.map((r) => ({ ...r, k: r.dept })),
    (k) => {
      const d = k === null || k === undefined ? undefined : departmentById.get(Number(k));
      return d ? { code: d.code, name: d.name } : null;
    },
    true,
  );
  const monthTallies = fold(byMonthShares, (k) => (k ? { code: String(k), name: String(k) } : null), false);
  const districtTallies = fold(byRegionShares, districtOf, false);
  for (const row of byDept.values()) {
    const ratings = deptTallies.get(row.code)?.ratings ?? new Map<string, number>();
    row.rated = [...ratings.values()].reduce((a, b) => a + b, 0);
    row.satisfactionRate = row.rated ? pct(SATISFIED.reduce((a, k) => a + (ratings.get(k) ?? 0), 0), row.rated) : null;
    row.onTimeRate = row.due ? pct(row.onTime, row.due) : null;
  }
  const rowsOf = (m: Map<string, Tally>): ShareBreakdownRow[] =>
    [...m.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((x) => ({ code: x.code, name: x.name, ratings: shares(RATING_LABELS as Record<Rating, string>, x.ratings), answerClasses: shares(ANSWER_CLASS_LABELS as Record<AnswerClass, string>, x.classes) }));
  const rated = [...ratingCounts.values()].reduce((a, b) => a + b, 0);

  return {
    total,
    answered: answeredAll,
    overdue: overdueAll,
    byState: shares(STATE_LABELS as Record<SuggestionState, string>, byState).filter((x) => x.count > 0),
    byDepartment: [...byDept.values()].map(({ due: _due, ...row }) => row).sort((a, b) => b.total - a.total || a.code.localeCompare(b.code)),
    byMonth: [...byMonth].map(([m, e]) => ({ month: m, ...e })).sort((a, b) => a.month.localeCompare(b.month)),
    byRegion: [...byRegion.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    onTimeRate: due ? pct(onTimeAll, due) : null,
    satisfactionRate: rated ? pct(SATISFIED.reduce((a, k) => a + (ratingCounts.get(k) ?? 0), 0), rated) : null,
    ratings: shares(RATING_LABELS as Record<Rating, string>, ratingCounts),
    answerClasses: shares(ANSWER_CLASS_LABELS as Record<AnswerClass, string>, classCounts),
    warnings: calendarWarnings(today),
    breakdown: { department: rowsOf(deptTallies), month: rowsOf(monthTallies), district: rowsOf(districtTallies) },
  };
}
