/**
 * Prints what test/environment.js recorded with LVZHI_TEST_PROFILE=FILE: per test file its wall and CPU seconds
 * (the jest worker and the processes it started), longest first, then each worker's busy time and the handles a
 * file left open. `node test/profileReport.mjs FILE [--durations]`: with `--durations` it also writes each file's wall
 * seconds to test/durations.json, the order hint of test/sequencer.js for a checkout without jest's own timings
 * (take it from a full run on the 2-core machine).
 */
import fs from 'node:fs';
import path from 'node:path';

const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: node test/profileReport.mjs PROFILE.jsonl');
  process.exit(2);
}
const lines = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const rows = lines.filter((l) => l.file);
// Workers that were still held open 200 ms after jest asked them to end (test/environment.js).
const held = lines.filter((l) => l.exit);
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

for (const h of held) console.log(`worker ${h.exit} still open when jest ended it: ${JSON.stringify(h.resources)} ${h.handles.join(', ')}`);
if (process.argv.includes('--durations')) {
  const seconds = Object.fromEntries(rows.map((r) => [rel(r.file).split(path.sep).join('/'), Math.round(r.wallMs / 1000)]).sort(([a], [b]) => a.localeCompare(b)));
  const out = path.join(root, 'test/durations.json');
  const note = 'Wall seconds per test file in a full run on the 2-core machine (npm test with MariaDB): the order hint of test/sequencer.js when jest has no timings of its own. Written by node test/profileReport.mjs PROFILE --durations.';
  fs.writeFileSync(out, `${JSON.stringify({ note, seconds }, null, 2)}\n`);
  console.log(`wrote ${rel(out)}`);
}
