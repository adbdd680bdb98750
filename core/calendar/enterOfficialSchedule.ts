/**
 * The admin enters a year's official holiday schedule as the State Council published it: the days off and the
 * make-up working days. It replaces whatever that year had (package data or the provisional calendar) in every
 * process, and — in the same transaction — the caller's `onChanged` recounts what depends on the calendar (the
 * API passes the open suggestions' deadlines, which write their own timeline events).
 */
import { CALENDAR_SOURCE_LABELS, CalendarScheduleRequest, CalendarYearParam, type CalendarYearResponse } from '../../contracts/calendar';
import { formatZodError } from '../../contracts/validation';
import { CalendarDayModel, CalendarYearModel } from '../../models/calendar';
import type { Actor, CoreContext } from '../context';
import { forbidden, invalid, ok, type Outcome } from '../result';
import { calendarWarnings, isWeekend, loadCalendar, missingNextYearWarning, useOfficialYear, yearCalendar } from './calendar';
import { enterScheduleForbidden } from './policy';
import { chinaDate } from './workdays';

export interface ScheduleEntered {
  years: number[];
  actor: Actor;
  now: Date;
}

export interface EnterScheduleOptions {
  /** Recounts what depends on the calendar, inside the transaction; returns how many things moved. */
  onChanged?: (change: ScheduleEntered) => Promise<number>;
}

const list = (days: string[]) => `${days.slice(0, 5).join('、')}${days.length > 5 ? ` 等 ${days.length} 天` : ''}`;

/** What is wrong with a schedule for `year`, or null. */
function scheduleProblem(year: number, holidays: string[], workdays: string[]): string | null {
  const outside = [...holidays, ...workdays].filter((d) => !d.startsWith(`${year}-`));
  if (outside.length) return `这些日期不在 ${year} 年内：${list(outside)}`;
  const both = holidays.filter((d) => workdays.includes(d));
  if (both.length) return `同一天不能既放假又调休上班：${list(both)}`;
  const weekdays = workdays.filter((d) => !isWeekend(d));
  if (weekdays.length) return `调休上班日应是周六或周日，这些日期本来就是工作日：${list(weekdays)}`;
  return null;
}

/** Stores `year`'s official schedule (admin only) and recounts through `options.onChanged`. */
export async function enterOfficialSchedule(
  ctx: CoreContext,
  actor: Actor,
  rawYear: unknown,
  input: unknown,
  options: EnterScheduleOptions = {},
): Promise<Outcome<CalendarYearResponse & { recounted: number }>> {
  const year = CalendarYearParam.safeParse(rawYear);
  if (!year.success) return invalid(formatZodError(year.error));
  const body = CalendarScheduleRequest.safeParse(input ?? {});
  if (!body.success) return invalid(formatZodError(body.error));
  const who = enterScheduleForbidden(actor);
  if (who) return forbidden(who);
  const holidays = [...new Set(body.data.holidays)].sort();
  const workdays = [...new Set(body.data.workdays)].sort();
  const problem = scheduleProblem(year.data, holidays, workdays);
  if (problem) return invalid(problem);

  const now = ctx.clock.now();
  let recounted = 0;
  try {
    await ctx.db.sequelize.transaction(async () => {
      const existing = await CalendarYearModel.findByPk(year.data, { lock: true });
      if (existing) {
        existing.version += 1;
        existing.enteredByUserId = actor.id;
        existing.updatedAt = now;
        await existing.save();
      } else {
        await CalendarYearModel.create({ year: year.data, version: 1, enteredByUserId: actor.id, createdAt: now, updatedAt: now });
      }
      await CalendarDayModel.destroy({ where: { year: year.data } });
      await CalendarDayModel.bulkCreate([
        ...holidays.map((day) => ({ day, year: year.data, kind: 'holiday' as const })),
        ...workdays.map((day) => ({ day, year: year.data, kind: 'workday' as const })),
      ]);
      useOfficialYear(year.data, holidays, workdays);
      recounted = (await options.onChanged?.({ years: [year.data], actor, now })) ?? 0;
    });
  } finally {
    // Memory follows what was committed (or, after a failure, what is still stored).
    await loadCalendar();
  }
  const today = chinaDate(now);
  const cal = yearCalendar(year.data);
  return ok({
    ...cal,
    sourceLabel: CALENDAR_SOURCE_LABELS[cal.source],
    missingNextYear: missingNextYearWarning(today) !== null,
    warnings: calendarWarnings(today),
    recounted,
  });
}
