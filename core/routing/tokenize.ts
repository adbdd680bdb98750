/** Chinese word segmentation for routing: @node-rs/jieba with its bundled dictionary, plus the known keywords. */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | null = null;

function segmenter(): Jieba {
  if (!jieba) jieba = Jieba.withDict(dict);
  return jieba;
}

// Function words and the boilerplate of suggestion texts that say nothing about which department is meant.
const STOPWORDS = new Set(
  (
    '的 了 和 与 及 或 在 是 对 把 被 从 向 为 以 于 而 并 等 这 那 有 也 就 都 要 将 可 能 会 让 使 给 中 上 下 ' +
    '我们 你们 他们 我 你 他 她 它 其 之 一个 一些 没有 还是 但是 因为 所以 如果 进一步 加强 加快 推进 推动 建议 关于 ' +
    '问题 工作 相关 有关 情况 方面 部门 政府 市民 群众 希望 请求 反映 尽快 解决 进行 实施 开展 提高 提升 完善 落实 我市 全市 ' +
    '淄博 淄博市 目前 现在 存在 需要 应该 应当 可以 非常 比较 很多 一定 通过 根据 同时 以及 已经 由于 不能 不是'
  ).split(/\s+/),
);

const MEANINGFUL = /[\p{Script=Han}a-z0-9]/u;

/** Segments `text` into lower-cased content words (no punctuation, numbers or stopwords). */
export function segment(text: string): string[] {
  const words = segmenter().cut(text.toLowerCase(), false);
  const out: string[] = [];
  for (const raw of words) {
    const w = raw.trim();
    if (!w || !MEANINGFUL.test(w) || /^\d+$/.test(w) || STOPWORDS.has(w)) continue;
    if (w.length < 2 && !/\p{Script=Han}/u.test(w)) continue;
    out.push(w);
  }
  return out;
}

/**
 * The routing tokens of a text: its segmented words plus every known keyword it contains verbatim
 * (so that a multi-word duty keyword such as "住房公积金" counts even when jieba splits it).
 */
export function routingTokens(text: string, keywords: readonly string[] = []): string[] {
  const tokens = segment(text).filter((w) => w.length >= 2);
  const seen = new Set(tokens);
  const lower = text.toLowerCase();
  for (const k of keywords) {
    if (!seen.has(k) && lower.includes(k)) {
      tokens.push(k);
      seen.add(k);
    }
  }
  return tokens;
}
