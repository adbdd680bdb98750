/**
 * The admin enters a year's official holiday schedule as the State Council published it: the days off and the
 * make-up working days. It replaces whatever that year had (package data or the provisional calendar) in every
 * process, and — in the same transaction — the caller's `onChanged` recounts what depends on the calendar (the
 * API passes the open suggestions' deadlines, which write their own timeline events).
 */
import { CalendarScheduleRequest, CalendarYearParam, type CalendarYearResponse } from '../../contracts/calendar';
import { CalendarDayModel, CalendarYearModel } from '../../models/calendar';
import type { Actor, CoreContext } from '../context';
import type { Outcome } from '../result';
import { useCase } from '../useCase';
import { isWeekend, loadCalendar, useOfficialYear, yearCalendar, type YearCalendar } from './calendar';
import { enterScheduleForbidden } from './policy';
import { calendarResponse } from './readCalendarYear';

export interface ScheduleEntered {
  years: number[];
  /** Whether the year had an entered schedule before (a correction) rather than being published now. */
  revised: boolean;
  actor: Actor;
  now: Date;
}

export interface EnterScheduleOptions {
  /** Recounts what depends on the calendar, inside the transaction; returns how many things moved. */
  onChanged?: (change: ScheduleEntered) => Promise<number>;
}

const list = (days: string[]) => `${days.slice(0, 5).join('、')}${days.length > 5 ? ` 等 ${days.length} 天` : ''}`;
const uniqueSorted = (days: string[]) => [...new Set(days)].sort();

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

/** The body with the year from the path: every date a real one in that year, no day both off and on. */
const ScheduleInput = CalendarScheduleRequest.extend({ year: CalendarYearParam })
  .superRefine((v, c) => {
    const problem = scheduleProblem(v.year, v.holidays, v.workdays);
    if (problem) c.addIssue({ code: 'custom', message: problem });
  })
  .transform((v) => ({ year: v.year, holidays: uniqueSorted(v.holidays), workdays: uniqueSorted(v.workdays) }));

/** What the audit log keeps of a year's calendar. */
const snapshot = (c: YearCalendar) => ({ id: c.year, source: c.source, holidays: c.holidays, workdays: c.workdays });

/**
 * Stores `{year, holidays, workdays}` as that year's official schedule (admin only; audited with the year's
 * calendar before and after) and recounts through `options.onChanged`. `year` is the path's, also in `input`.
 */
export async function enterOfficialSchedule(
  ctx: CoreContext,
  actor: Actor,
  year: unknown,
  input: unknown,
  options: EnterScheduleOptions = {},
): Promise<Outcome<CalendarYearResponse & { recounted: number }>> {
  const enter = useCase({
    name: 'calendar.enter',
    input: ScheduleInput,
    // The input schema has checked the same year; the subject is the year's calendar as it is now.
    load: async (key: unknown) => {
      const parsed = CalendarYearParam.safeParse(String(key));
      return parsed.success ? yearCalendar(parsed.data) : null;
    },
    who: ({ actor }) => enterScheduleForbidden(actor),
    apply: async ({ actor, input: { year, holidays, workdays }, now, today }) => {
      const existing = await CalendarYearModel.findByPk(year, { lock: true });
      if (existing) {
        existing.version += 1;
        existing.enteredByUserId = actor.id;
        existing.updatedAt = now;
        await existing.save();
      } else {
        await CalendarYearModel.create({ year, version: 1, enteredByUserId: actor.id, createdAt: now, updatedAt: now });
      }
      await CalendarDayModel.destroy({ where: { year } });
      await CalendarDayModel.bulkCreate([...holidays.map((day) => ({ day, year, kind: 'holiday' as const })), ...workdays.map((day) => ({ day, year, kind: 'workday' as const }))]);
      useOfficialYear(year, holidays, workdays);
      const recounted = (await options.onChanged?.({ years: [year], revised: !!existing, actor, now })) ?? 0;
      return { ...calendarResponse(year, today), recounted };
    },
    audit: { object: 'calendar', before: snapshot, after: snapshot },
  });
  try {
    return await enter(ctx, actor, year, input);
  } finally {
    // Memory follows what was committed (or, after a failure, what is still stored).
    await loadCalendar();
  }
}
