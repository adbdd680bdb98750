/**
 * `@node-rs/jieba` as the test files see it (jest.config.js maps the package here): the same package, except that
 * `Jieba.withDict` gives every test file of a jest worker the one segmenter already made from the same dictionary.
 *
 * Why: jest gives each test file a fresh module registry, so the routing code and the bot's understanding layer
 * each made their own jieba from the bundled dictionary in every file: 0.1–0.3 s of CPU and about 45 MB of native
 * memory apiece, which V8 does not see and so seldom frees. A worker ended a run holding twenty or more of them,
 * and freeing them at exit took longer than the half second jest waits for a worker to end: "A worker process has
 * failed to exit gracefully and has been force exited" (measured: both workers reached their exit at once, with
 * 490 MB resident). The native binding is loaded once per worker (jest requires `.node` files through Node's own
 * module cache), so the segmenters are kept on it. A segmenter only reads its dictionary (the code never loads
 * words into one), so sharing it changes no result. Processes the tests start load the real package.
 */
const { createHash } = require('node:crypto');
const real = require('@node-rs/jieba/index.js');

// The native binding object is the same in every test file of the worker: the cache lives on it.
const shared = real.lvzhiSegmenters ?? (real.lvzhiSegmenters = new Map());

/** The worker's segmenter for this dictionary (made on first use). */
function withDict(dict) {
  const key = createHash('sha1').update(dict).digest('hex');
  if (!shared.has(key)) shared.set(key, real.Jieba.withDict(dict));
  return shared.get(key);
}

/** The package's Jieba with the worker's shared `withDict`. */
class Jieba extends real.Jieba {
  static withDict(dict) {
    return withDict(dict);
  }
}

module.exports = { ...real, Jieba };
