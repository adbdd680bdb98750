/**
 * The routing classifier used everywhere — the product's router, `npm run routing:train/eval` and the benchmark:
 * hashed word and character n-gram features (features.ts), a one-vs-rest linear SVM (linearSvm.ts), and a
 * softmax over the SVM scores whose temperature is fitted on out-of-fold scores, so that a score of 0.8 is
 * right about 80 % of the time and the product's confidence threshold means something.
 */
import { ColumnCounter, ColumnTable, DEFAULT_FEATURES, SUBLINEAR_TF, normalise, segmenter, extractBags, extractFeatures, fitVocabulary, vectorise, type Bag, type FeatureOptions, type SparseVector, type Vocabulary } from './features';
import { DEFAULT_SVM, seededRandom, trainOneVsRest, type SvmOptions } from './linearSvm';

/** One labelled message. `weight` scales its cost (1 by default); `negative` means "not this label" (a return). */
export interface LabelledText {
  title: string;
  body: string;
  label: string;
  weight?: number;
  negative?: boolean;
  /** Documents made from one source (a keyword alone and in frames) share a calibration fold. */
  group?: string;
}

export interface ClassifierOptions {
  features: FeatureOptions;
  svm: SvmOptions;
  /** Folds used to fit the calibration (0 = no calibration, temperature 1). */
  calibrationFolds: number;
  /** `balanced` weighs each example by n / (labels × examples of its label), so small departments count as much. */
  classWeight: 'none' | 'balanced';
  /** Cost multiplier for examples with a body (they look like what the product routes: title and text). */
  bodyWeight: number;
  /** Shift each label's bias so that out-of-fold macro-F1 is best (needs calibration folds). */
  tuneBias: boolean;
}

export const DEFAULT_CLASSIFIER: ClassifierOptions = { features: DEFAULT_FEATURES, svm: DEFAULT_SVM, calibrationFolds: 3, classWeight: 'none', bodyWeight: 1.5, tuneBias: true };

/** A ranked label with its calibrated probability and the words that decided it. */
export interface Ranked {
  label: string;
  score: number;
  why: string[];
}

/** Everything a trained classifier needs, as plain data (see `serialiseClassifier`). */
export interface ClassifierData {
  labels: string[];
  features: FeatureOptions;
  hashes: Int32Array;
  idf: Float64Array;
  terms: string[];
  /** Column-major: weights[col * labels.length + k]. */
  weights: Float32Array;
  bias: Float64Array;
  temperature: number;
  trainedOn: number;
}

function labelIndex(docs: LabelledText[], labels: string[]): Int32Array {
  const at = new Map(labels.map((l, i) => [l, i]));
  return Int32Array.from(docs.map((d) => at.get(d.label)!));
}

function fitLinear(bags: [Bag, Bag][], y: Int32Array, cost: Float64Array, classes: number, o: ClassifierOptions, negative?: Uint8Array): { vocab: Vocabulary; w: Float64Array[] } {
  const vocab = fitVocabulary(bags, o.features.minDf);
  const xs = bags.map((b) => vectorise(b, vocab, o.features.titleWeight));
  const w = trainOneVsRest(xs, y, classes, vocab.idf.length, cost, o.svm, negative);
  return { vocab, w };
}

function decision(x: SparseVector, w: Float64Array[], dim: number): number[] {
  return w.map((wk) => {
    let s = wk[dim];
    for (let j = 0; j < x.idx.length; j++) s += wk[x.idx[j]] * x.val[j];
    return s;
  });
}

function softmax(z: ArrayLike<number>, temperature: number): number[] {
  let max = -Infinity;
  for (let i = 0; i < z.length; i++) max = Math.max(max, z[i]);
  const e = Array.from(z, (v) => Math.exp((v - max) * temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** The temperature that minimises the log-loss of softmax(t · scores) on out-of-fold scores (golden-section search). */
function fitTemperature(scores: number[][], y: Int32Array): number {
  const loss = (t: number) => scores.reduce((s, z, i) => s - Math.log(Math.max(softmax(z, t)[y[i]], 1e-12)), 0);
  let a = 0.1;
  let b = 30;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 40; k++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (loss(c) < loss(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

/** Per-label offsets added to the scores that maximise macro-F1 of the argmax (coordinate search on a grid). */
function fitBiasOffsets(scores: number[][], y: Int32Array, classes: number): Float64Array {
  const offsets = new Float64Array(classes);
  const macroF1 = () => {
    const tp = new Float64Array(classes);
    const predicted = new Float64Array(classes);
    const actual = new Float64Array(classes);
    scores.forEach((z, i) => {
      let best = 0;
      for (let k = 1; k < classes; k++) if (z[k] + offsets[k] > z[best] + offsets[best]) best = k;
      predicted[best] += 1;
      actual[y[i]] += 1;
      if (best === y[i]) tp[best] += 1;
    });
    let f = 0;
    for (let k = 0; k < classes; k++) f += predicted[k] + actual[k] ? (2 * tp[k]) / (predicted[k] + actual[k]) : 0;
    return f / classes;
  };
  let best = macroF1();
  for (let round = 0; round < 3; round++) {
    for (let k = 0; k < classes; k++) {
      const start = offsets[k];
      let bestValue = start;
      for (let d = -0.3; d <= 0.3001; d += 0.02) {
        offsets[k] = start + d;
        const f = macroF1();
        if (f > best + 1e-9) {
          best = f;
          bestValue = offsets[k];
        }
      }
      offsets[k] = bestValue;
    }
  }
  return offsets;
}

/**
 * Deterministic stratified fold of each document: documents of one label are dealt round-robin, in file order
 * (seed 0) or in an order shuffled by `seed`, so that repeated cross-validation sees different splits.
 */
export function stratifiedFolds(labels: ArrayLike<number>, folds: number, seed = 0): Int32Array {
  const order = Array.from({ length: labels.length }, (_, i) => i);
  if (seed) {
    const random = seededRandom(seed);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
  }
  const seen = new Map<number, number>();
  const fold = new Int32Array(labels.length);
  for (const i of order) {
    const n = seen.get(labels[i]) ?? 0;
    seen.set(labels[i], n + 1);
    fold[i] = n % folds;
  }
  return fold;
}

/**
 * Calibration folds that keep each group together (a keyword's documents), so that out-of-fold scores are
 * scores of unseen material, not of a near copy; ungrouped documents are dealt as by `stratifiedFolds`.
 */
function groupedFolds(docs: LabelledText[], y: Int32Array, folds: number): Int32Array {
  if (!docs.some((d) => d.group)) return stratifiedFolds(y, folds);
  const keys = docs.map((d, i) => d.group ?? `\u0000${i}`);
  const first = new Map<string, number>();
  keys.forEach((k, i) => first.has(k) || first.set(k, i));
  const units = [...first.values()];
  const unitFold = stratifiedFolds(Int32Array.from(units, (i) => y[i]), folds);
  const foldOf = new Map(units.map((i, u) => [keys[i], unitFold[u]]));
  return Int32Array.from(keys, (k) => foldOf.get(k)!);
}

/** Trains a classifier on labelled messages. */
export function trainClassifier(docs: LabelledText[], options: Partial<ClassifierOptions> = {}): ClassifierData {
  const o: ClassifierOptions = { ...DEFAULT_CLASSIFIER, ...options };
  const labels = [...new Set(docs.filter((d) => !d.negative).map((d) => d.label))].sort();
  if (!labels.length) throw new Error('没有可用于训练的样本');
  // A negative example of a label nothing else teaches says nothing.
  const known = new Set(labels);
  docs = docs.filter((d) => known.has(d.label));
  const y = labelIndex(docs, labels);
  const negative = docs.some((d) => d.negative) ? Uint8Array.from(docs, (d) => (d.negative ? 1 : 0)) : undefined;
  const perLabel = new Float64Array(labels.length);
  docs.forEach((d, i) => !d.negative && (perLabel[y[i]] += 1));
  const positives = docs.length - (negative ? negative.reduce((n, v) => n + v, 0) : 0);
  const cost = Float64Array.from(docs, (d, i) => (d.weight ?? 1) * (d.body ? o.bodyWeight : 1) * (o.classWeight === 'balanced' ? positives / (labels.length * perLabel[y[i]]) : 1));
  const bags = docs.map((d) => extractBags(d.title, d.body, o.features, true));
  const { vocab, w } = fitLinear(bags, y, cost, labels.length, o, negative);
  let temperature = 1;
  if (o.calibrationFolds > 1 && labels.length > 1 && positives >= o.calibrationFolds * labels.length) {
    // Negative examples are trained on in every fold and never scored: calibration is about positives.
    const fold = groupedFolds(docs, y, o.calibrationFolds);
    const scored = docs.map((_, i) => i).filter((i) => !negative?.[i]);
    const outOfFold: number[][] = new Array(docs.length);
    for (let f = 0; f < o.calibrationFolds; f++) {
      const tr = docs.map((_, i) => i).filter((i) => fold[i] !== f || negative?.[i]);
      const te = scored.filter((i) => fold[i] === f);
      const m = fitLinear(
        tr.map((i) => bags[i]),
        Int32Array.from(tr, (i) => y[i]),
        Float64Array.from(tr, (i) => cost[i]),
        labels.length,
        o,
        negative ? Uint8Array.from(tr, (i) => negative[i]) : undefined,
      );
      for (const i of te) outOfFold[i] = decision(vectorise(bags[i], m.vocab, o.features.titleWeight), m.w, m.vocab.idf.length);
    }
    const scores = scored.map((i) => outOfFold[i]);
    const truth = Int32Array.from(scored, (i) => y[i]);
    if (o.tuneBias) {
      const offsets = fitBiasOffsets(scores, truth, labels.length);
      for (let k = 0; k < labels.length; k++) {
        w[k][vocab.idf.length] += offsets[k];
        for (const z of scores) z[k] += offsets[k];
      }
    }
    temperature = fitTemperature(scores, truth);
  }
  const dim = vocab.idf.length;
  const K = labels.length;
  const weights = new Float32Array(dim * K);
  for (let k = 0; k < K; k++) for (let c = 0; c < dim; c++) weights[c * K + k] = w[k][c];
  const hashes = new Int32Array(dim);
  for (const [h, c] of vocab.columns) hashes[c] = h;
  return {
    labels,
    features: o.features,
    hashes,
    idf: vocab.idf,
    terms: vocab.terms,
    weights,
    bias: Float64Array.from(w, (wk) => wk[dim]),
    temperature,
    trainedOn: docs.length,
  };
}

/** A trained classifier ready to rank labels for a message. */
export class Classifier {
  private readonly table: ColumnTable;
  private readonly counts: Uint16Array;
  private readonly blocks: [ColumnCounter, ColumnCounter];
  private readonly blockScores: Float64Array;
  /** Per column [idf, weight of label 0 … K−1]: one memory line per feature on the fast path. */
  private readonly rows: Float32Array;

  constructor(readonly data: ClassifierData) {
    const K = data.labels.length;
    this.rows = new Float32Array(data.hashes.length * (K + 1));
    for (let c = 0; c < data.hashes.length; c++) {
      this.rows[c * (K + 1)] = data.idf[c];
      for (let k = 0; k < K; k++) this.rows[c * (K + 1) + 1 + k] = data.weights[c * K + k];
    }
    this.table = new ColumnTable(data.hashes);
    this.counts = new Uint16Array(data.hashes.length);
    this.blocks = [new ColumnCounter(this.table, this.counts), new ColumnCounter(this.table, this.counts)];
    this.blockScores = new Float64Array(data.labels.length);
  }

  get labels(): string[] {
    return this.data.labels;
  }

  /** Counts the message's known features into the two block counters. */
  private count(title: string, body: string): [ColumnCounter, ColumnCounter] {
    const [titleBlock, textBlock] = this.blocks;
    titleBlock.size = 0;
    textBlock.size = 0;
    extractFeatures(title, body, this.data.features, titleBlock, textBlock);
    return this.blocks;
  }

  /** The message's feature vector (sublinear tf × idf, each block L2-normalised, the title block weighted). */
  private vector(title: string, body: string): SparseVector {
    const { features, idf } = this.data;
    const counts = this.counts;
    const blocks = this.count(title, body);
    const idx = new Int32Array(blocks[0].size + blocks[1].size);
    const val = new Float64Array(idx.length);
    let at = 0;
    for (let b = 0; b < 2; b++) {
      const { touched, size } = blocks[b];
      const start = at;
      let norm = 0;
      for (let t = 0; t < size; t++) {
        const c = touched[t];
        const x = SUBLINEAR_TF[counts[c]] * idf[c];
        counts[c] = 0;
        idx[at] = c;
        val[at++] = x;
        norm += x * x;
      }
      if (norm > 0) {
        const scale = (b === 0 ? features.titleWeight : 1) / Math.sqrt(norm);
        for (let i = start; i < at; i++) val[i] *= scale;
      }
    }
    return { idx, val };
  }

  /** The SVM scores straight from the counters, block by block (the fast path: no vector is built). */
  private directScores(title: string, body: string): Float64Array | null {
    const { features, bias } = this.data;
    const K = bias.length;
    const stride = K + 1;
    const rows = this.rows;
    const counts = this.counts;
    const blocks = this.count(title, body);
    const z = Float64Array.from(bias);
    const zb = this.blockScores;
    let any = false;
    for (let b = 0; b < 2; b++) {
      const { touched, size } = blocks[b];
      zb.fill(0);
      let norm = 0;
      for (let t = 0; t < size; t++) {
        const c = touched[t];
        const base = c * stride;
        const x = SUBLINEAR_TF[counts[c]] * rows[base];
        counts[c] = 0;
        norm += x * x;
        for (let k = 0; k < K; k++) zb[k] += rows[base + 1 + k] * x;
      }
      if (norm > 0) {
        any = true;
        const scale = (b === 0 ? features.titleWeight : 1) / Math.sqrt(norm);
        for (let k = 0; k < K; k++) z[k] += zb[k] * scale;
      }
    }
    return any ? z : null;
  }

  /** The SVM score of every label for a vector. */
  private scores(x: SparseVector): Float64Array {
    const { weights, bias } = this.data;
    const K = bias.length;
    const z = Float64Array.from(bias);
    const { idx, val } = x;
    for (let j = 0; j < idx.length; j++) {
      const base = idx[j] * K;
      const v = val[j];
      for (let k = 0; k < K; k++) z[k] += weights[base + k] * v;
    }
    return z;
  }

  /**
   * Every label, best first, with calibrated probabilities; the top `explain` labels get up to five deciding
   * words. `boost` adds evidence from outside the model (log-odds per label, e.g. a department's keywords found
   * in the text) to the calibrated scores before they are normalised.
   */
  rank(title: string, body = '', explain = 1, boost?: ReadonlyMap<string, number>): Ranked[] {
    const { labels, temperature } = this.data;
    const x = this.vector(title, body);
    let p: number[];
    if (!x.idx.length && !boost?.size) p = labels.map(() => 0);
    else {
      const z = this.scores(x);
      p = softmax(
        labels.map((l, k) => z[k] * temperature + (boost?.get(l) ?? 0)),
        1,
      );
    }
    const order = labels.map((_, k) => k).sort((a, b) => p[b] - p[a] || a - b);
    const words = explain > 0 ? wholeWords(title, body, this.data.features.maxBodyChars) : new Set<string>();
    return order.map((k, r) => ({ label: labels[k], score: p[k], why: r < explain ? this.why(x, k, words) : [] }));
  }

  /** The best label only (no explanation): the fast path for bulk classification. */
  top(title: string, body = ''): { label: string; score: number } {
    const { labels, temperature } = this.data;
    const z = this.directScores(title, body);
    if (!z) return { label: labels[0], score: 0 };
    let best = 0;
    for (let k = 1; k < z.length; k++) if (z[k] > z[best]) best = k;
    let sum = 0;
    for (let k = 0; k < z.length; k++) sum += Math.exp((z[k] - z[best]) * temperature);
    return { label: labels[best], score: 1 / sum };
  }

  /**
   * Up to five readable terms with the largest positive contribution to label k. A term must be one or two
   * whole words of the message as jieba cuts it, each of two or more characters (a character n-gram such as
   * "保报" or "上下" that cuts across words is evidence, but not something to show a person), and not a word
   * every kind of message uses; a term inside a chosen one is skipped.
   */
  private why(x: SparseVector, k: number, words: ReadonlySet<string>): string[] {
    const K = this.data.labels.length;
    const contributions: [string, number][] = [];
    for (let j = 0; j < x.idx.length; j++) {
      const c = this.data.weights[x.idx[j] * K + k] * x.val[j];
      const term = this.data.terms[x.idx[j]].trim();
      if (c > 0 && term.length >= 2) contributions.push([term, c]);
    }
    contributions.sort((a, b) => b[1] - a[1]);
    const chosen: string[] = [];
    for (const [term] of contributions.slice(0, 40)) {
      if (chosen.length >= 5) break;
      if (chosen.some((t) => t.includes(term))) continue;
      if (GENERIC.has(term) || !words.has(term) || !readable(term)) continue;
      const at = chosen.findIndex((t) => term.includes(t));
      const rest = chosen.filter((t) => !term.includes(t));
      rest.splice(at >= 0 ? at : rest.length, 0, term);
      chosen.splice(0, chosen.length, ...rest);
    }
    return chosen;
  }
}

// Words every kind of suggestion or letter uses: weights may lean on them, but they explain nothing to a person.
export const GENERIC = new Set(
  ('建议 关于 问题 希望 要求 反映 解决 加强 加快 推进 进行 开展 提高 提升 完善 落实 规范 相关 有关 情况 时间 没有 存在 需要 ' +
    '部门 政府 群众 市民 居民 我们 目前 现在 尽快 增加 加大 力度 改善 实施 进一步 咨询 投诉 举报 请求 恳请 强烈 再次 多次 ' +
    '一事 事宜 方面 处理 办理 回复 答复 领导 为民 做主 老百姓 百姓 相关 整治 严重 影响 一些 这个 那个 什么 怎么 为什么 ' +
    '能否 是否 可以 不能 已经 还是 继续 仍然 何时 什么时候 一直 至今 不到 得到 导致 造成 出现 发生 工作 管理 服务 情况反映 呼吁 恳求 盼望 期盼 ' +
    '建设 设置 方便 修复 生活 环境 协调 政策 标准 单位 公司 地方 周边 附近 本地 当地 全市 我市 县里 村里')
    .split(' '),
);

/** The message's whole words (jieba) and pairs of adjacent words: the only terms shown as deciding words. */
export function wholeWords(title: string, body: string, maxBodyChars: number): Set<string> {
  const out = new Set<string>();
  for (const part of [title, body.slice(0, maxBodyChars)]) {
    if (!part) continue;
    const words = segmenter().cut(normalise(part), false).filter((w) => w.trim() !== '');
    for (let i = 0; i < words.length; i++) {
      out.add(words[i]);
      if (i + 1 < words.length) out.add(words[i] + words[i + 1]);
    }
  }
  return out;
}

const readableCache = new Map<string, boolean>();
/** Whether jieba cuts the term into one or two words of at least two characters, not all generic. */
function readable(term: string): boolean {
  let r = readableCache.get(term);
  if (r === undefined) {
    const words = segmenter().cut(term, false);
    // At most two words of two or more characters, none of them generic ("投诉物业" shows as "物业").
    r = words.length <= 2 && words.every((w) => w.length >= 2) && !words.some((w) => GENERIC.has(w));
    if (readableCache.size > 50_000) readableCache.clear();
    readableCache.set(term, r);
  }
  return r;
}

const FORMAT = 'lvzhi-routing/1';

function b64<T extends ArrayBufferView>(a: T): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function fromB64(s: string): ArrayBuffer {
  const b = Buffer.from(s, 'base64');
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

/** The classifier as one JSON string (typed arrays as base64). */
export function serialiseClassifier(d: ClassifierData): string {
  return JSON.stringify({
    format: FORMAT,
    labels: d.labels,
    features: d.features,
    temperature: d.temperature,
    trainedOn: d.trainedOn,
    bias: Array.from(d.bias),
    hashes: b64(d.hashes),
    idf: b64(Float32Array.from(d.idf)),
    weights: b64(d.weights),
    terms: d.terms,
  });
}

/** Reads a classifier written by `serialiseClassifier`; throws a Chinese message on anything else. */
export function parseClassifier(text: string): ClassifierData {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error('模型文件不是合法的 JSON');
  }
  if (raw.format !== FORMAT) throw new Error(`模型格式不对：需要 ${FORMAT}`);
  return {
    labels: raw.labels as string[],
    features: { ...DEFAULT_FEATURES, ...(raw.features as FeatureOptions) },
    temperature: raw.temperature as number,
    trainedOn: raw.trainedOn as number,
    bias: Float64Array.from(raw.bias as number[]),
    hashes: new Int32Array(fromB64(raw.hashes as string)),
    idf: Float64Array.from(new Float32Array(fromB64(raw.idf as string))),
    weights: new Float32Array(fromB64(raw.weights as string)),
    terms: raw.terms as string[],
  };
}
