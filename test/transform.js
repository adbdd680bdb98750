/**
 * Jest's transform for the TypeScript sources: @swc/jest, plus one line at the top of each module that makes the
 * standard globals it uses (Math, typed arrays, Map …) local variables of the module.
 *
 * Why: jest runs every test file in its own `vm` context, and in a vm context each read of a global goes through
 * the context's interceptors instead of V8's fast path, on every iteration of a loop. The routing code's inner
 * loops (feature hashing with Math.imul, the SVM with Math.max, softmax with Math.exp) ran up to a hundred times
 * slower under jest than in a real process (measured: 6 MB hashed in 4.7 s in a vm context, 0.05 s with Math a
 * local, 0.1 s in plain Node), so tests that train or classify spent most of their CPU there. Only how a name is
 * looked up changes: the objects are the context's own. A name the module declares itself is left alone.
 * (The npm packages' own JavaScript is not touched: tried, it broke exceljs's XLSX export under jest, and for
 * sequelize, lodash and pngjs alone it saved nothing measurable.)
 */
const { createTransformer: createSwcTransformer } = require('@swc/jest');

/** The globals made local; each is read once per module load. */
const NAMES = ['Math', 'Number', 'Array', 'Object', 'String', 'JSON', 'Map', 'Set', 'Buffer', 'Float64Array', 'Float32Array', 'Int32Array', 'Uint32Array', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array'];

/** The prelude for a module's code: the names it does not declare itself (anywhere, to stay on the safe side). */
function prelude(code) {
  const names = NAMES.filter((n) => !new RegExp(`\\b(?:const|let|var|class|function)\\s+${n}\\b`).test(code));
  return names.length ? `var ${names.map((n) => `${n} = globalThis.${n}`).join(', ')};` : '';
}

/**
 * Puts the prelude after the directive prologue ("use strict", which must stay the first statement, and any
 * comments or #! line before it), on the same line as its end: line numbers hold.
 */
function withPrelude(code) {
  const line = prelude(code);
  if (!line) return code;
  const start = /^(?:#![^\n]*\n)?(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(?:(["'])use strict\1;?)?/.exec(code)[0].length;
  // The leading semicolon ends a directive written without one (`'use strict'` then a newline).
  return `${code.slice(0, start)};${line}${code.slice(start)}`;
}

module.exports = {
  createTransformer(options) {
    const swc = createSwcTransformer(options);
    return {
      ...swc,
      process(src, filename, jestOptions) {
        const out = swc.process(src, filename, jestOptions);
        return { ...out, code: withPrelude(out.code) };
      },
      getCacheKey(...args) {
        return `${swc.getCacheKey(...args)}:local-globals-2`;
      },
    };
  },
};
