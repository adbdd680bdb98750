/** Meeting rules in one place: who organises, the check-in window, the reminder offsets. */
import type { Actor } from '../context';

/** Check-in opens this long before the start … */
export const CHECKIN_OPENS_BEFORE_MS = 60 * 60_000;
/** … and closes this long after it. */
export const CHECKIN_CLOSES_AFTER_MS = 60 * 60_000;
/** Reminders go out this long before the start. */
export const REMINDERS: { tag: string; beforeMs: number; label: string }[] = [
  { tag: '1d', beforeMs: 24 * 3_600_000, label: '明天' },
  { tag: '1h', beforeMs: 3_600_000, label: '一小时后' },
];

/** Whether the actor organises meetings (office and admin). */
export function organises(actor: Actor): boolean {
  return actor.role === 'office' || actor.role === 'admin';
}

/** Whether `now` lies in the check-in window of a meeting starting at `startsAt`. */
export function inCheckinWindow(startsAt: Date, now: Date): boolean {
  const t = now.getTime();
  return t >= startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS && t <= startsAt.getTime() + CHECKIN_CLOSES_AFTER_MS;
}

export { chinaTime } from '../../contracts/format';
