/**
 * Comparing secrets (signatures, password hashes) without leaking through timing how much of them matched.
 * The bot keeps its own copy: front ends do not import core.
 */
import { timingSafeEqual } from 'node:crypto';

/** Whether two strings or byte buffers are equal, compared in constant time (a length mismatch is simply false). */
export function safeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const x = Buffer.isBuffer(a) ? a : Buffer.from(a);
  const y = Buffer.isBuffer(b) ? b : Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
