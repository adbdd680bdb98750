/**
 * Prints what test/environment.js recorded with LVZHI_TEST_PROFILE=FILE: per test file its wall and CPU seconds
 * (the jest worker and the processes it started), longest first, then each worker's busy time and the handles a
 * file left open. `node test/profileReport.mjs FILE [--since ISO]`.
 */
import fs from 'node:fs';
import path from 'node:path';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node test/profileReport.mjs PROFILE.jsonl');
  process.exit(2);
}
const rows = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const rel = (f) => path.relative(root, f);
const s = (ms) => (ms / 1000).toFixed(1).padStart(7);
rows.sort((a, b) => b.wallMs - a.wallMs);
console.log(`${'file'.padEnd(48)}    wall     cpu  (jest + children)`);
for (const r of rows) console.log(`${rel(r.file).padEnd(48)} ${s(r.wallMs)} ${s(r.cpuMs + r.childCpuMs)}  (${s(r.cpuMs).trim()} + ${s(r.childCpuMs).trim()})`);
const sum = (f) => rows.reduce((n, r) => n + f(r), 0);
console.log(`${`${rows.length} files`.padEnd(48)} ${s(sum((r) => r.wallMs))} ${s(sum((r) => r.cpuMs + r.childCpuMs))}`);
const first = Math.min(...rows.map((r) => r.start));
const last = Math.max(...rows.map((r) => r.start + r.wallMs));
console.log(`first file started to last file ended: ${s(last - first).trim()} s`);
const byPid = new Map();
for (const r of rows) byPid.set(r.pid, [...(byPid.get(r.pid) ?? []), r]);
for (const [pid, rs] of byPid) {
  const end = Math.max(...rs.map((r) => r.start + r.wallMs));
  console.log(`worker ${pid}: ${rs.length} files, busy ${s(rs.reduce((n, r) => n + r.wallMs, 0)).trim()} s, last file ended at +${s(end - first).trim()} s`);
}
const leaks = rows.filter((r) => Object.keys(r.left).length);
if (leaks.length) {
  console.log('handles left open after a file:');
  for (const r of leaks) console.log(`  ${rel(r.file)}: ${JSON.stringify(r.left)} ${(r.sockets ?? []).join(", ")}`);
}
