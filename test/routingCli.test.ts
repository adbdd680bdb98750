/**
 * The classifier's command line (npm run routing:train / routing:eval / routing:cv), run as a user runs it, on
 * the demo city's history turned into `id,title,body,label` rows (the department's name is the label).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { npmRun } from './helpers/cli';

const root = path.resolve(__dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-routing-cli-'));
const file = (name: string) => path.join(dir, name);

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
function writeCsv(name: string, rows: { id: string; title: string; body: string; label: string }[]): string {
  fs.writeFileSync(file(name), ['id,title,body,label', ...rows.map((r) => [r.id, r.title, r.body, r.label].map(quote).join(','))].join('\n'));
  return file(name);
}

const history = (parse(fs.readFileSync(path.join(root, 'models/demo/routing-history.csv')), { columns: true, bom: true }) as Record<string, string>[]).map((r, i) => ({
  id: `h${i + 1}`,
  title: r['标题'],
  body: r['内容'] ?? '',
  label: r['承办单位'],
}));
const trainCsv = writeCsv('train.csv', history);
const heldCsv = writeCsv(
  'held.csv',
  history.filter((_, i) => i % 5 === 0),
);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run routing:train and routing:eval', () => {
  test('trains a model file, then reports accuracy, macro-F1, per-label scores, the confusion matrix and the speed', () => {
    const train = npmRun('routing:train', ['--data', trainCsv, '--out', file('model.json')]);
    expect(train.status).toBe(0);
    expect(train.stdout).toContain(`训练样本 ${history.length} 条，31 个类别`);
    expect(train.stdout).toMatch(/train_s=\d+\.\d+/);
    expect(JSON.parse(fs.readFileSync(file('model.json'), 'utf8'))).toMatchObject({ format: 'lvzhi-routing/1', labels: expect.arrayContaining(['淄博市教育局']) });

    // On its own training rows a working model is nearly always right; a broken one is not.
    const own = npmRun('routing:eval', ['--model', file('model.json'), '--data', trainCsv]);
    expect(own.status).toBe(0);
    expect(own.stdout).toContain('混淆矩阵');
    expect(own.stdout).toMatch(/淄博市教育局\s+\d+\.\d%\s+\d+\.\d%\s+[01]\.\d{3}\s+5/);
    const summary = own.stdout.trim().split('\n').pop()!;
    const [, macroF1, accuracy, docsPerSecond] = summary.match(/^macroF1=([\d.]+) acc=([\d.]+) docs_per_s=(\d+) chars_per_s=\d+$/)!;
    expect(Number(accuracy)).toBeGreaterThanOrEqual(0.9);
    expect(Number(macroF1)).toBeGreaterThanOrEqual(0.85);
    expect(Number(docsPerSecond)).toBeGreaterThan(0);
  });

  test('--jsonl writes each prediction with its score, deciding words and ranking; the report goes to stderr', () => {
    const r = npmRun('routing:eval', ['--model', file('model.json'), '--data', heldCsv, '--jsonl']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('宏平均 macroF1=');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const held = history.filter((_, i) => i % 5 === 0);
    expect(lines.map((l) => l.id)).toEqual(held.map((h) => h.id));
    for (const l of lines) {
      expect(l.label).toBe(held.find((h) => h.id === l.id)!.label);
      expect(l.predicted).toBe(l.ranking[0].label);
      expect(l.score).toBe(l.ranking[0].score);
      expect(l.ranking).toHaveLength(31);
      const scores = l.ranking.map((x: { score: number }) => x.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(scores.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 2);
      expect(Array.isArray(l.why)).toBe(true);
    }
    expect(lines.some((l) => l.why.length > 0)).toBe(true);
  });

  test('bad input: usage, a file without a label column, a model that is not one', () => {
    const usage = npmRun('routing:train', []);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('用法：npm run routing:train');

    fs.writeFileSync(file('nolabel.csv'), 'id,title\n1,路灯不亮\n');
    const noLabel = npmRun('routing:train', ['--data', file('nolabel.csv'), '--out', file('x.json')]);
    expect(noLabel.status).toBe(1);
    expect(noLabel.stderr).toContain('缺少 title 或 label 列');
    expect(fs.existsSync(file('x.json'))).toBe(false);

    fs.writeFileSync(file('bad-model.json'), 'not json');
    const badModel = npmRun('routing:eval', ['--model', file('bad-model.json'), '--data', heldCsv]);
    expect(badModel.status).toBe(1);
    expect(badModel.stderr).toContain('模型文件不是合法的 JSON');
  });
});

describe('npm run routing:cv', () => {
  test('repeated cross-validation on shuffled folds prints the mean and each repeat', () => {
    const r = npmRun('routing:cv', ['--data', trainCsv, '--folds', '3', '--repeats', '2', '--set', '{"svm":{"C":0.5}}']);
    expect(r.status).toBe(0);
    const m = r.stdout.match(/^cv macroF1=([\d.]+) acc=([\d.]+) body_macroF1=[\d.]+ each=\[([\d.]+) ([\d.]+)\] s=[\d.]+ \{"svm":\{"C":0.5\}\}$/m);
    expect(m).not.toBeNull();
    // About four messages per department: cross-validated accuracy is low, but well above chance (1 in 31).
    expect(Number(m![2])).toBeGreaterThan(3 / 31);
    const bad = npmRun('routing:cv', ['--data', trainCsv, '--repeats', '0']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('用法');
  });
});
