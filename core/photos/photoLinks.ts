/**
 * Links to photos that an <img> can load without a token: the photo id with an expiry and an HMAC over both,
 * made for someone who may see the photo, valid for a day.
 */
import { createHmac } from 'node:crypto';
import { safeEqual } from '../auth/safeEqual';
import type { Config } from '../config';

const DAY_MS = 86_400_000;

function signature(secret: string, id: number, expires: number): string {
  return createHmac('sha256', secret).update(`photo:${id}:${expires}`).digest('base64url').slice(0, 32);
}

/** A signed link to photo `id`, valid for a day from `now`. */
export function photoUrl(config: Config, id: number, now: Date): string {
  // Rounded to the day so that the same photo keeps one link (and caches) for a while.
  const expires = Math.ceil((now.getTime() + DAY_MS) / DAY_MS) * DAY_MS;
  return `/api/photos/${id}?exp=${expires}&sig=${signature(config.photoLinkSecret, id, expires)}`;
}

/** Whether a link's expiry and signature hold at `now`. */
export function linkIsValid(config: Config, id: number, exp: unknown, sig: unknown, now: Date): boolean {
  const expires = Number(exp);
  if (!Number.isFinite(expires) || expires < now.getTime() || typeof sig !== 'string') return false;
  return safeEqual(sig, signature(config.photoLinkSecret, id, expires));
}
