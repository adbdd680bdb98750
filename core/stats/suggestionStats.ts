/**
 * The office dashboard's figures for the suggestions it may see (the one scoping rule: a district office sees its
 * district), optionally within a submission period of months: counts by state, by lead department (answered, on
 * time, overdue, satisfaction), by month and by district; the on-time answer rate; the shares of ratings and of
 * answer classes A/B/C/D, city-wide and broken down by lead department, month of submission and district.
 *
 * Everything is counted by the database (GROUP BY) and nothing grows with the number of suggestions: the counts that
 * do not depend on the day are the tallies the database keeps as suggestions are written (`suggestion_tallies`,
 * migration 021: a few thousand rows per grain, whatever the volume); what is overdue today is read from the
 * `(state, answerDueOn, …)` index alone. Results are kept a short while per scope and period (see `statsCache`).
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
import { SuggestionTallyModel } from '../../models/stats';
import type { Actor, CoreContext } from '../context';
import { addMonths, chinaDate } from '../calendar/workdays';
import { calendarWarnings } from '../calendar/calendar';
import { forbidden, invalid, ok, type Outcome } from '../result';
import { visibleListWhere } from '../directory/suggestionScope';
import { statsCache } from './statsCache';

/** States that are not (yet) suggestions the office handles: drafts and citizens' opinions to a deputy. */
const NOT_COUNTED = ['draft', 'received', 'replied'];
/** The states of a suggestion a department still owes an answer in (the list's `overdue` rule). */
const OPEN_FOR_ANSWER = ['assigned', 'handling'];
const SATISFIED: Rating[] = ['satisfied', 'basically_satisfied'];

function shares<T extends string>(labels: Record<T, string>, counts: Map<string, number>): Share[] {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return (Object.keys(labels) as T[]).map((code) => ({ code, label: labels[code], count: counts.get(code) ?? 0, percent: pct(counts.get(code) ?? 0, total) }));
}

const add = (m: Map<string, number>, k: string, n: number) => m.set(k, (m.get(k) ?? 0) + n);

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
  // One scope per office region (an office account without a region has one of its own: it sees nothing).
  const scope = actor.role === 'admin' ? 'admin' : `office:${actor.regionPath ?? '-'}`;
  return ok(await statsCache.get(ctx, `${scope}|${from ?? ''}|${to ?? ''}|${today}`, () => compute(actor, from, to, today)));
}

async function compute(actor: Actor, from: string | undefined, to: string | undefined, today: string): Promise<SuggestionStats> {
  type Row = Record<string, string | number | null>;
  const lit = Sequelize.literal;
  const sum = (col: string) => lit(`SUM(${col})`);
  // The one scoping rule, on the tallies as on the suggestions (their region and state columns are named alike).
  const { gather: scope } = await visibleListWhere(actor);
  const months: Record<symbol, string> = {};
  if (from) months[Op.gte] = from;
  if (to) months[Op.lte] = to;
  const period = from || to;
  const counted = { state: { [Op.notIn]: NOT_COUNTED } };
  const tallies = (grain: string) => ({ [Op.and]: [scope, counted, { grain }, ...(grain !== 'all' && period ? [{ month: months }] : [])] }) as WhereOptions;
  // (A key whose suggestions all moved on keeps its row, at zero.)
  const tallied = async (grain: string, attributes: [string | ReturnType<typeof lit>, string][], group: string[]) =>
    ((await SuggestionTallyModel.findAll({ attributes, where: tallies(grain), group, raw: true })) as unknown as Row[]).filter((r) => Number(r.n) !== 0);
  const submitted: Record<symbol, Date> = {};
  if (from) submitted[Op.gte] = new Date(Date.parse(`${from}-01T00:00:00+08:00`));
  if (to) submitted[Op.lt] = new Date(Date.parse(`${addMonths(`${to}-01`, 1)}T00:00:00+08:00`));
  const answeredDay = SuggestionModel.sequelize!.getDialect() === 'mysql' ? 'DATE(answeredAt + INTERVAL 8 HOUR)' : "date(answeredAt, '+8 hours')";
  const [byDeptState, byMonthShares, byRegionShares, overdueRows, departments, regions] = await Promise.all([
    // By lead department and state, over every month (grain `all`) or over the period's months (`month`).
    tallied(
      period ? 'month' : 'all',
      [
        ['leadDepartmentId', 'dept'],
        ['state', 'state'],
        ['latestAnswerClass', 'cls'],
        ['latestRating', 'rating'],
        [sum('n'), 'n'],
        [sum('answered'), 'answered'],
        [sum('answeredWithDeadline'), 'withDeadline'],
        [sum('answeredOnTime'), 'onTime'],
      ],
      ['leadDepartmentId', 'state', 'latestAnswerClass', 'latestRating'],
    ),
    tallied('share', [['month', 'k'], ['latestAnswerClass', 'cls'], ['latestRating', 'rating'], [sum('n'), 'n'], [sum('answered'), 'answered']], ['month', 'latestAnswerClass', 'latestRating']),
    tallied('share', [['regionId', 'k'], ['latestAnswerClass', 'cls'], ['latestRating', 'rating'], [sum('n'), 'n']], ['regionId', 'latestAnswerClass', 'latestRating']),
    // What is overdue today (the list's rule), per lead department: read from the (state, answerDueOn, …) index alone.
    SuggestionModel.findAll({
      attributes: [
        ['leadDepartmentId', 'dept'],
        [lit('COUNT(*)'), 'overdue'],
        [lit('SUM(CASE WHEN answeredAt IS NOT NULL THEN 1 ELSE 0 END)'), 'answered'],
        [lit(`SUM(CASE WHEN answeredAt IS NOT NULL AND ${answeredDay} <= answerDueOn THEN 1 ELSE 0 END)`), 'onTime'],
      ],
      where: { [Op.and]: [scope, { state: OPEN_FOR_ANSWER, answerDueOn: { [Op.lt]: today } }, ...(period ? [{ submittedAt: submitted }] : [])] },
      group: ['leadDepartmentId'],
      raw: true,
    }) as unknown as Promise<Row[]>,
    DepartmentModel.findAll({ attributes: ['id', 'code', 'name'], raw: true }),
    RegionModel.findAll({ attributes: ['id', 'code', 'name', 'level', 'parentId'], raw: true }),
  ]);

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
  const deptRow = (id: number) => {
    const d = departmentById.get(id);
    const row = byDept.get(id) ?? { code: d?.code ?? '', name: d?.name ?? '', total: 0, answered: 0, onTime: 0, overdue: 0, onTimeRate: null, rated: 0, satisfactionRate: null, due: 0 };
    byDept.set(id, row);
    return row;
  };
  // Due: answered with a deadline, or overdue unanswered; on time: answered by the deadline and not overdue now.
  for (const r of byDeptState) {
    const n = num(r.n);
    total += n;
    add(byState, String(r.state), n);
    due += num(r.withDeadline);
    onTimeAll += num(r.onTime);
    answeredAll += num(r.answered);
    if (r.dept === null || r.dept === undefined) continue;
    const row = deptRow(Number(r.dept));
    row.total += n;
    row.answered += num(r.answered);
    row.onTime += num(r.onTime);
    row.due += num(r.withDeadline);
  }
  for (const r of overdueRows) {
    const [late, answered, onTime] = [num(r.overdue), num(r.answered), num(r.onTime)];
    overdueAll += late;
    due += late - answered;
    onTimeAll -= onTime;
    if (r.dept === null || r.dept === undefined) continue;
    const row = deptRow(Number(r.dept));
    row.overdue += late;
    row.due += late - answered;
    row.onTime -= onTime;
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
