/**
 * Running the project's npm scripts as a user does (`npm run --silent <script> -- …`) from the repository root. A
 * script that is `tsx <entry>` runs what npm would run — that entry with the arguments — from this run's bundle
 * (helpers/bin.ts) instead of through npm and tsx, which spend seconds starting; any other script goes through npm.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { nodeArgs, ROOT, scriptEntry } from './bin';

/** Runs `npm run --silent script -- ...args`, optionally with standard input and extra environment. */
export function npmRun(script: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  const entry = scriptEntry(script);
  const [command, commandArgs] = entry ? [process.execPath, [...nodeArgs(entry), ...args]] : ['npm', ['run', '--silent', script, '--', ...args]];
  return spawnSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', input: options.input, env: { ...process.env, ...options.env } });
}
