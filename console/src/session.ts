/** Who is signed in, shared by every page. */
import { createContext, useContext } from 'react';
import type { Me } from '../../contracts/schemas';

export const SessionContext = createContext<{ me: Me; signOut: () => void } | null>(null);

/** The signed-in user (pages render only inside a session). */
export function useMe(): Me {
  return useContext(SessionContext)!.me;
}
