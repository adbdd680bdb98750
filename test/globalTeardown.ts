/** Once per jest run, after every test file: removes the template databases globalSetup built. */
export default async function globalTeardown() {
  for (const drop of globalThis.lvzhiDropTemplates ?? []) await drop();
  globalThis.lvzhiDropTemplates = undefined;
}
