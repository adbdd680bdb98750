/**
 * Text → sparse feature vector for routing. Two blocks, each L2-normalised on its own so that a title-only
 * message and a long letter weigh the same: the title (weighted) and the whole text (title + body). Each block
 * holds jieba words, word bigrams and character n-grams. Features are 32-bit hashes, so extracting them makes
 * no strings; the vocabulary (hash → column, with idf and a readable term) is fitted on the training set.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** Feature choices; the defaults were chosen by cross-validation on training data (see `npm run routing:cv`). */
export interface FeatureOptions {
  /** Character n-gram lengths of the whole text, e.g. [1, 2]. */
  charNgrams: number[];
  /** Character n-gram lengths of the title block (titles are short, so longer n-grams are cheap there). */
  titleCharNgrams: number[];
  /** Segment with jieba and use words (and bigrams) of the title. */
  titleWords: boolean;
  /** Segment with jieba and use words (and bigrams) of the body too (slower). */
  bodyWords: boolean;
  /** Word bigrams next to unigrams. */
  wordBigrams: boolean;
  /** The title block's weight relative to the whole-text block. */
  titleWeight: number;
  /** Terms seen in fewer training documents are dropped. */
  minDf: number;
  /** Bodies are cut to this many characters (the opening says what a letter is about). */
  maxBodyChars: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  charNgrams: [1, 2],
  titleCharNgrams: [1, 2],
  titleWords: true,
  bodyWords: false,
  wordBigrams: true,
  titleWeight: 0.6,
  minDf: 2,
  maxBodyChars: 600,
};

let jieba: Jieba | null = null;
/** The shared jieba segmenter with its bundled dictionary. */
export function segmenter(): Jieba {
  if (!jieba) jieba = Jieba.withDict(dict);
  return jieba;
}

// Namespaces keep a title word apart from the same word in the body, and words apart from character n-grams.
const NS_TITLE_WORD = 0x1000193;
const NS_TITLE_CHAR = 0x2000193;
const NS_TEXT_WORD = 0x3000193;
const NS_TEXT_CHAR = 0x4000193;
const BIGRAM = 0x5bd1e995;

// FNV-1a over UTF-16 code units, then MurmurHash3's finaliser so that related inputs (namespaces, bigrams)
// do not collide. Hashes are signed 32-bit integers so that V8 keeps them as small integers (no boxing).
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function hashRange(text: string, from: number, to: number, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return fmix(h);
}

function hashString(s: string, seed: number): number {
  return hashRange(s, 0, s.length, seed);
}

function hashPair(a: number, b: number): number {
  return fmix(Math.imul(a ^ BIGRAM, 0x9e3779b1) + b);
}

/** Half-width, lower-case, digits folded to 0; everything that is not a letter, digit or Han becomes a space. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[0-9]+/g, '0')
    .replace(/[^\p{Script=Han}a-z0]+/gu, ' ');
}

// Words that appear in every kind of message and say nothing about the department.
const STOPWORDS = new Set(
  '的 了 和 与 及 或 在 是 对 把 被 从 向 为 以 于 而 并 等 这 那 有 也 就 都 要 将 可 能 会 让 使 给 中 上 下 我 你 他 她 它 其 之 吗 呢 啊'.split(' '),
);

/** Where extracted features go: a training bag that remembers terms, or the classifier's column counter. */
export interface FeatureSink {
  /** Whether `add` needs the readable term (training) or only the hash (prediction). */
  readonly wantsTerms: boolean;
  add(h: number, term: string): void;
}

/** A sparse term-frequency bag: hash → (count, readable term). */
export class Bag implements FeatureSink {
  readonly counts = new Map<number, number>();
  readonly terms = new Map<number, string>();
  constructor(readonly wantsTerms: boolean) {}

  add(h: number, term: string): void {
    const c = this.counts.get(h);
    if (c === undefined) {
      this.counts.set(h, 1);
      if (this.wantsTerms) this.terms.set(h, term);
    } else this.counts.set(h, c + 1);
  }
}

function addWords(sinks: FeatureSink[], text: string, namespaces: number[], bigrams: boolean): void {
  const words = segmenter().cut(text, false);
  for (let s = 0; s < sinks.length; s++) {
    const sink = sinks[s];
    const ns = namespaces[s];
    let prev = '';
    let prevHash = 0;
    for (const w of words) {
      if (w === ' ' || STOPWORDS.has(w)) {
        prev = '';
        continue;
      }
      const h = hashString(w, ns);
      sink.add(h, w);
      if (bigrams && prev) sink.add(hashPair(prevHash, h), sink.wantsTerms ? prev + w : '');
      prev = w;
      prevHash = h;
    }
  }
}

const SPACE = 32;

function addChars(sink: FeatureSink, text: string, ns: number, ngrams: number[]): void {
  // One pass: the FNV state of the n-gram starting at i is extended one character at a time, so the
  // 1-, 2- and 3-gram at i cost one multiplication each (n-grams of different lengths differ anyway).
  const longest = Math.max(0, ...ngrams);
  const want = [false, false, false, false, false, false, false, false];
  for (const n of ngrams) if (n < want.length) want[n] = true;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    let h = 0x811c9dc5 ^ ns;
    for (let n = 1; n <= longest && i + n <= length; n++) {
      const code = text.charCodeAt(i + n - 1);
      if (code === SPACE) break;
      h = Math.imul(h ^ code, 16777619);
      if (!want[n] || (n === 1 && code < 128)) continue; // single Latin letters and digits say nothing
      sink.add(fmix(h), sink.wantsTerms ? text.slice(i, i + n) : '');
    }
  }
}

/** Feeds a message's features into two sinks: its title block and its whole-text block. */
export function extractFeatures(title: string, body: string, o: FeatureOptions, titleSink: FeatureSink, textSink: FeatureSink): void {
  const t = normalise(title);
  const b = body ? normalise(body.slice(0, o.maxBodyChars)) : '';
  const whole = b ? `${t} ${b}` : t;
  if (o.bodyWords) {
    if (o.titleWords) addWords([titleSink], t, [NS_TITLE_WORD], o.wordBigrams);
    addWords([textSink], whole, [NS_TEXT_WORD], o.wordBigrams);
  } else if (o.titleWords) addWords([titleSink, textSink], t, [NS_TITLE_WORD, NS_TEXT_WORD], o.wordBigrams);
  addChars(titleSink, t, NS_TITLE_CHAR, o.titleCharNgrams);
  addChars(textSink, whole, NS_TEXT_CHAR, o.charNgrams);
}

/** The two term bags of a message (title block, whole-text block). */
export function extractBags(title: string, body: string, o: FeatureOptions, keepTerms = false): [Bag, Bag] {
  const bags: [Bag, Bag] = [new Bag(keepTerms), new Bag(keepTerms)];
  extractFeatures(title, body, o, bags[0], bags[1]);
  return bags;
}

/** A sparse vector: column indices (ascending not required) and values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
}

/** The fitted vocabulary: hash → column, each column's idf and readable term. */
export interface Vocabulary {
  columns: Map<number, number>;
  idf: Float64Array;
  terms: string[];
}

/** Fits the vocabulary on training bags: terms in at least `minDf` documents, smooth idf. */
export function fitVocabulary(docs: [Bag, Bag][], minDf: number): Vocabulary {
  const df = new Map<number, number>();
  const term = new Map<number, string>();
  for (const bags of docs) {
    for (const bag of bags) {
      for (const h of bag.counts.keys()) {
        df.set(h, (df.get(h) ?? 0) + 1);
        if (!term.has(h)) term.set(h, bag.terms.get(h) ?? '');
      }
    }
  }
  const columns = new Map<number, number>();
  const idf: number[] = [];
  const terms: string[] = [];
  const n = docs.length;
  for (const [h, d] of df) {
    if (d < minDf) continue;
    columns.set(h, idf.length);
    idf.push(Math.log((1 + n) / (1 + d)) + 1);
    terms.push(term.get(h) ?? '');
  }
  return { columns, idf: Float64Array.from(idf), terms };
}

/** Turns the two bags into one vector: sublinear tf × idf, each block L2-normalised, the title block weighted. */
export function vectorise(bags: [Bag, Bag], vocab: Vocabulary, titleWeight: number): SparseVector {
  const idx: number[] = [];
  const val: number[] = [];
  bags.forEach((bag, block) => {
    const start = idx.length;
    let norm = 0;
    for (const [h, c] of bag.counts) {
      const col = vocab.columns.get(h);
      if (col === undefined) continue;
      const x = (1 + Math.log(c)) * vocab.idf[col];
      idx.push(col);
      val.push(x);
      norm += x * x;
    }
    if (norm > 0) {
      const scale = (block === 0 ? titleWeight : 1) / Math.sqrt(norm);
      for (let i = start; i < val.length; i++) val[i] *= scale;
    }
  });
  return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
}

/** An open-addressing hash table from feature hash to column, built once per model for fast lookups. */
export class ColumnTable {
  // Slot i holds [hash, column + 1] at 2i and 2i+1 (column + 1 = 0 marks an empty slot): one cache line per probe.
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(hashes: Int32Array) {
    let size = 1;
    while (size < hashes.length * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    hashes.forEach((h, c) => {
      let i = Math.imul(h, 0x9e3779b1) & this.mask;
      while (this.slots[2 * i + 1] !== 0) i = (i + 1) & this.mask;
      this.slots[2 * i] = h;
      this.slots[2 * i + 1] = c + 1;
    });
  }

  /** The column of a hash, or −1 when the training data never had it. */
  get(h: number): number {
    const slots = this.slots;
    let i = Math.imul(h, 0x9e3779b1) & this.mask;
    for (;;) {
      const c = slots[2 * i + 1];
      if (c === 0) return -1;
      if (slots[2 * i] === h) return c - 1;
      i = (i + 1) & this.mask;
    }
  }
}

/** Counts known columns of one block straight from the extractor (the prediction path: no maps, no strings). */
export class ColumnCounter implements FeatureSink {
  readonly wantsTerms = false;
  touched = new Int32Array(256);
  size = 0;

  constructor(
    private readonly table: ColumnTable,
    private readonly counts: Uint16Array,
  ) {}

  add(h: number): void {
    const c = this.table.get(h);
    if (c < 0) return;
    if (this.counts[c] === 0) {
      if (this.size === this.touched.length) {
        const grown = new Int32Array(this.size * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.size++] = c;
    }
    if (this.counts[c] < 65535) this.counts[c] += 1;
  }
}

/** 1 + ln(tf) for small term counts, so the prediction path takes no logarithms. */
export const SUBLINEAR_TF = Float64Array.from({ length: 65536 }, (_, c) => (c ? 1 + Math.log(c) : 0));
