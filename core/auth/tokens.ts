/** JWT bearer tokens: what they carry and how they are checked. */
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Config } from '../config';

export interface TokenClaims {
  sub: string;
  role: string;
}

/**
 * The secret as a key object, made once per secret: given a string, jsonwebtoken first tries to read it as a PEM
 * public key on every verification (a thrown and caught error, about a millisecond each request).
 */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    if (keys.size > 16) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

/** Signs a token for a user. */
export function issueToken(config: Config, user: { id: number; role: string }): string {
  return jwt.sign({ role: user.role }, keyOf(config.jwtSecret), { subject: String(user.id), expiresIn: config.jwtTtl as jwt.SignOptions['expiresIn'], issuer: 'lvzhi' });
}

/**
 * Verifies a token; returns its user id, or null when it is missing, forged, expired, without an expiry, from
 * another issuer, or names its user other than by a plain positive integer (`"1e0"` and `"01"` are refused).
 */
export function verifyToken(config: Config, token: string): number | null {
  try {
    const claims = jwt.verify(token, keyOf(config.jwtSecret), { issuer: 'lvzhi', algorithms: ['HS256'] }) as jwt.JwtPayload & Partial<TokenClaims>;
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || !/^[1-9]\d{0,9}$/.test(claims.sub)) return null;
    const id = Number(claims.sub);
    return Number.isSafeInteger(id) ? id : null;
  } catch {
    return null;
  }
}
