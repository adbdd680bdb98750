/** The signed-in user, read once per app start and kept here (pages only read it). */
import type { Me } from '../../../contracts/schemas';
import { api, storedToken, storeToken } from './api';

let cached: { token: string; me: Me } | null = null;

/** The current user, or null when nobody is signed in (or the sign-in expired); read again when the token changed. */
export async function currentUser(): Promise<Me | null> {
  const token = storedToken();
  if (!token) return null;
  if (cached?.token !== token) {
    api.setToken(token);
    cached = { token, me: await api.me() };
  }
  return cached.me;
}

/** Remembers a fresh sign-in. */
export function signedIn(token: string, me: Me): void {
  storeToken(token);
  cached = { token, me };
}

/** Forgets the signed-in user. */
export function signOut(): void {
  storeToken(undefined);
  cached = null;
}
