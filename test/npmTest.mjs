/**
 * `npm test`: the type-check and the lint side by side (they do not depend on each other), then — only when both
 * pass — jest with whatever arguments were given (`npm test -- test/api`). Prints how long each step and the whole
 * run took at the end, also when something failed, and exits with the first failure's code.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** "7 min 12 s" or "41 s". */
function duration(ms) {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** Runs a command; its output is collected and printed in one piece when it ends (unless `inherit`). */
function run(name, command, args, inherit = false) {
  const t = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    if (!inherit) {
      child.stdout.on('data', (d) => chunks.push(d));
      child.stderr.on('data', (d) => chunks.push(d));
    }
    child.on('error', (err) => chunks.push(Buffer.from(`${err.message}\n`)));
    child.on('close', (code, signal) => {
      const out = Buffer.concat(chunks).toString();
      if (out) process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
      const status = code ?? (signal ? 1 : 0);
      resolve({ name, status, ms: Date.now() - t });
    });
  });
}

const steps = await Promise.all([run('typecheck', npm, ['run', '--silent', 'typecheck']), run('lint', npm, ['run', '--silent', 'lint'])]);
const failed = steps.filter((s) => s.status !== 0);
if (!failed.length) {
  const jest = createRequire(import.meta.url).resolve('jest/bin/jest');
  steps.push(await run('jest', process.execPath, [jest, ...process.argv.slice(2)], true));
}
const parts = steps.map((s) => `${s.name} ${duration(s.ms)}${s.status ? ' (failed)' : ''}`).join(', ');
const code = steps.find((s) => s.status !== 0)?.status ?? 0;
console.log(`\nnpm test ${code ? 'failed' : 'passed'} in ${duration(Date.now() - started)} (${parts}; typecheck and lint side by side)`);
if (failed.length) console.log(`jest did not run: ${failed.map((s) => s.name).join(' and ')} failed`);
process.exit(code);
