/**
 * How specific a word is in everyday Chinese, from jieba's own idf table (computed by jieba on a large general
 * corpus, not on our data). 项目, 学校, 合作 are everywhere and say little about who handles a letter; 油烟, 欠薪,
 * 菜篮子 are rare and say much. The department lexicon weighs a keyword by it. (Tried as a prior on the model's
 * features too: no better on either labelled set, so the model keeps its own idf.)
 */
import { idf as idfTable } from '@node-rs/jieba/dict';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();

const clampSpecificity = (idf: number) => Math.min(1, Math.max(0.25, (idf - 4.5) / 5));

/**
 * jieba's idf table as a hash index over the bundled file's bytes: a slot per word holds where its line starts,
 * where the word ends and where the line ends; the number is read when a word is looked up. Building it is one
 * pass over the bytes (tens of milliseconds), not 270,000 strings in a Map (about a second of every start-up).
 */
interface IdfIndex {
  bytes: Buffer;
  mask: number;
  hashes: Int32Array;
  /** Line start + 1 (0: empty slot). */
  starts: Int32Array;
  wordEnds: Int32Array;
  lineEnds: Int32Array;
  median: number | null;
}

/** FNV-1a over bytes [from, to). */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], 16777619);
  return h | 0;
}

function sameBytes(bytes: Uint8Array, from: number, to: number, key: Uint8Array): boolean {
  if (to - from !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (bytes[from + i] !== key[i]) return false;
  return true;
}

let index: IdfIndex | null = null;
/** jieba's idf table (indexed once); a word listed twice keeps its last line. */
function idfIndex(): IdfIndex {
  if (index) return index;
  const bytes = Buffer.from(idfTable.buffer, idfTable.byteOffset, idfTable.byteLength);
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lines++;
  let size = 1024;
  while (size < lines * 2) size *= 2;
  const mask = size - 1;
  const hashes = new Int32Array(size);
  const starts = new Int32Array(size);
  const wordEnds = new Int32Array(size);
  const lineEnds = new Int32Array(size);
  // A byte-order mark is not part of the first word.
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 10) continue;
    let space = i - 1;
    while (space > start && bytes[space] !== 32) space--;
    if (space > start) {
      const h = hashBytes(bytes, start, space);
      let slot = h & mask;
      while (starts[slot] && !(hashes[slot] === h && sameBytes(bytes, starts[slot] - 1, wordEnds[slot], bytes.subarray(start, space)))) slot = (slot + 1) & mask;
      hashes[slot] = h;
      starts[slot] = start + 1;
      wordEnds[slot] = space;
      lineEnds[slot] = i;
    }
    start = i + 1;
  }
  index = { bytes, mask, hashes, starts, wordEnds, lineEnds, median: null };
  return index;
}

/** The idf of a word as jieba lists it (a folded term), or undefined. */
function listedIdf(t: string): number | undefined {
  const ix = idfIndex();
  const key = Buffer.from(t, 'utf8');
  const h = hashBytes(key, 0, key.length);
  for (let slot = h & ix.mask; ix.starts[slot]; slot = (slot + 1) & ix.mask) {
    if (ix.hashes[slot] === h && sameBytes(ix.bytes, ix.starts[slot] - 1, ix.wordEnds[slot], key)) return Number(ix.bytes.toString('latin1', ix.wordEnds[slot] + 1, ix.lineEnds[slot]));
  }
  return undefined;
}

/** The median idf of the table (what jieba's keyword extraction gives a word it does not list). */
function medianIdf(): number {
  const ix = idfIndex();
  if (ix.median === null) {
    const values: number[] = [];
    for (let slot = 0; slot <= ix.mask; slot++) if (ix.starts[slot]) values.push(Number(ix.bytes.toString('latin1', ix.wordEnds[slot] + 1, ix.lineEnds[slot])));
    const sorted = Float64Array.from(values).sort();
    ix.median = sorted.length ? sorted[sorted.length >> 1] : 10;
  }
  return ix.median;
}

/** How specific a word is in general Chinese (0.25 for 项目 or 学校 … 1 for 油烟 or 欠薪); see the file comment. */
export function specificity(term: string): number {
  const t = fold(term);
  let idf = listedIdf(t);
  if (idf === undefined) {
    // A phrase the table does not list: its most specific part of two or more characters (占道 in 占道经营),
    // plus one for the rest (a combination is rarer than its parts). Nothing listed: the median.
    let best = -1;
    for (let i = 0; i < t.length; i++) for (let j = i + 2; j <= t.length; j++) best = Math.max(best, listedIdf(t.slice(i, j)) ?? -1);
    idf = best < 0 ? medianIdf() : best + 1;
  }
  return clampSpecificity(idf);
}


/** Whether jieba's table lists the term as a word (减速 yes, 速带 no). */
export function isListedWord(term: string): boolean {
  return listedIdf(fold(term)) !== undefined;
}
