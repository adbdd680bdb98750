import fs from 'node:fs';

/** Once per jest run, after every test file: removes the template databases, bundles and models globalSetup made. */
export default async function globalTeardown() {
  if (globalThis.lvzhiTrainingCache) fs.rmSync(globalThis.lvzhiTrainingCache, { recursive: true, force: true });
  globalThis.lvzhiTrainingCache = undefined;
  globalThis.lvzhiDropBins?.();
  globalThis.lvzhiDropBins = undefined;
  for (const drop of globalThis.lvzhiDropTemplates ?? []) await drop();
  globalThis.lvzhiDropTemplates = undefined;
}
