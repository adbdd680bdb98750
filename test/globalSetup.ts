/**
 * Once per jest run: fails early when CI expects MariaDB and no MySQL URL was given, then builds the template
 * database of every kind this run covers (the demo city and its first routing model), which each test file copies,
 * and — at the same time, in esbuild's own process — the bundles of the processes the tests start (helpers/bin.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBins } from './helpers/bin';
import { buildTemplate, databaseKinds, TEST_JWT_SECRET } from './helpers/db';

/** The template databases' removers, for globalTeardown (globalSetup's globals are visible there). */
declare global {
  var lvzhiDropTemplates: (() => Promise<void>)[] | undefined;
  var lvzhiDropBins: (() => void) | undefined;
  var lvzhiTrainingCache: string | undefined;
}

export default async function globalSetup() {
  process.env.NODE_ENV = 'test';
  // Processes the tests start (jobs runners, CLIs) on MySQL are not in demo mode and need a secret of their own.
  process.env.JWT_SECRET ??= TEST_JWT_SECRET;
  if (process.env.CI && !process.env.TEST_MYSQL_URL) {
    throw new Error('CI is set but TEST_MYSQL_URL is not: every database test must also run on MariaDB in CI');
  }
  // Models trained in this run, shared by every process of it (core/routing/trainingCache.ts): the MariaDB template,
  // and each file's retrain of the same documents on the other database, read the model trained first.
  globalThis.lvzhiTrainingCache = process.env.LVZHI_TRAINING_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-models-'));
  const bins = buildBins();
  bins.catch(() => undefined); // awaited below; not an unhandled rejection while the templates are built
  // One after the other: the models are bound to one database at a time.
  globalThis.lvzhiDropTemplates = [];
  for (const kind of databaseKinds()) globalThis.lvzhiDropTemplates.push(await buildTemplate(kind));
  globalThis.lvzhiDropBins = await bins;
}
