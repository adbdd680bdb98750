/**
 * `npm run bench:routing`: trains the routing classifier on ../shared/data/routing/train.csv, then — in a fresh
 * child process, so that memory is the model's and not the trainer's — loads it, evaluates it on test.csv and
 * measures one-thread speed. The last line is
 * `routing macroF1=<x> acc=<x> docs_per_s=<x> train_s=<x>`. Data and model stay outside the repository.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Classifier, parseClassifier, serialiseClassifier, trainClassifier } from '../core/routing/classifier';
import { readLabelledCsv } from '../core/routing/dataset';
import { segmenter } from '../core/routing/features';
import { classifyAll, formatEvaluation, throughput } from '../core/routing/report';

const DATA = process.env.ROUTING_DATA ?? path.resolve(__dirname, '../../shared/data/routing');

function evaluateChild(modelFile: string, testFile: string) {
  const bare = process.memoryUsage().rss;
  segmenter().cut('预热分词词典', false);
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  const model = new Classifier(parseClassifier(fs.readFileSync(modelFile, 'utf8')));
  const loadSeconds = (performance.now() - started) / 1000;
  const rows = readLabelledCsv(testFile);
  const run = classifyAll(model, rows);
  const speed = throughput(model, rows);
  const memory = process.memoryUsage();
  process.stdout.write(
    JSON.stringify({
      report: formatEvaluation(run.evaluation),
      macroF1: run.evaluation.macroF1,
      accuracy: run.evaluation.accuracy,
      loadSeconds,
      docsPerSecond: speed.docsPerSecond,
      medianDocsPerSecond: speed.medianDocsPerSecond,
      charsPerSecond: speed.charsPerSecond,
      explainedDocsPerSecond: run.docsPerSecond,
      rssMb: memory.rss / 1048576,
      jiebaMb: (baseline - bare) / 1048576,
      modelRssMb: (memory.rss - baseline) / 1048576,
      heapMb: memory.heapUsed / 1048576,
    }),
  );
}

function main() {
  const [flag, modelFile, testFile] = process.argv.slice(2);
  if (flag === '--evaluate') return evaluateChild(modelFile, testFile);
  const trainFile = path.join(DATA, 'train.csv');
  const test = path.join(DATA, 'test.csv');
  if (!fs.existsSync(trainFile) || !fs.existsSync(test)) {
    process.stderr.write(`找不到路由数据：${DATA}（需要 train.csv 和 test.csv；可用 ROUTING_DATA 指定目录）\n`);
    process.exit(2);
  }
  const rows = readLabelledCsv(trainFile);
  const started = performance.now();
  const data = trainClassifier(rows);
  const trainSeconds = (performance.now() - started) / 1000;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-routing-')), 'model.json');
  fs.writeFileSync(file, serialiseClassifier(data));
  const child = JSON.parse(execFileSync(process.execPath, [...process.execArgv, __filename, '--evaluate', file, test], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const size = fs.statSync(file).size / 1048576;
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const r = (x: number, d = 0) => x.toFixed(d);
  process.stdout.write(
    [
      `训练：${rows.length} 条（train.csv），${data.labels.length} 类，特征 ${data.hashes.length} 个，用时 ${r(trainSeconds, 1)} 秒（含 3 折校准），模型文件 ${r(size, 1)} MB`,
      `测试：test.csv`,
      child.report,
      '',
      `模型加载 ${r(child.loadSeconds, 2)} 秒；进程内存 ${r(child.rssMb)} MB，其中 jieba 词典 ${r(child.jiebaMb)} MB，模型与分类 ${r(child.modelRssMb)} MB（堆 ${r(child.heapMb)} MB）`,
      `分类速度（单线程，最优类别）：最快一轮 ${r(child.docsPerSecond)} 条/秒，中位 ${r(child.medianDocsPerSecond)} 条/秒，${r(child.charsPerSecond)} 字/秒；` +
        `带判定词 ${r(child.explainedDocsPerSecond)} 条/秒`,
      `routing macroF1=${child.macroF1.toFixed(4)} acc=${child.accuracy.toFixed(4)} docs_per_s=${Math.round(child.docsPerSecond)} train_s=${trainSeconds.toFixed(1)}`,
    ].join('\n') + '\n',
  );
}

main();
