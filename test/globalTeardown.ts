/** Once per jest run, after every test file: removes the template databases and the bundles globalSetup built. */
export default async function globalTeardown() {
  globalThis.lvzhiDropBins?.();
  globalThis.lvzhiDropBins = undefined;
  for (const drop of globalThis.lvzhiDropTemplates ?? []) await drop();
  globalThis.lvzhiDropTemplates = undefined;
}
