/** The real Koa app on a loopback port, with a typed client per demo user. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { createApp } from '../../api/app';
import { createApiClient, type ApiClient } from '../../contracts/client';
import { DEMO_PASSWORD } from '../../models/seed';
import { createTestCore, type DbKind, type TestCore } from './db';

export interface TestApi extends TestCore {
  url: string;
  server: Server;
  /** A client signed in as a demo user (password sign-in for staff/office/admin, demo sign-in otherwise). */
  as(username: string): Promise<ApiClient>;
  /** The bearer token of a demo user, signed in the same way (for raw `http` calls). */
  token(username: string): Promise<string>;
  /** A raw HTTP call. */
  http(method: string, path: string, body?: unknown, token?: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Starts the API on a fresh database of `kind`. */
export async function startTestApi(kind: DbKind, env: Record<string, string> = {}): Promise<TestApi> {
  const t = await createTestCore(kind, env);
  const app = createApp(t.core, pino({ level: 'silent' }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) {
      const client = createApiClient({ baseUrl: url });
      const r = /^(deputy|citizen)/.test(username) ? await client.devLogin(username) : await client.login(username, DEMO_PASSWORD);
      tokens.set(username, r.token);
    }
    return tokens.get(username)!;
  };
  return {
    ...t,
    url,
    server,
    async as(username: string) {
      return createApiClient({ baseUrl: url, token: await token(username) });
    },
    token,
    async http(method, path, body, token, headers = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed };
    },
    close: async () => {
      // Idle keep-alive connections (this process's own fetches) end with the server instead of holding the worker open.
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await t.close();
    },
  };
}
