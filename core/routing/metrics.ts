/** Classification quality: accuracy, macro-F1, per-label precision/recall/F1 and the confusion matrix. */

export interface LabelScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Evaluation {
  n: number;
  accuracy: number;
  macroF1: number;
  perLabel: LabelScores[];
  /** confusion[i][j]: documents of labels[i] predicted as labels[j]. */
  confusion: number[][];
  labels: string[];
}

/** Scores predictions against the truth; labels are the union of both, sorted. */
export function evaluate(truth: string[], predicted: string[]): Evaluation {
  const labels = [...new Set([...truth, ...predicted])].sort();
  const at = new Map(labels.map((l, i) => [l, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  truth.forEach((t, i) => (confusion[at.get(t)!][at.get(predicted[i])!] += 1));
  let correct = 0;
  const perLabel = labels.map((label, k) => {
    const tp = confusion[k][k];
    correct += tp;
    const support = confusion[k].reduce((a, b) => a + b, 0);
    const predictedK = confusion.reduce((a, row) => a + row[k], 0);
    const precision = predictedK ? tp / predictedK : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const scored = perLabel.filter((l) => l.support > 0);
  return {
    n: truth.length,
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: scored.length ? scored.reduce((a, l) => a + l.f1, 0) / scored.length : 0,
    perLabel,
    confusion,
    labels,
  };
}
