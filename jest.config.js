/** Jest runs the TypeScript sources through swc; type-checking is done by `tsc --noEmit` in `npm test`. */
module.exports = {
  // jest's node environment; with LVZHI_TEST_PROFILE set it records each file's wall, CPU and leftover handles.
  testEnvironment: '<rootDir>/test/environment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // @swc/jest with the standard globals made module-local (test/transform.js: a vm context's globals are slow).
  transform: { '^.+\\.ts$': ['<rootDir>/test/transform.js', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }] },
  // One jieba segmenter per worker instead of one per test file (test/sharedJieba.js says why).
  moduleNameMapper: { '^@node-rs/jieba$': '<rootDir>/test/sharedJieba.js' },
  globalSetup: '<rootDir>/test/globalSetup.ts',
  globalTeardown: '<rootDir>/test/globalTeardown.ts',
  testSequencer: '<rootDir>/test/sequencer.js',
  testTimeout: 60000,
  maxWorkers: 2,
};
