/**
 * `npm run routing:cv -- --data train.csv [--folds 5] [--repeats 6] [--set '{"svm":{"C":0.3}}']`: k-fold
 * cross-validation on training data only — how the classifier's defaults were chosen without looking at the test
 * split. One repeat uses round-robin folds in file order; more repeats use folds shuffled with seeds 1 … N and
 * print the mean, because on a few thousand messages one split's macro-F1 moves by ±0.3 points.
 */
import { parseArgs } from 'node:util';
import { Classifier, stratifiedFolds, trainClassifier, type ClassifierOptions } from '../core/routing/classifier';
import { DEFAULT_CLASSIFIER } from '../core/routing/classifier';
import { readLabelledCsv } from '../core/routing/dataset';
import { evaluate } from '../core/routing/metrics';

const { values } = parseArgs({ options: { data: { type: 'string' }, folds: { type: 'string', default: '5' }, repeats: { type: 'string', default: '1' }, set: { type: 'string', multiple: true } } });
const folds = Number(values.folds);
const repeats = Number(values.repeats);
if (!values.data || !(folds >= 2) || !(repeats >= 1)) {
  process.stderr.write('用法：npm run routing:cv -- --data 训练集.csv [--folds 5] [--repeats 1] [--set JSON]\n');
  process.exit(2);
}
const docs = readLabelledCsv(values.data);
const labels = [...new Set(docs.map((d) => d.label))].sort();
const y = Int32Array.from(docs, (d) => labels.indexOf(d.label));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const set of values.set ?? ['{}']) {
  const patch = JSON.parse(set) as Partial<ClassifierOptions>;
  const options: ClassifierOptions = {
    ...DEFAULT_CLASSIFIER,
    calibrationFolds: 0,
    ...patch,
    features: { ...DEFAULT_CLASSIFIER.features, ...patch.features },
    svm: { ...DEFAULT_CLASSIFIER.svm, ...patch.svm },
  };
  const started = performance.now();
  const all: number[] = [];
  const body: number[] = [];
  const accuracy: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const fold = stratifiedFolds(y, folds, repeats > 1 ? r + 1 : 0);
    const predicted: string[] = new Array(docs.length);
    for (let f = 0; f < folds; f++) {
      const model = new Classifier(trainClassifier(docs.filter((_, i) => fold[i] !== f), options));
      docs.forEach((d, i) => {
        if (fold[i] === f) predicted[i] = model.top(d.title, d.body).label;
      });
    }
    const e = evaluate(docs.map((d) => d.label), predicted);
    const withBody = docs.map((d, i) => ({ d, i })).filter(({ d }) => d.body);
    all.push(e.macroF1);
    accuracy.push(e.accuracy);
    if (withBody.length) body.push(evaluate(withBody.map(({ d }) => d.label), withBody.map(({ i }) => predicted[i])).macroF1);
  }
  const each = repeats > 1 ? ` each=[${(body.length ? body : all).map((x) => x.toFixed(4)).join(' ')}]` : '';
  const bodyPart = body.length ? ` body_macroF1=${mean(body).toFixed(4)}` : '';
  process.stdout.write(`cv macroF1=${mean(all).toFixed(4)} acc=${mean(accuracy).toFixed(4)}${bodyPart}${each} s=${((performance.now() - started) / 1000).toFixed(1)} ${set}\n`);
}
