/**
 * The statutory clock: calendar dates in China's time zone, working days from the year's calendar (`calendar.ts`:
 * the official holidays and make-up working days 调休, or a provisional calendar for a year not yet published),
 * and month arithmetic for deadlines.
 */
import { chinaDay } from '../../contracts/format';
import { isWorkingDay, workingDaysAfter } from './calendar';

const DAY_MS = 86_400_000;

export { chinaTime } from '../../contracts/format';

/** The calendar date (`YYYY-MM-DD`) in Asia/Shanghai at instant `now`. */
export function chinaDate(now: Date): string {
  return chinaDay(now);
}

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
function fromUtc(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The date `n` calendar days after `day` (negative goes back). */
export function addDays(day: string, n: number): string {
  return fromUtc(new Date(toUtc(day).getTime() + n * DAY_MS));
}

export { isWorkingDay };

/** The first working day on or after `day`: a deadline that falls on a rest day moves to the next working day. */
export function rollToWorkingDay(day: string): string {
  let d = day;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The `n`-th working day after `day` (the day itself does not count). */
export function addWorkingDays(day: string, n: number): string {
  let d = day;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** The same day of the month `n` months after `day` (clamped to the month's end), not yet rolled. */
export function addMonths(day: string, n: number): string {
  const [y, m, dd] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(dd, lastDay));
  return fromUtc(target);
}

/** A deadline `n` months after `day`, moved to the next working day if it falls on a rest day. */
export function monthsDeadline(day: string, n: number): string {
  return rollToWorkingDay(addMonths(day, n));
}

/** A deadline `n` calendar days after `day`, moved to the next working day if it falls on a rest day. */
export function daysDeadline(day: string, n: number): string {
  return rollToWorkingDay(addDays(day, n));
}

/**
 * Working days from `today` to `due`: 0 when due today, positive while time is left (counting `due` itself
 * and not today), negative once overdue (the working days since the deadline).
 */
export function workingDaysLeft(today: string, due: string): number {
  if (today === due) return 0;
  return today < due ? workingDaysAfter(today, due) : -workingDaysAfter(due, today);
}
