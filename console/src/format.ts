/** Display helpers: Beijing time everywhere (the API speaks UTC instants and China calendar days). */
import { chinaDateTime, chinaTime } from '../../contracts/format';

export { chinaDateTime, chinaTime };

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
