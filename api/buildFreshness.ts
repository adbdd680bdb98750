/** Whether a front end's build is older than its sources (shared by the H5 app and the desktop console). */
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

/** Whether `dist`'s index.html is missing or older than any of `sources`. */
export function buildIsStale(dist: string, sources: readonly string[]): boolean {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return sources.some((s) => fs.existsSync(s) && newestMtime(s) > built);
}
