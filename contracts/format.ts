/** Formatting shared by the API and every front end. */

/** The instant shifted to China's clock (UTC+8, no daylight saving): read it with the getUTC… methods. */
export function inChina(d: Date | string): Date {
  return new Date(new Date(d).getTime() + 8 * 3_600_000);
}

const two = (n: number) => String(n).padStart(2, '0');

/** An instant (Date or ISO string) as people read it in China: 3月5日 09:00. */
export function chinaTime(d: Date | string): string {
  const c = inChina(d);
  if (Number.isNaN(c.getTime())) return '时间不详';
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日 ${two(c.getUTCHours())}:${two(c.getUTCMinutes())}`;
}

/** An instant as a full Beijing date and time for files and messages: 2026-11-30 07:31 (no time zone letter). */
export function chinaDateTime(d: Date | string): string {
  const c = inChina(d);
  if (Number.isNaN(c.getTime())) return '';
  return `${c.toISOString().slice(0, 10)} ${two(c.getUTCHours())}:${two(c.getUTCMinutes())}`;
}

/** The calendar day in China (YYYY-MM-DD) of an instant, now by default. */
export function chinaDay(d: Date | string = new Date()): string {
  return inChina(d).toISOString().slice(0, 10);
}

/** `n` as a percentage of `of` with one decimal (0 when `of` is 0): 2 of 3 → 66.7. */
export function percent(n: number, of: number): number {
  return of ? Math.round((n / of) * 1000) / 10 : 0;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/**
 * A China calendar day (YYYY-MM-DD, or the day of an ISO instant's first ten characters) as people write it:
 * 2026年6月2日, or with the weekday 2026年6月2日（星期二）. Nothing gives ''; anything else is returned as it came.
 */
export function chinaDate(d: string | null | undefined, withWeekday = false): string {
  if (!d) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (!m) return d;
  const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const text = `${y}年${mo}月${da}日`;
  return withWeekday ? `${text}（星期${WEEKDAYS[new Date(Date.UTC(y, mo - 1, da)).getUTCDay()]}）` : text;
}

/** Calendar days written into stored notes (2026-03-03) as people write them (2026年3月3日): timelines and messages. */
export const readableNote = (note: string | null): string | null => note?.replace(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g, (d) => chinaDate(d)) ?? null;

/**
 * A deadline day as people read it: 2027年3月1日 (with the weekday if asked), and marked 暂定 when it was counted
 * through a year whose holidays are not published yet: 2027年3月1日（暂定）, 2027年3月1日（星期一，暂定）.
 */
export function dueDate(d: string | null | undefined, provisional = false, withWeekday = false): string {
  const day = chinaDate(d, withWeekday);
  if (!d || !provisional) return day;
  return day.endsWith('）') ? `${day.slice(0, -1)}，暂定）` : `${day}（暂定）`;
}
