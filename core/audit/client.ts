/**
 * The address of the client a request came from, carried with the async context of the request (set once by
 * the API) so that the audit log can record it without every use case taking it as a parameter.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const store = new AsyncLocalStorage<{ address: string | null }>();

/** Runs `fn` with `address` as the current client's address. */
export function withClientAddress<T>(address: string | null | undefined, fn: () => T): T {
  // An IPv4 client on a dual-stack socket arrives as ::ffff:1.2.3.4: people read and search for 1.2.3.4.
  return store.run({ address: address ? address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').slice(0, 64) : null }, fn);
}

/** The current request's client address, or null outside a request (jobs, command line). */
export function clientAddress(): string | null {
  return store.getStore()?.address ?? null;
}
