/**
 * The weapp bundle the Node smoke test boots (miniprogram/dist/weapp), built with an API base that names no real
 * server (WEAPP_TEST_API): the test's fake WeChat host sends requests for that origin to the API the test
 * started, as WeChat sends them to the request domain configured for the app. So one build serves every run; it
 * is built again only when the sources are newer or the bundle was built for another API (`npm run app:weapp`
 * for a real device). `tsx test/app/weappBuild.ts` builds it when stale (CI does, before the tests).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIsStale, buildWhenStale } from '../../api/buildFreshness';

const ROOT = path.resolve(__dirname, '../..');
/** Where the weapp bundle lives. */
export const WEAPP_DIST = path.join(ROOT, 'miniprogram/dist/weapp');
/** The API base the test bundle is built with: the fake host maps it to the test's API. */
export const WEAPP_TEST_API = 'http://api.lvzhi.test';
const SOURCES = ['src', 'config', 'babel.config.js'].map((p) => path.join(ROOT, 'miniprogram', p)).concat(path.join(ROOT, 'contracts'));
const STAMP = 'lvzhi-test-build.json';

/** Whether the bundle is missing, older than its sources, or not built for WEAPP_TEST_API. */
export function weappIsStale(): boolean {
  if (buildIsStale(WEAPP_DIST, SOURCES, STAMP)) return true;
  try {
    if (JSON.parse(fs.readFileSync(path.join(WEAPP_DIST, STAMP), 'utf8')).apiUrl !== WEAPP_TEST_API) return true;
  } catch {
    return true;
  }
  // `npm run app:weapp` for another API may have rebuilt the bundle since: the base is inlined in the scripts.
  const scripts = fs.readdirSync(WEAPP_DIST).filter((f) => f.endsWith('.js'));
  return !scripts.some((f) => fs.readFileSync(path.join(WEAPP_DIST, f), 'utf8').includes(WEAPP_TEST_API));
}

function build(): Promise<void> {
  fs.rmSync(path.join(WEAPP_DIST, STAMP), { force: true });
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'app:weapp'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', LVZHI_API_URL: WEAPP_TEST_API }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer) => void (output = (output + d.toString()).slice(-8000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`weapp build failed:\n${output.slice(-3000)}`));
      // Written last: its time says when the build finished, its content for which API.
      fs.writeFileSync(path.join(WEAPP_DIST, STAMP), JSON.stringify({ apiUrl: WEAPP_TEST_API }));
      resolve();
    });
  });
}

/** Builds the test bundle when it is stale (one build at a time across processes). */
export function ensureWeappBuilt(): Promise<void> {
  return buildWhenStale(WEAPP_DIST, weappIsStale, build);
}

if (require.main === module) {
  ensureWeappBuilt()
    .then(() => process.stdout.write(`weapp test bundle is up to date: ${path.relative(ROOT, WEAPP_DIST)}\n`))
    .catch((err) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
