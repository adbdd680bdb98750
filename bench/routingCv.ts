/**
 * `npm run routing:cv -- --data train.csv [--folds 5] [--set '{"svm":{"C":0.3}}']`: k-fold cross-validation on
 * training data only — how the classifier's defaults were chosen without looking at the test split.
 */
import { parseArgs } from 'node:util';
import { Classifier, stratifiedFolds, trainClassifier, type ClassifierOptions } from '../core/routing/classifier';
import { DEFAULT_CLASSIFIER } from '../core/routing/classifier';
import { readLabelledCsv } from '../core/routing/dataset';
import { evaluate } from '../core/routing/metrics';

const { values } = parseArgs({ options: { data: { type: 'string' }, folds: { type: 'string', default: '5' }, set: { type: 'string', multiple: true } } });
if (!values.data) {
  process.stderr.write('用法：npm run routing:cv -- --data 训练集.csv [--folds 5] [--set JSON]\n');
  process.exit(2);
}
const docs = readLabelledCsv(values.data);
const labels = [...new Set(docs.map((d) => d.label))].sort();
const folds = Number(values.folds);
const fold = stratifiedFolds(Int32Array.from(docs, (d) => labels.indexOf(d.label)), folds);
for (const set of values.set ?? ['{}']) {
  const patch = JSON.parse(set) as Partial<ClassifierOptions>;
  const options: ClassifierOptions = {
    ...DEFAULT_CLASSIFIER,
    calibrationFolds: 0,
    ...patch,
    features: { ...DEFAULT_CLASSIFIER.features, ...patch.features },
    svm: { ...DEFAULT_CLASSIFIER.svm, ...patch.svm },
  };
  const predicted: string[] = new Array(docs.length);
  const started = performance.now();
  for (let f = 0; f < folds; f++) {
    const model = new Classifier(trainClassifier(docs.filter((_, i) => fold[i] !== f), options));
    docs.forEach((d, i) => {
      if (fold[i] === f) predicted[i] = model.top(d.title, d.body).label;
    });
  }
  const e = evaluate(docs.map((d) => d.label), predicted);
  const withBody = docs.map((d, i) => ({ d, i })).filter(({ d }) => d.body);
  const eb = evaluate(withBody.map(({ d }) => d.label), withBody.map(({ i }) => predicted[i]));
  process.stdout.write(`cv macroF1=${e.macroF1.toFixed(4)} acc=${e.accuracy.toFixed(4)} body_macroF1=${eb.macroF1.toFixed(4)} s=${((performance.now() - started) / 1000).toFixed(1)} ${set}\n`);
}
