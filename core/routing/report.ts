/** Shared by the routing command-line tools: timing a classifier over a data set and printing an evaluation. */
import type { Classifier, Ranked } from './classifier';
import { evaluate, type Evaluation } from './metrics';

export interface TimedRun {
  evaluation: Evaluation;
  predictions: Ranked[][];
  seconds: number;
  docsPerSecond: number;
  charsPerSecond: number;
}

/** Classifies every row (top label with its deciding words) and scores the result; times the classification only. */
export function classifyAll(model: Classifier, rows: { title: string; body: string; label: string }[], explain = 1): TimedRun {
  const started = performance.now();
  const predictions = rows.map((r) => model.rank(r.title, r.body, explain));
  const seconds = (performance.now() - started) / 1000;
  const chars = rows.reduce((n, r) => n + r.title.length + r.body.length, 0);
  return {
    evaluation: evaluate(
      rows.map((r) => r.label),
      predictions.map((p) => p[0].label),
    ),
    predictions,
    seconds,
    docsPerSecond: rows.length / seconds,
    charsPerSecond: chars / seconds,
  };
}

/**
 * Throughput of the fast path (top label, no explanation) on this thread: one warm-up pass, then `passes`
 * timed passes; the best pass counts, as timeit does, because a shared machine only ever makes a pass slower.
 */
export function throughput(model: Classifier, rows: { title: string; body: string }[], passes = 5): { docsPerSecond: number; charsPerSecond: number; medianDocsPerSecond: number } {
  for (const r of rows) model.top(r.title, r.body);
  const times: number[] = [];
  for (let p = 0; p < passes; p++) {
    const started = performance.now();
    for (const r of rows) model.top(r.title, r.body);
    times.push((performance.now() - started) / 1000);
  }
  times.sort((a, b) => a - b);
  const chars = rows.reduce((n, r) => n + r.title.length + r.body.length, 0);
  return { docsPerSecond: rows.length / times[0], charsPerSecond: chars / times[0], medianDocsPerSecond: rows.length / times[Math.floor(passes / 2)] };
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

/** The evaluation as a plain-text report (Chinese headings, fixed-width table and confusion matrix). */
export function formatEvaluation(e: Evaluation): string {
  const width = Math.max(...e.labels.map((l) => l.length * 2), 8);
  const pad = (s: string) => s + ' '.repeat(Math.max(0, width - [...s].reduce((n, c) => n + (c.charCodeAt(0) > 255 ? 2 : 1), 0)));
  const lines = [
    `样本 ${e.n}  准确率 accuracy=${e.accuracy.toFixed(4)}  宏平均 macroF1=${e.macroF1.toFixed(4)}`,
    '',
    `${pad('类别')}  精确率  召回率     F1   样本`,
    ...e.perLabel.map((l) => `${pad(l.label)}  ${pct(l.precision)}%  ${pct(l.recall)}%  ${l.f1.toFixed(3)}  ${String(l.support).padStart(5)}`),
    '',
    '混淆矩阵（行：真实类别，列：预测类别，列序同行序）',
    ...e.confusion.map((row, i) => `${pad(e.labels[i])}  ${row.map((c) => String(c).padStart(5)).join('')}`),
  ];
  return lines.join('\n');
}
