/** Display helpers: Beijing time everywhere (the API speaks UTC instants and China calendar days). */
import { chinaDate, chinaDateTime as isoLike, chinaTime } from '../../contracts/format';

export { chinaTime };

/** An instant as a full Beijing date and time on screen: 2026年12月8日 09:00. */
export function chinaDateTime(d: Date | string): string {
  const s = isoLike(d);
  return s ? `${chinaDate(s.slice(0, 10))} ${s.slice(11)}` : '';
}

/** From–to of two instants, Beijing time: 2026年12月8日 09:00 至 12:00 (the end's day only when it differs). */
export function chinaSpan(from: Date | string, to: Date | string): string {
  const [a, b] = [chinaDateTime(from), chinaDateTime(to)];
  return a.split(' ')[0] === b.split(' ')[0] ? `${a} 至 ${b.split(' ')[1]}` : `${a} 至 ${b}`;
}

/** A China calendar day (YYYY-MM-DD) as 2026年3月5日. */
export function day(d: string | null | undefined): string {
  if (!d) return '—';
  const [y, m, dd] = d.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${dd}日`;
}

/** A percentage figure, or — when there is nothing to count yet. */
export const pct = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n}%`);

/** An instant typed in a datetime-local field (Beijing time) as an ISO instant. */
export function beijingInstant(local: string): string {
  return new Date(`${local}:00+08:00`).toISOString();
}
