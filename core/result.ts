/** The closed set of outcomes every use case returns; adapters map them to HTTP statuses or chat replies. */

export type FailureKind = 'invalid' | 'unauthorized' | 'forbidden' | 'notFound' | 'conflict' | 'tooMany' | 'upstream' | 'unavailable';

export type Outcome<T> = { ok: true; value: T } | { ok: false; kind: FailureKind; message: string; retryAfterSeconds?: number };

/** A successful outcome. */
export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
/** Bad input: a Chinese message saying what to fix. */
export const invalid = (message: string): Outcome<never> => ({ ok: false, kind: 'invalid', message });
/** The caller is not signed in, or the credentials are wrong. */
export const unauthorized = (message: string): Outcome<never> => ({ ok: false, kind: 'unauthorized', message });
/** The caller may not do this. */
export const forbidden = (message: string): Outcome<never> => ({ ok: false, kind: 'forbidden', message });
/** The thing does not exist, or the caller may not know it does. */
export const notFound = (message: string): Outcome<never> => ({ ok: false, kind: 'notFound', message });
/** The state does not allow this now. */
export const conflict = (message: string): Outcome<never> => ({ ok: false, kind: 'conflict', message });
/** Too many attempts: try again after `retryAfterSeconds`. */
export const tooMany = (message: string, retryAfterSeconds: number): Outcome<never> => ({ ok: false, kind: 'tooMany', message, retryAfterSeconds });

/** A service we depend on (WeChat) answered with an error: 502 with what it means for the person. */
export const upstream = (message: string): Outcome<never> => ({ ok: false, kind: 'upstream', message });
/** A service we depend on cannot be reached or is not set up: 503, try again after `retryAfterSeconds`. */
export const unavailable = (message: string, retryAfterSeconds = 30): Outcome<never> => ({ ok: false, kind: 'unavailable', message, retryAfterSeconds });

/** Thrown inside a transaction to roll it back with a failure outcome. */
export class OutcomeError extends Error {
  constructor(readonly outcome: Extract<Outcome<never>, { ok: false }>) {
    super(outcome.message);
  }
}
