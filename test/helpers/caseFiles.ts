/**
 * Several test files' worth of suites run as one jest file. Jest gives every test file a fresh module registry,
 * so each file loads the app's modules, jieba's dictionary and its idf table again and signs its users in afresh:
 * about 1.8 s of CPU per file before its first test (measured: six small API files 23.1 s of CPU run apart, 12.3 s
 * run together). A folder of case files run by one `<folder>.test.ts` pays that once. Each case file keeps its own
 * suites on fresh databases of their own (eachDatabase, startTestApi in its own hooks) and runs inside a describe
 * block named after it, so its top-level hooks stay its own.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Runs every `.ts` file directly in `dir` (in name order), each in a describe block of its name, and checks
 * that there are at least `atLeast` of them (a folder emptied by mistake fails instead of passing silently).
 * A new case file goes into the folder; `npx jest <runner> -t <file name>` runs one of them.
 */
export function runCaseFiles(dir: string, atLeast: number): void {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  test(`every case file of ${path.basename(dir)} is loaded`, () => {
    expect(files.length).toBeGreaterThanOrEqual(atLeast);
  });
  for (const f of files) {
    describe(f.replace(/\.ts$/, ''), () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(path.join(dir, f));
    });
  }
}
