/** The signed-in user, read once per app start and kept here (pages only read it). */
import type { Me } from '../../../contracts/schemas';
import { api, storedToken, storeToken } from './api';

let cached: Me | null = null;

/** The current user, or null when nobody is signed in (or the sign-in expired). */
export async function currentUser(): Promise<Me | null> {
  if (!storedToken()) return null;
  if (!cached) cached = await api.me();
  return cached;
}

/** Remembers a fresh sign-in. */
export function signedIn(token: string, me: Me): void {
  storeToken(token);
  cached = me;
}

/** Forgets the signed-in user. */
export function signOut(): void {
  storeToken(undefined);
  cached = null;
}
