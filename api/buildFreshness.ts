/**
 * Whether a front end's build is older than its sources (shared by the H5 app, the desktop console and the
 * weapp bundle of the tests), and a build done at most once at a time across processes: a second process that
 * finds a build under way waits for it and then uses it instead of building into the same folder.
 */
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

/** Whether `dist`'s `builtFile` (index.html unless said) is missing or older than any of `sources`. */
export function buildIsStale(dist: string, sources: readonly string[], builtFile = 'index.html'): boolean {
  const built = path.join(dist, builtFile);
  if (!fs.existsSync(built)) return true;
  const at = fs.statSync(built).mtimeMs;
  return sources.some((s) => fs.existsSync(s) && newestMtime(s) > at);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `build` when `stale()` says so, holding `<dist>.lock` (the builder's pid) meanwhile. A process that finds
 * the lock held by a live process waits until it is released and asks `stale()` again; a lock left by a process
 * that died is taken over. A build that fails rejects (the lock is released either way).
 */
export async function buildWhenStale(dist: string, stale: () => boolean, build: () => Promise<void>, waitMs = 15 * 60_000): Promise<void> {
  const lock = `${dist}.lock`;
  if (!fs.existsSync(lock) && !stale()) return;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const giveUp = Date.now() + waitMs;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lock, 'utf8').trim());
      if (holder && holder !== process.pid && !alive(holder)) fs.rmSync(lock, { force: true });
      else if (Date.now() > giveUp) throw new Error(`another build of ${dist} (pid ${holder}) has held ${lock} for too long`);
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (stale()) await build();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
