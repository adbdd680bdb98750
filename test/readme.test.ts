/** The README's curl walk-through runs as written against the real API. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { startTestApi, type TestApi } from './helpers/api';

describe('README walk-through', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    api.clock.set(new Date().toISOString());
  });
  afterAll(() => api.close());

  test('runs from start to a closed suggestion', async () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
    const block = /<!-- walkthrough:start -->\s*```bash\n([\s\S]*?)```\s*<!-- walkthrough:end -->/.exec(readme);
    expect(block).not.toBeNull();
    // Async: the API runs in this process and must keep answering while the script runs.
    const r = await promisify(execFile)('bash', ['-eo', 'pipefail', '-c', block![1]], { env: { ...process.env, API: api.url }, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toContain('分办建议：淄博市住房和城乡建设局');
    expect(out).toContain('可做的操作：sign, return');
    expect(out).toContain('第 2 轮');
    expect(out).toContain('closed 已办结');
    expect(out.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2}T/.test(l))).toHaveLength(10);
    expect(out).toContain('deputy05 未读 1 条：群众意见：小区门口路灯坏了——李大爷向你反映：和平路小区门口的路灯坏了一个月');
  });

  test('the notices, survey, ballot and meeting walk-through runs', async () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
    const block = /<!-- engagement:start -->\s*```bash\n([\s\S]*?)```\s*<!-- engagement:end -->/.exec(readme);
    expect(block).not.toBeNull();
    const r = await promisify(execFile)('bash', ['-eo', 'pipefail', '-c', block![1]], { env: { ...process.env, API: api.url }, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^已读 1\/\d+$/),
      '问卷：1/2 人提交，平均分 5',
      '（超过可选数目的票被拒绝）',
      '老旧小区改造 2 票 通过；新建公办幼儿园 1 票 未通过；农村道路提升 0 票 未通过',
      '签到成功：科苑街道联络站代表接待日',
      '应到 2，请假 1，实到 1，出勤率（扣除请假）100%',
      'SUMMARY:科苑街道联络站代表接待日',
    ]);
  });
});
