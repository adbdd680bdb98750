/**
 * A linear SVM trained the way liblinear does it (L2-regularised, squared hinge loss, dual coordinate descent,
 * Hsieh et al. 2008), one class against the rest, with a bias feature. Deterministic: the visiting order comes
 * from a seeded generator.
 */
import type { SparseVector } from './features';

export interface SvmOptions {
  /** Cost of a margin violation (liblinear's -C). */
  C: number;
  /** Stop when the projected gradient's spread falls below this (liblinear's -e). */
  epsilon: number;
  maxIterations: number;
  seed: number;
  /**
   * Naive-Bayes feature scaling (NBSVM, Wang & Manning 2012) with this smoothing; 0 = off. Each one-vs-rest
   * problem sees its features scaled by their log-count ratio, and the scale is folded back into the weights.
   */
  nb: number;
}

export const DEFAULT_SVM: SvmOptions = { C: 1, epsilon: 0.1, maxIterations: 1000, seed: 1, nb: 0 };

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Trains one binary SVM: `y[i]` is +1 or −1, `cost[i]` scales C per example. Returns weights with the bias last. */
export function trainBinarySvm(xs: SparseVector[], y: Int8Array, dim: number, cost: Float64Array, o: SvmOptions): Float64Array {
  const n = xs.length;
  const w = new Float64Array(dim + 1);
  const alpha = new Float64Array(n);
  const qd = new Float64Array(n);
  const diag = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    diag[i] = 0.5 / (o.C * cost[i]);
    let q = 1; // the bias feature
    const v = xs[i].val;
    for (let j = 0; j < v.length; j++) q += v[j] * v[j];
    qd[i] = q + diag[i];
    order[i] = i;
  }
  const random = rng(o.seed);
  let active = n;
  let maxOld = Infinity;
  for (let iter = 0; iter < o.maxIterations; iter++) {
    let maxNew = -Infinity;
    let minNew = Infinity;
    for (let i = 0; i < active; i++) {
      const j = i + Math.floor(random() * (active - i));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (let s = 0; s < active; s++) {
      const i = order[s];
      const { idx, val } = xs[i];
      const yi = y[i];
      let dot = w[dim];
      for (let k = 0; k < idx.length; k++) dot += w[idx[k]] * val[k];
      const g = yi * dot - 1 + alpha[i] * diag[i];
      let pg = 0;
      if (alpha[i] === 0) {
        if (g > maxOld) {
          // Shrink: this example is unlikely to become a support vector.
          active -= 1;
          order[s] = order[active];
          order[active] = i;
          s -= 1;
          continue;
        }
        if (g < 0) pg = g;
      } else pg = g;
      if (pg > maxNew) maxNew = pg;
      if (pg < minNew) minNew = pg;
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i];
        alpha[i] = Math.max(old - g / qd[i], 0);
        const d = (alpha[i] - old) * yi;
        for (let k = 0; k < idx.length; k++) w[idx[k]] += d * val[k];
        w[dim] += d;
      }
    }
    if (maxNew - minNew <= o.epsilon) {
      if (active === n) break;
      // Converged on the shrunk set: check everything once more.
      active = n;
      maxOld = Infinity;
      continue;
    }
    maxOld = maxNew <= 0 ? Infinity : maxNew;
  }
  return w;
}

/** One-vs-rest: a weight vector (bias last) per class. `cost` weighs examples (e.g. keywords lighter). */
export function trainOneVsRest(xs: SparseVector[], labels: Int32Array, classes: number, dim: number, cost: Float64Array, o: SvmOptions): Float64Array[] {
  const out: Float64Array[] = [];
  for (let k = 0; k < classes; k++) {
    const y = new Int8Array(labels.length);
    for (let i = 0; i < labels.length; i++) y[i] = labels[i] === k ? 1 : -1;
    if (!o.nb) {
      out.push(trainBinarySvm(xs, y, dim, cost, { ...o, seed: o.seed + k }));
      continue;
    }
    const r = logCountRatio(xs, y, dim, o.nb);
    const scaled = xs.map(({ idx, val }) => ({ idx, val: Float64Array.from(val, (v, j) => v * r[idx[j]]) }));
    const w = trainBinarySvm(scaled, y, dim, cost, { ...o, seed: o.seed + k });
    for (let f = 0; f < dim; f++) w[f] *= r[f];
    out.push(w);
  }
  return out;
}

/** |log((p / |p|₁) / (q / |q|₁))| per feature, p and q the smoothed feature sums of the positive and negative examples. */
function logCountRatio(xs: SparseVector[], y: Int8Array, dim: number, alpha: number): Float64Array {
  const p = new Float64Array(dim).fill(alpha);
  const q = new Float64Array(dim).fill(alpha);
  xs.forEach(({ idx, val }, i) => {
    const target = y[i] > 0 ? p : q;
    for (let j = 0; j < idx.length; j++) target[idx[j]] += Math.abs(val[j]);
  });
  let sp = 0;
  let sq = 0;
  for (let f = 0; f < dim; f++) {
    sp += p[f];
    sq += q[f];
  }
  const r = new Float64Array(dim);
  for (let f = 0; f < dim; f++) r[f] = Math.abs(Math.log(p[f] / sp / (q[f] / sq)));
  return r;
}
