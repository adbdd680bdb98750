/**
 * A linear text classifier: multinomial logistic regression over words, trained by stochastic gradient
 * descent with L2 regularisation. Scores are softmax probabilities, so the confidence threshold means
 * "how sure", and every prediction can say which words decided it.
 */

export interface TrainingExample {
  tokens: string[];
  label: string;
  weight?: number;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

export interface Prediction {
  label: string;
  score: number;
  why: string[];
}

/** A trained model: labels, vocabulary and one weight row per label. Serialisable as JSON. */
export interface LinearModelData {
  labels: string[];
  vocab: string[];
  weights: number[][];
  bias: number[];
}

function featurize(tokens: string[], index: Map<string, number>): { ids: number[]; value: number } {
  const ids = [...new Set(tokens.map((t) => index.get(t)).filter((i): i is number => i !== undefined))];
  return { ids, value: ids.length ? 1 / Math.sqrt(ids.length) : 0 };
}

function softmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Trains a model on labelled token lists. Labels with no example are not predicted. */
export function trainLinearModel(examples: TrainingExample[], options: TrainOptions = {}): LinearModelData {
  const { epochs = 40, learningRate = 0.5, l2 = 1e-4, seed = 7 } = options;
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const vocab = [...new Set(examples.flatMap((e) => e.tokens))].sort();
  const index = new Map(vocab.map((w, i) => [w, i]));
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const weights = labels.map(() => new Array<number>(vocab.length).fill(0));
  const bias = labels.map(() => 0);
  const rows = examples.map((e) => ({ ...featurize(e.tokens, index), y: labelIndex.get(e.label)!, w: e.weight ?? 1 }));
  for (let epoch = 0; epoch < epochs; epoch++) {
    const lr = learningRate / (1 + epoch * 0.1);
    for (const row of shuffled(rows, seed + epoch)) {
      if (!row.ids.length) continue;
      const z = weights.map((wr, k) => bias[k] + row.ids.reduce((s, f) => s + wr[f] * row.value, 0));
      const p = softmax(z);
      for (let k = 0; k < labels.length; k++) {
        const g = (p[k] - (k === row.y ? 1 : 0)) * row.w;
        if (g === 0) continue;
        const wr = weights[k];
        for (const f of row.ids) wr[f] -= lr * (g * row.value + l2 * wr[f]);
        bias[k] -= lr * g * 0.1;
      }
    }
  }
  return { labels, vocab, weights, bias };
}

/** A trained model ready to predict. */
export class LinearModel {
  private readonly index: Map<string, number>;

  constructor(readonly data: LinearModelData) {
    this.index = new Map(data.vocab.map((w, i) => [w, i]));
  }

  /** Ranks every label for `tokens`, best first, each with its probability and up to five deciding words. */
  predict(tokens: string[]): Prediction[] {
    const { ids, value } = featurize(tokens, this.index);
    const { labels, weights, bias, vocab } = this.data;
    const z = weights.map((wr, k) => bias[k] + ids.reduce((s, f) => s + wr[f] * value, 0));
    const p = ids.length ? softmax(z) : labels.map(() => 0);
    return labels
      .map((label, k) => ({
        label,
        score: p[k],
        why: ids
          .filter((f) => weights[k][f] > 0)
          .sort((a, b) => weights[k][b] - weights[k][a])
          .slice(0, 5)
          .map((f) => vocab[f]),
      }))
      .sort((a, b) => b.score - a.score);
  }
}
