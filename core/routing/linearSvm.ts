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
  /** `l2`: squared hinge loss (liblinear -s 1); `l1`: hinge loss (liblinear -s 3). */
  loss: 'l1' | 'l2';
}

export const DEFAULT_SVM: SvmOptions = { C: 1, epsilon: 0.1, maxIterations: 1000, seed: 1, loss: 'l2' };

/** A seeded xorshift generator of numbers in [0, 1): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
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
  const upper = new Float64Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    diag[i] = o.loss === 'l2' ? 0.5 / (o.C * cost[i]) : 0;
    upper[i] = o.loss === 'l2' ? Infinity : o.C * cost[i];
    let q = 1; // the bias feature
    const v = xs[i].val;
    for (let j = 0; j < v.length; j++) q += v[j] * v[j];
    qd[i] = q + diag[i];
    order[i] = i;
  }
  const random = seededRandom(o.seed);
  let active = n;
  let maxOld = Infinity;
  let minOld = -Infinity;
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
      } else if (alpha[i] === upper[i]) {
        if (g < minOld) {
          active -= 1;
          order[s] = order[active];
          order[active] = i;
          s -= 1;
          continue;
        }
        if (g > 0) pg = g;
      } else pg = g;
      if (pg > maxNew) maxNew = pg;
      if (pg < minNew) minNew = pg;
      if (Math.abs(pg) > 1e-12) {
        const old = alpha[i];
        alpha[i] = Math.min(Math.max(old - g / qd[i], 0), upper[i]);
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
      minOld = -Infinity;
      continue;
    }
    maxOld = maxNew <= 0 ? Infinity : maxNew;
    minOld = minNew >= 0 ? -Infinity : minNew;
  }
  return w;
}

/**
 * One-vs-rest: a weight vector (bias last) per class. `cost` weighs examples (e.g. keywords lighter).
 * `negative[i]` marks an example that says only "not this class" (a department's return): it is a negative
 * example for its own class and is left out of every other class's problem.
 */
export function trainOneVsRest(xs: SparseVector[], labels: Int32Array, classes: number, dim: number, cost: Float64Array, o: SvmOptions, negative?: Uint8Array): Float64Array[] {
  const out: Float64Array[] = [];
  for (let k = 0; k < classes; k++) {
    if (!negative) {
      const y = new Int8Array(labels.length);
      for (let i = 0; i < labels.length; i++) y[i] = labels[i] === k ? 1 : -1;
      out.push(trainBinarySvm(xs, y, dim, cost, { ...o, seed: o.seed + k }));
      continue;
    }
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i++) if (!negative[i] || labels[i] === k) rows.push(i);
    const y = Int8Array.from(rows, (i) => (labels[i] === k && !negative[i] ? 1 : -1));
    out.push(trainBinarySvm(rows.map((i) => xs[i]), y, dim, Float64Array.from(rows, (i) => cost[i]), { ...o, seed: o.seed + k }));
  }
  return out;
}
