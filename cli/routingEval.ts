/**
 * `npm run routing:eval -- --model MODEL --data FILE.csv [--jsonl]`: accuracy, macro-F1, per-label precision /
 * recall / F1, the confusion matrix and the speed. With `--jsonl` every prediction goes to stdout as one JSON
 * line (`{"id","label","predicted","score","why","ranking"}`) and the report to stderr.
 */
import fs from 'node:fs';
import { Classifier, parseClassifier } from '../core/routing/classifier';
import { readLabelledCsv } from '../core/routing/dataset';
import { classifyAll, formatEvaluation, throughput } from '../core/routing/report';
import { readArgs } from './args';

function main() {
  const usage = '用法：npm run routing:eval -- --model 模型文件 --data 测试集.csv [--jsonl]\n';
  const { values } = readArgs({ options: { model: { type: 'string' }, data: { type: 'string' }, jsonl: { type: 'boolean', default: false } } }, usage);
  if (!values.model || !values.data) {
    process.stderr.write(usage);
    process.exit(2);
  }
  const loadStarted = performance.now();
  const model = new Classifier(parseClassifier(fs.readFileSync(values.model, 'utf8')));
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const rows = readLabelledCsv(values.data);
  const run = classifyAll(model, rows);
  const speed = throughput(model, rows);
  const out = values.jsonl ? process.stderr : process.stdout;
  if (values.jsonl) {
    rows.forEach((r, i) => {
      const [best] = run.predictions[i];
      const ranking = run.predictions[i].map((p) => ({ label: p.label, score: Math.round(p.score * 1e4) / 1e4 }));
      process.stdout.write(`${JSON.stringify({ id: r.id, label: r.label, predicted: best.label, score: ranking[0].score, why: best.why, ranking })}\n`);
    });
  }
  out.write(
    [
      formatEvaluation(run.evaluation),
      '',
      `模型加载 ${loadSeconds.toFixed(2)} 秒；分类速度（单线程，只取最优类别，5 轮取最快）${Math.round(speed.docsPerSecond)} 条/秒，${Math.round(speed.charsPerSecond)} 字/秒` +
        `（中位 ${Math.round(speed.medianDocsPerSecond)} 条/秒）；带判定词 ${Math.round(run.docsPerSecond)} 条/秒`,
      `macroF1=${run.evaluation.macroF1.toFixed(4)} acc=${run.evaluation.accuracy.toFixed(4)} docs_per_s=${Math.round(speed.docsPerSecond)} chars_per_s=${Math.round(speed.charsPerSecond)}`,
    ].join('\n') + '\n',
  );
}

try {
  main();
} catch (err) {
  process.stderr.write(`评估失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
