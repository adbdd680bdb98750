/** One year of the holiday calendar as everyone may read it, with the warning about next year's schedule. */
import { CALENDAR_SOURCE_LABELS, CalendarYearParam, type CalendarYearResponse } from '../../contracts/calendar';
import { formatZodError } from '../../contracts/validation';
import type { Actor, CoreContext } from '../context';
import { invalid, ok, type Outcome } from '../result';
import { calendarWarnings, missingNextYearWarning, yearCalendar } from './calendar';
import { chinaDate } from './workdays';

/** `year`'s holidays and make-up working days with their source (official, package or provisional). */
export async function readCalendarYear(ctx: CoreContext, _actor: Actor, rawYear: unknown): Promise<Outcome<CalendarYearResponse>> {
  const today = chinaDate(ctx.clock.now());
  const parsed = CalendarYearParam.safeParse(rawYear === undefined || rawYear === '' ? today.slice(0, 4) : rawYear);
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const cal = yearCalendar(parsed.data);
  return ok({
    ...cal,
    sourceLabel: CALENDAR_SOURCE_LABELS[cal.source],
    missingNextYear: missingNextYearWarning(today) !== null,
    warnings: calendarWarnings(today),
  });
}
