/**
 * How specific a word is in everyday Chinese, from jieba's own idf table (computed by jieba on a large general
 * corpus, not on our data). 项目, 学校, 合作 are everywhere and say little about who handles a letter; 油烟, 欠薪,
 * 菜篮子 are rare and say much. The department lexicon weighs a keyword by it. (Tried as a prior on the model's
 * features too: no better on either labelled set, so the model keeps its own idf.)
 */
import { idf as idfTable } from '@node-rs/jieba/dict';

const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();

const clampSpecificity = (idf: number) => Math.min(1, Math.max(0.25, (idf - 4.5) / 5));

let idfs: { table: Map<string, number>; median: number } | null = null;
/** jieba's idf table (read once); words it does not list get its median, as jieba's own keyword extraction does. */
function idfTableOnce(): { table: Map<string, number>; median: number } {
  if (!idfs) {
    const table = new Map<string, number>();
    for (const line of new TextDecoder().decode(idfTable).split('\n')) {
      const at = line.lastIndexOf(' ');
      if (at > 0) table.set(line.slice(0, at), Number(line.slice(at + 1)));
    }
    const sorted = [...table.values()].sort((a, b) => a - b);
    idfs = { table, median: sorted[sorted.length >> 1] ?? 10 };
  }
  return idfs;
}

/** How specific a word is in general Chinese (0.25 for 项目 or 学校 … 1 for 油烟 or 欠薪); see the file comment. */
export function specificity(term: string): number {
  const t = fold(term);
  const { table, median } = idfTableOnce();
  let idf = table.get(t);
  if (idf === undefined) {
    // A phrase the table does not list: its most specific part of two or more characters (占道 in 占道经营),
    // plus one for the rest (a combination is rarer than its parts). Nothing listed: the median.
    let best = -1;
    for (let i = 0; i < t.length; i++) for (let j = i + 2; j <= t.length; j++) best = Math.max(best, table.get(t.slice(i, j)) ?? -1);
    idf = best < 0 ? median : best + 1;
  }
  return clampSpecificity(idf);
}


/** Whether jieba's table lists the term as a word (减速 yes, 速带 no). */
export function isListedWord(term: string): boolean {
  return idfTableOnce().table.has(fold(term));
}
