/** Real jobs processes (`jobs/main.ts`) for tests, with their tick reports. */
import { spawn, type ChildProcess } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import readline from 'node:readline';
import { nodeArgs, ROOT } from './bin';

export interface Tick {
  holder: string;
  leader: boolean;
  results: Record<string, number>;
}

/** Starts a jobs process ticking every second against `databaseUrl`. */
export function startJobs(databaseUrl: string, holder: string, env: Record<string, string> = {}) {
  const ticks: Tick[] = [];
  // `node` itself, not a wrapper: the pid must be the runner itself so that SIGKILL kills it.
  const child: ChildProcess = spawn(process.execPath, nodeArgs('jobs/main.ts'), {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, JOBS_HOLDER: holder, JOBS_LEASE_MS: '2500', JOBS_RULE: '* * * * * *', LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  readline.createInterface({ input: child.stdout! }).on('line', (l) => ticks.push(JSON.parse(l)));
  return { child, ticks };
}

/**
 * Polls `cond` until it holds, or fails after `ms`: soon at first (most conditions hold within milliseconds),
 * then less often (every 200 ms at most), so a quick condition is not kept waiting a fixed interval and a slow
 * one is not polled into the load it waits on.
 */
export async function until(cond: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  let pause = 10;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(200, Math.round(pause * 1.5));
  }
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}
