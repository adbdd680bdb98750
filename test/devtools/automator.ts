/**
 * `npm run test:devtools`: the weapp build in WeChat DevTools, driven by miniprogram-automator. DevTools exists
 * for Windows and macOS only, so this runs on a developer's machine, not in CI:
 *
 *   1. DevTools → 设置 → 安全设置 → 开启服务端口;
 *   2. `npm start` (the API on http://127.0.0.1:3000, demo mode);
 *   3. `WECHAT_DEVTOOLS_CLI=/Applications/wechatwebdevtools.app/Contents/MacOS/cli npm run test:devtools`.
 *
 * It builds the weapp against LVZHI_API_URL (default http://127.0.0.1:3000), opens the repository root (whose
 * project.config.json points at miniprogram/dist/weapp), signs in as a demo deputy, and checks the home page,
 * a tile tap and the list of the deputy's suggestions.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import automator from 'miniprogram-automator';

const ROOT = path.resolve(__dirname, '../..');
const API = process.env.LVZHI_API_URL ?? 'http://127.0.0.1:3000';

async function main() {
  const cliPath = process.env.WECHAT_DEVTOOLS_CLI;
  if (!cliPath) {
    process.stderr.write('请设置 WECHAT_DEVTOOLS_CLI（微信开发者工具命令行的路径）；开发者工具只有 Windows 和 macOS 版。\n');
    process.exit(2);
  }
  const build = spawnSync('npm', ['run', '--silent', 'app:weapp'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', LVZHI_API_URL: API } });
  assert.equal(build.status, 0, 'weapp build failed');
  const token = ((await (await fetch(`${API}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"deputy01"}' })).json()) as { token: string }).token;
  assert.ok(token, `demo sign-in failed at ${API} (is npm start running in demo mode?)`);

  const mp = await automator.launch({ cliPath, projectPath: ROOT });
  try {
    await mp.callWxMethod('setStorageSync', 'lvzhi.token', token);
    const home = (await mp.reLaunch('/pages/index/index'))!;
    await home.waitFor('.tile');
    const tiles = await home.$$('.tile-name');
    const names = await Promise.all(tiles.map((t: { text(): Promise<string> }) => t.text()));
    assert.deepEqual(names.slice(0, 3), ['写建议', '我的建议', '群众来信']);
    await (await home.$('.tile'))!.tap();
    await home.waitFor(800);
    assert.equal((await mp.currentPage())!.path, 'pages/compose/index');
    const list = (await mp.reLaunch('/pages/suggestions/index?view=mine'))!;
    await list.waitFor(1500);
    process.stdout.write(`首页磁贴：${names.join('、')}；我的建议 ${(await list.$$('.suggestion-row')).length} 件\n`);
  } finally {
    await mp.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
