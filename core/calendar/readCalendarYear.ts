/** One year of the holiday calendar as everyone signed in may read it, with the warning about next year's schedule. */
import { z } from 'zod';
import { CALENDAR_SOURCE_LABELS, CalendarYearParam, type CalendarYearResponse } from '../../contracts/calendar';
import { plainUseCase } from '../useCase';
import { calendarWarnings, missingNextYearWarning, yearCalendar } from './calendar';

/** `{year}` (this year in Beijing when absent): its holidays and make-up working days with their source. */
export const readCalendarYear = plainUseCase({
  name: 'calendar.read',
  readOnly: true,
  input: z.object({ year: CalendarYearParam.optional() }),
  apply: async ({ input, today }): Promise<CalendarYearResponse> => calendarResponse(input.year ?? Number(today.slice(0, 4)), today),
});

/** The calendar of `year` as the API answers it on `today` (Beijing date). */
export function calendarResponse(year: number, today: string): CalendarYearResponse {
  const cal = yearCalendar(year);
  return { ...cal, sourceLabel: CALENDAR_SOURCE_LABELS[cal.source], missingNextYear: missingNextYearWarning(today) !== null, warnings: calendarWarnings(today) };
}
