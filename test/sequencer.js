/**
 * The order of a run's test files: files that failed last time first, then the longest first (so that no long file
 * starts near the end and keeps one worker busy after the other is done). A file's length is, in this order:
 * - the duration jest recorded for it in an earlier run on this checkout;
 * - else its wall time in a full run on the 2-core machine, from test/durations.json (written by
 *   `node test/profileReport.mjs PROFILE --durations`): a fresh clone, as CI runs it, has no recorded durations;
 * - else its size with the folder of the same name beside it whose files it runs (`bot.test.ts` runs `bot/*.ts`,
 *   test/helpers/caseFiles.ts), about a second per kilobyte.
 * (Jest's own order puts every file it never timed first, smallest last: a new file weighed by its few lines of
 * runner, or a browser suite in a fresh clone, would start late and end last.)
 */
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = path.resolve(__dirname, '..');

/** Seconds per test file (path from the repository root), from test/durations.json; empty when it is missing. */
function knownDurations() {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, 'durations.json'), 'utf8')).seconds ?? {};
  } catch {
    return {};
  }
}

/** Bytes of the `.ts` files directly in `dir` (0 when there is no such folder). */
function folderSize(dir) {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .reduce((n, e) => n + fs.statSync(path.join(dir, e.name)).size, 0);
  } catch {
    return 0;
  }
}

class LongestFirst extends Sequencer {
  sort(tests) {
    const known = knownDurations();
    const estimate = new Map();
    const length = (t) => {
      if (!estimate.has(t.path)) {
        const recorded = this.time(t);
        const listed = known[path.relative(ROOT, t.path).split(path.sep).join('/')];
        const bySize = fs.statSync(t.path).size + folderSize(t.path.replace(/\.test\.ts$/, ''));
        estimate.set(t.path, recorded ?? (listed != null ? listed * 1000 : bySize));
      }
      return estimate.get(t.path);
    };
    for (const t of tests) t.duration = this.time(t);
    return [...tests].sort((a, b) => {
      const failedA = this.hasFailed(a);
      const failedB = this.hasFailed(b);
      if (failedA !== failedB) return failedA ? -1 : 1;
      return length(b) - length(a);
    });
  }
}

module.exports = LongestFirst;
