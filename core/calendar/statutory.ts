/**
 * The statutory holidays of a year, from 《全国年节及纪念日放假办法》 as amended in 2024 (in force from 2025):
 * 元旦 1 day, 春节 4 days (除夕 to 正月初三), 清明 1 day (the solar term's date), 劳动节 2 days (5月1日、2日),
 * 端午 1 day, 中秋 1 day, 国庆 3 days (10月1日至3日). Lunar dates and the 清明 solar term come from
 * `lunar-typescript`.
 *
 * This is what a provisional calendar is built from for a year whose official schedule (国务院办公厅 放假安排)
 * is not known yet. It deliberately guesses no 调休: no make-up working weekends, no moved days, and no 补假
 * for a holiday that falls on a weekend — how those are placed is decided only in the official schedule.
 */
import { Lunar, Solar } from 'lunar-typescript';

const ymd = (s: Solar) => s.toYmd();
const solar = (year: number, month: number, day: number) => ymd(Solar.fromYmd(year, month, day));

/** The statutory holidays of `year` (Gregorian), sorted, each day once. */
export function statutoryHolidays(year: number): string[] {
  const newYear = Lunar.fromYmd(year, 1, 1).getSolar();
  const days = [
    solar(year, 1, 1),
    // 春节: 除夕 (the day before 正月初一, whether 腊月 has 29 or 30 days) to 正月初三.
    ymd(newYear.next(-1)),
    ymd(newYear),
    ymd(newYear.next(1)),
    ymd(newYear.next(2)),
    ymd(Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明']),
    solar(year, 5, 1),
    solar(year, 5, 2),
    ymd(Lunar.fromYmd(year, 5, 5).getSolar()),
    ymd(Lunar.fromYmd(year, 8, 15).getSolar()),
    solar(year, 10, 1),
    solar(year, 10, 2),
    solar(year, 10, 3),
  ];
  // 中秋 may fall within 国庆 (2028-10-03): the days are one set. 除夕 of an early 春节 stays in this year.
  return [...new Set(days)].filter((d) => d.startsWith(`${year}-`)).sort();
}
