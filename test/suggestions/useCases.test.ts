/**
 * The suggestion use cases' tests, one file per use case in ./useCases, run as one jest file: each case file
 * still declares its own suites on fresh databases of their own (eachDatabase), but the modules, jieba's
 * dictionary and the test environment are loaded once instead of once per use case (that was most of their
 * time). Every `.ts` file in ./useCases is run; a new use case's tests go there. (test/sequencer.js weighs
 * this file with that folder when it orders the files of a run.)
 */
import fs from 'node:fs';
import path from 'node:path';

const CASES = path.join(__dirname, 'useCases');
const files = fs.readdirSync(CASES).filter((f) => f.endsWith('.ts')).sort();

test('every case file is loaded', () => {
  expect(files.length).toBeGreaterThanOrEqual(24);
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
for (const f of files) require(path.join(CASES, f));
