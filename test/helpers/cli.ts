/** Running the project's npm scripts as a user does (`npm run --silent <script> -- …`) from the repository root. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Runs `npm run --silent script -- ...args`, optionally with standard input and extra environment. */
export function npmRun(script: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  return spawnSync('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, encoding: 'utf8', input: options.input, env: { ...process.env, ...options.env } });
}
