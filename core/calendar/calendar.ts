/**
 * Which days are rest days, year by year, from the best source there is:
 * 1. `official` — a schedule the admin entered (the State Council's 放假安排 as published), kept in the database;
 * 2. `package` — a year the maintained `chinese-days` package knows (the same official schedule, shipped);
 * 3. `provisional` — otherwise weekends plus the statutory holidays (`statutory.ts`), without any 调休 guess.
 *
 * Every process keeps the entered schedules in memory: loaded at boot, reloaded at once by the process that
 * changes them, and re-checked by the others at most every few seconds (`refreshCalendar`, called by the API
 * on each request and by the jobs runner on each tick), like the routing model's version check.
 */
import { getHolidaysInRange, isWorkday as packageIsWorkday } from 'chinese-days';
import { CalendarDayModel, CalendarYearModel } from '../../models/calendar';
import { statutoryHolidays } from './statutory';

import type { CalendarSource } from '../../contracts/calendar';

export type { CalendarSource };

/** One year's rest days: `holidays` are days off that are not ordinary weekends' only (they may fall on one),
 * `workdays` the make-up working days (调休上班) on weekends. */
export interface YearCalendar {
  year: number;
  source: CalendarSource;
  holidays: string[];
  workdays: string[];
}

/** How often another process's change to the entered schedules is picked up. */
export const CALENDAR_REFRESH_MS = 10_000;

interface Resolved {
  source: CalendarSource;
  holidays: Set<string>;
  workdays: Set<string>;
  /** Working days from 1 January through each day of the year (index: day of the year from 0), made when first asked. */
  through?: Uint16Array;
}

let official = new Map<number, { holidays: string[]; workdays: string[] }>();
const resolved = new Map<number, Resolved>();
let signature: string | null = null;
let checkedAt = -Infinity;
let loading: Promise<void> | null = null;

const pad = (n: number) => String(n).padStart(2, '0');

/** Every day of `year` as `YYYY-MM-DD`. */
export function daysOfYear(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    const d = new Date(t);
    out.push(`${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
  }
  return out;
}

/** Whether `day` (`YYYY-MM-DD`) is a Saturday or Sunday. */
export function isWeekend(day: string): boolean {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w === 0 || w === 6;
}

/** Whether the `chinese-days` package has `year`'s official schedule. */
function packageKnows(year: number): boolean {
  return getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}

function resolve(year: number): Resolved {
  let r = resolved.get(year);
  if (r) return r;
  const entered = official.get(year);
  if (entered) {
    r = { source: 'official', holidays: new Set(entered.holidays), workdays: new Set(entered.workdays) };
  } else if (packageKnows(year)) {
    const days = daysOfYear(year);
    r = {
      source: 'package',
      holidays: new Set(getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false)),
      workdays: new Set(days.filter((d) => isWeekend(d) && packageIsWorkday(d))),
    };
  } else {
    r = { source: 'provisional', holidays: new Set(statutoryHolidays(year)), workdays: new Set() };
  }
  resolved.set(year, r);
  return r;
}

/** Whether `day` is a working day: a weekday that is no holiday, or a make-up working weekend day. */
export function isWorkingDay(day: string): boolean {
  const r = resolve(Number(day.slice(0, 4)));
  if (r.workdays.has(day)) return true;
  if (r.holidays.has(day)) return false;
  return !isWeekend(day);
}

/** Working days of `day`'s year from 1 January through `day` itself. */
function workingDaysThrough(day: string): number {
  const [y, m, d] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  const r = resolve(y);
  if (!r.through) {
    const days = daysOfYear(y);
    r.through = new Uint16Array(days.length);
    let n = 0;
    days.forEach((x, i) => (r.through![i] = n += isWorkingDay(x) ? 1 : 0));
  }
  return r.through[(Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000];
}

/**
 * The working days after `start` up to and including `end` (both `YYYY-MM-DD`, `start` ≤ `end`): read off each
 * year's running count, not day by day (a list of overdue work counts years of days per row).
 */
export function workingDaysAfter(start: string, end: string): number {
  const [ys, ye] = [Number(start.slice(0, 4)), Number(end.slice(0, 4))];
  if (ys === ye) return workingDaysThrough(end) - workingDaysThrough(start);
  let n = workingDaysThrough(`${ys}-12-31`) - workingDaysThrough(start);
  for (let y = ys + 1; y < ye; y += 1) n += workingDaysThrough(`${y}-12-31`);
  return n + workingDaysThrough(end);
}

/** Where `year`'s rest days come from. */
export function calendarSource(year: number): CalendarSource {
  return resolve(year).source;
}

/** `year`'s holidays and make-up working days, sorted, with their source. */
export function yearCalendar(year: number): YearCalendar {
  const r = resolve(year);
  return { year, source: r.source, holidays: [...r.holidays].sort(), workdays: [...r.workdays].sort() };
}

/**
 * The provisionally known years that a clock running through `days` crosses: every year from the earliest to the
 * latest of them (nulls ignored), ascending. A deadline counted from a known year into a provisional one is
 * provisional, and so is one counted within a provisional year.
 */
export function provisionalYearsSpanned(days: (string | null | undefined)[]): number[] {
  const years = days.filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4)));
  if (!years.length) return [];
  const out: number[] = [];
  for (let y = Math.min(...years); y <= Math.max(...years); y += 1) if (calendarSource(y) === 'provisional') out.push(y);
  return out;
}

/** The note shown beside a deadline computed through provisional `years`. */
export function provisionalNote(years: number[]): string {
  return `${years.join('、')} 年放假安排尚未公布，期限按法定节假日推算（未计调休），公布后将自动重算`;
}

/**
 * The warning to show from 1 November (Beijing date `today`) while next year's official schedule is not known
 * (neither entered nor in the package), or null.
 */
export function missingNextYearWarning(today: string): string | null {
  const year = Number(today.slice(0, 4));
  if (today.slice(5) < '11-01' || calendarSource(year + 1) !== 'provisional') return null;
  return `${year + 1} 年放假安排尚未录入：${year + 1} 年的期限暂按法定节假日推算（未计调休）。国务院办公厅公布后，请管理员在“节假日安排”中录入。`;
}

/** The warnings about the calendar to show people on `today` (Beijing date): empty when all is known. */
export function calendarWarnings(today: string): string[] {
  const missing = missingNextYearWarning(today);
  return missing ? [missing] : [];
}

/**
 * Uses `year`'s entered schedule in this process at once (inside the transaction that stores it, so the deadlines
 * recounted there already follow it); `loadCalendar` afterwards makes memory match what was committed.
 */
export function useOfficialYear(year: number, holidays: string[], workdays: string[]): void {
  official.set(year, { holidays: [...holidays], workdays: [...workdays] });
  resolved.delete(year);
}

async function reload(): Promise<void> {
  const years = await CalendarYearModel.findAll({ attributes: ['year', 'version'], order: [['year', 'ASC']] });
  const next = years.map((y) => `${y.year}@${y.version}`).join(',');
  if (next !== signature) {
    const days = years.length ? await CalendarDayModel.findAll({ order: [['day', 'ASC']] }) : [];
    const loaded = new Map<number, { holidays: string[]; workdays: string[] }>(years.map((y) => [y.year, { holidays: [], workdays: [] }]));
    for (const d of days) loaded.get(d.year)?.[d.kind === 'workday' ? 'workdays' : 'holidays'].push(d.day);
    official = loaded;
    resolved.clear();
    signature = next;
  }
  checkedAt = Date.now();
}

/** Loads the entered schedules from the database now (at boot, and after this process changed them). */
export async function loadCalendar(): Promise<void> {
  if (loading) await loading;
  signature = null;
  checkedAt = -Infinity;
  await refreshCalendar();
}

/** Picks up schedules another process entered: checks the database at most every `maxAgeMs`. */
export async function refreshCalendar(maxAgeMs = CALENDAR_REFRESH_MS): Promise<void> {
  if (Date.now() - checkedAt < maxAgeMs) return;
  if (!loading) loading = reload().finally(() => (loading = null));
  await loading;
}
