/**
 * Jest's own order (tests that failed last time first, then the longest by the durations jest keeps from
 * earlier runs), except that a test file without a recorded duration is weighed by its size together with the
 * folder of the same name beside it whose files it runs (`useCases.test.ts` runs `useCases/*.ts`): measured by
 * its own few lines, such a file would start last and keep one worker busy after all the others are done.
 */
const fs = require('node:fs');
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

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
    const weight = new Map();
    const weigh = (t) => {
      if (!weight.has(t.path)) weight.set(t.path, fs.statSync(t.path).size + folderSize(t.path.replace(/\.test\.ts$/, '')));
      return weight.get(t.path);
    };
    for (const t of tests) t.duration = this.time(t);
    return [...tests].sort((a, b) => {
      const failedA = this.hasFailed(a);
      const failedB = this.hasFailed(b);
      if (failedA !== failedB) return failedA ? -1 : 1;
      const timed = (a.duration != null) - (b.duration != null);
      if (timed !== 0) return timed; // as jest does: a file never timed goes before the timed ones
      if (a.duration != null && b.duration != null) return b.duration - a.duration;
      return weigh(b) - weigh(a);
    });
  }
}

module.exports = LongestFirst;
