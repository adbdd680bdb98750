/**
 * What a signed-out citizen typed after scanning a deputy's or a station's code: kept on the device while they
 * sign in, restored on the form they came from, and dropped once it is handed in.
 */
import Taro from '@tarojs/taro';

const KEY = 'lvzhi.pending';

/** A form's text waiting for sign-in, and the page to come back to. */
export interface PendingOpinion {
  /** The form's address, e.g. /pages/compose/index?deputy=deputy05&name=… */
  back: string;
  title: string;
  body: string;
  place: string;
}

/** Keeps the typed text. */
export function keepPending(p: PendingOpinion): void {
  Taro.setStorageSync(KEY, JSON.stringify(p));
}

/** The kept text for the form at `back`, if any. */
export function pendingFor(back: string): PendingOpinion | null {
  try {
    const p = JSON.parse(Taro.getStorageSync(KEY) || 'null') as PendingOpinion | null;
    return p && p.back === back ? p : null;
  } catch {
    return null;
  }
}

/** The page a sign-in should return to, if a form is waiting. */
export function pendingBack(): string | null {
  try {
    return (JSON.parse(Taro.getStorageSync(KEY) || 'null') as PendingOpinion | null)?.back ?? null;
  } catch {
    return null;
  }
}

/** Forgets the kept text (handed in, or abandoned). */
export function dropPending(): void {
  Taro.removeStorageSync(KEY);
}
