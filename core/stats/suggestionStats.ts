/**
 * The office dashboard's figures for the suggestions it may see (its region's subtree), optionally within a
 * submission period: counts by state, by lead department (with answered, on-time and overdue), by month and by
 * district; the on-time answer rate; the shares of ratings and of answer classes A/B/C/D, city-wide and broken
 * down by lead department, month of submission and district.
 *
 * The on-time rate counts what is late whether answered or not: answered on time ÷ (answered + overdue without
 * an answer). A department sitting on an overdue suggestion is never at 100 %.
 */
import { Op } from 'sequelize';
import { ANSWER_CLASS_LABELS, RATING_LABELS, STATE_LABELS } from '../../contracts/labels';
import type { AnswerClass, Rating, SuggestionState } from '../../contracts/enums';
import { StatsQuery, type DepartmentRow, type Share, type ShareBreakdownRow, type SuggestionStats } from '../../contracts/schemas';
import { percent as pct } from '../../contracts/format';
import { formatZodError } from '../../contracts/validation';
import { AnswerModel, DepartmentModel, RatingModel, RegionModel, SuggestionModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { addMonths, chinaDate } from '../calendar/workdays';
import { calendarWarnings } from '../calendar/calendar';
import { forbidden, invalid, ok, type Outcome } from '../result';
import { visibleWhere } from '../directory/suggestionScope';

function shares<T extends string>(labels: Record<T, string>, counts: Map<string, number>): Share[] {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return (Object.keys(labels) as T[]).map((code) => ({ code, label: labels[code], count: counts.get(code) ?? 0, percent: pct(counts.get(code) ?? 0, total) }));
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** Counts of ratings and answer classes in one group of a breakdown. */
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
  const period: Record<symbol, Date> = {};
  if (from) period[Op.gte] = new Date(Date.parse(`${from}-01T00:00:00+08:00`));
  if (to) period[Op.lt] = new Date(Date.parse(`${addMonths(`${to}-01`, 1)}T00:00:00+08:00`));
  const rows = await SuggestionModel.findAll({
    where: { [Op.and]: [visibleWhere(actor), { state: { [Op.notIn]: ['draft', 'received', 'replied'] } }, ...(from || to ? [{ submittedAt: period }] : [])] },
    attributes: ['id', 'state', 'leadDepartmentId', 'regionId', 'submittedAt', 'answeredAt', 'answerDueOn'],
  });
  const ids = rows.map((r) => r.id);
  const [departments, regions, answers, ratings] = await Promise.all([
    DepartmentModel.findAll({ attributes: ['id', 'code', 'name'] }),
    RegionModel.findAll({ attributes: ['id', 'code', 'name', 'level', 'parentId'] }),
    ids.length ? AnswerModel.findAll({ where: { suggestionId: ids, state: 'published' }, attributes: ['suggestionId', 'round', 'answerClass'] }) : [],
    ids.length ? RatingModel.findAll({ where: { suggestionId: ids, raterRole: 'deputy' }, attributes: ['suggestionId', 'round', 'rating'] }) : [],
  ]);
  const today = chinaDate(ctx.clock.now());
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const departmentById = new Map(departments.map((d) => [d.id, d]));
  const districtOf = (id: number | null) => {
    let r = id ? regionById.get(id) : undefined;
    while (r && r.level !== 'district' && r.parentId) r = regionById.get(r.parentId);
    return r && r.level === 'district' ? r : null;
  };

  const byState = new Map<string, number>();
  const byDept = new Map<number, DepartmentRow>();
  const byMonth = new Map<string, { submitted: number; answered: number }>();
  const byRegion = new Map<string, { code: string; name: string; count: number }>();
  /** Where each suggestion falls in the breakdowns: its lead department, month of submission and district. */
  const groupsOf = new Map<number, { department: [string, string] | null; month: [string, string] | null; district: [string, string] }>();
  const deptDue = new Map<number, number>();
  let due = 0;
  let onTime = 0;
  for (const s of rows) {
    bump(byState, s.state);
    const answeredDay = s.answeredAt ? chinaDate(s.answeredAt) : null;
    const late = s.answerDueOn !== null && (answeredDay ? answeredDay > s.answerDueOn : ['assigned', 'handling'].includes(s.state) && today > s.answerDueOn);
    // Counted for the on-time rate: every answer with a deadline, and every overdue suggestion without one.
    if ((answeredDay && s.answerDueOn) || late) {
      due += 1;
      if (answeredDay && !late) onTime += 1;
    }
    if (s.leadDepartmentId) {
      const d = departmentById.get(s.leadDepartmentId);
      const row = byDept.get(s.leadDepartmentId) ?? { code: d?.code ?? '', name: d?.name ?? '', total: 0, answered: 0, onTime: 0, overdue: 0, onTimeRate: null };
      row.total += 1;
      if (answeredDay) row.answered += 1;
      if (answeredDay && s.answerDueOn && !late) row.onTime += 1;
      if (!answeredDay && late) row.overdue += 1;
      if ((answeredDay && s.answerDueOn) || late) deptDue.set(s.leadDepartmentId, (deptDue.get(s.leadDepartmentId) ?? 0) + 1);
      byDept.set(s.leadDepartmentId, row);
    }
    if (s.submittedAt) {
      const m = chinaDate(s.submittedAt).slice(0, 7);
      const e = byMonth.get(m) ?? { submitted: 0, answered: 0 };
      e.submitted += 1;
      if (answeredDay) e.answered += 1;
      byMonth.set(m, e);
    }
    const district = districtOf(s.regionId);
    const key = district?.code ?? 'city';
    const e = byRegion.get(key) ?? { code: key, name: district?.name ?? '市本级', count: 0 };
    e.count += 1;
    byRegion.set(key, e);
    const lead = s.leadDepartmentId ? departmentById.get(s.leadDepartmentId) : undefined;
    const month = s.submittedAt ? chinaDate(s.submittedAt).slice(0, 7) : null;
    groupsOf.set(s.id, { department: lead ? [lead.code, lead.name] : null, month: month ? [month, month] : null, district: [e.code, e.name] });
  }
  // The latest published answer's class, and the latest rating, per suggestion.
  const latest = <T extends { suggestionId: number; round: number }>(items: T[]) => {
    const m = new Map<number, T>();
    for (const x of items) if ((m.get(x.suggestionId)?.round ?? -1) <= x.round) m.set(x.suggestionId, x);
    return [...m.values()];
  };
  const classCounts = new Map<string, number>();
  const ratingCounts = new Map<string, number>();
  const breakdown = { department: new Map<string, Tally>(), month: new Map<string, Tally>(), district: new Map<string, Tally>() };
  const tally = (id: number, pick: (t: Tally) => Map<string, number>, code: string) => {
    const groups = groupsOf.get(id);
    if (!groups) return;
    for (const dim of ['department', 'month', 'district'] as const) {
      const g = groups[dim];
      if (!g) continue;
      const t = breakdown[dim].get(g[0]) ?? { code: g[0], name: g[1], ratings: new Map(), classes: new Map() };
      bump(pick(t), code);
      breakdown[dim].set(g[0], t);
    }
  };
  for (const a of latest(answers)) {
    bump(classCounts, a.answerClass);
    tally(a.suggestionId, (t) => t.classes, a.answerClass);
  }
  for (const r of latest(ratings)) {
    bump(ratingCounts, r.rating);
    tally(r.suggestionId, (t) => t.ratings, r.rating);
  }
  const rowsOf = (m: Map<string, Tally>): ShareBreakdownRow[] =>
    [...m.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((t) => ({ code: t.code, name: t.name, ratings: shares(RATING_LABELS as Record<Rating, string>, t.ratings), answerClasses: shares(ANSWER_CLASS_LABELS as Record<AnswerClass, string>, t.classes) }));
  for (const [id, row] of byDept) row.onTimeRate = deptDue.get(id) ? pct(row.onTime, deptDue.get(id)!) : null;

  return ok({
    total: rows.length,
    byState: shares(STATE_LABELS as Record<SuggestionState, string>, byState).filter((x) => x.count > 0),
    byDepartment: [...byDept.values()].sort((a, b) => b.total - a.total),
    byMonth: [...byMonth].map(([m, e]) => ({ month: m, ...e })).sort((a, b) => a.month.localeCompare(b.month)),
    byRegion: [...byRegion.values()].sort((a, b) => b.count - a.count),
    onTimeRate: due ? pct(onTime, due) : null,
    ratings: shares(RATING_LABELS as Record<Rating, string>, ratingCounts),
    answerClasses: shares(ANSWER_CLASS_LABELS as Record<AnswerClass, string>, classCounts),
    warnings: calendarWarnings(today),
    breakdown: { department: rowsOf(breakdown.department), month: rowsOf(breakdown.month), district: rowsOf(breakdown.district) },
  });
}
