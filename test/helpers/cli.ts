/**
 * Running the project's npm scripts as a user does (`npm run --silent <script> -- …`) from the repository root. A
 * script that is `tsx <entry>` runs what npm would run — that entry with the arguments — from this run's bundle
 * (helpers/bin.ts) instead of through npm and tsx, which spend seconds starting; any other script goes through npm.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { nodeArgs, ROOT, scriptEntry } from './bin';

/** Runs `npm run --silent script -- ...args`, optionally with standard input and extra environment. */
export function npmRun(script: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  const [command, commandArgs] = commandOf(script, args);
  return spawnSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', input: options.input, env: { ...process.env, ...options.env } });
}

/**
 * `npmRun` without blocking this process while the command works: for a test whose own API server (in this
 * process) must keep answering meanwhile — a server blocked for seconds drops its idle keep-alive connections as
 * the next request reuses one (ECONNRESET).
 */
export function npmRunAsync(script: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const [command, commandArgs] = commandOf(script, args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(options.input ?? '');
  });
}

/** The command and arguments that run `script` with `args` (its bundle when it is `tsx <entry>`, else npm). */
function commandOf(script: string, args: string[]): [string, string[]] {
  const entry = scriptEntry(script);
  return entry ? [process.execPath, [...nodeArgs(entry), ...args]] : ['npm', ['run', '--silent', script, '--', ...args]];
}
