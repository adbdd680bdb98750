/**
 * Once per jest run: fails early when CI expects MariaDB and no MySQL URL was given, then builds the template
 * database of every kind this run covers (the demo city and its first routing model), which each test file copies.
 */
import { buildTemplate, databaseKinds, TEST_JWT_SECRET } from './helpers/db';

/** The template databases' removers, for globalTeardown (globalSetup's globals are visible there). */
declare global {
  var lvzhiDropTemplates: (() => Promise<void>)[] | undefined;
}

export default async function globalSetup() {
  process.env.NODE_ENV = 'test';
  // Processes the tests start (jobs runners, CLIs) on MySQL are not in demo mode and need a secret of their own.
  process.env.JWT_SECRET ??= TEST_JWT_SECRET;
  if (process.env.CI && !process.env.TEST_MYSQL_URL) {
    throw new Error('CI is set but TEST_MYSQL_URL is not: every database test must also run on MariaDB in CI');
  }
  // One after the other: the models are bound to one database at a time.
  globalThis.lvzhiDropTemplates = [];
  for (const kind of databaseKinds()) globalThis.lvzhiDropTemplates.push(await buildTemplate(kind));
}
