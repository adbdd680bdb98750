/** JWT bearer tokens: what they carry and how they are checked. */
import jwt from 'jsonwebtoken';
import type { Config } from '../config';

export interface TokenClaims {
  sub: string;
  role: string;
}

/** Signs a token for a user. */
export function issueToken(config: Config, user: { id: number; role: string }): string {
  return jwt.sign({ role: user.role }, config.jwtSecret, { subject: String(user.id), expiresIn: config.jwtTtl as jwt.SignOptions['expiresIn'], issuer: 'lvzhi' });
}

/** Verifies a token; returns its user id, or null when it is missing, forged or expired. */
export function verifyToken(config: Config, token: string): number | null {
  try {
    const claims = jwt.verify(token, config.jwtSecret, { issuer: 'lvzhi' }) as TokenClaims;
    const id = Number(claims.sub);
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}
