/**
 * Where a letter places its subject. A citizen writes the place first and the problem after it:
 * 学校门口请设置减速带 (the school is where; the speed bump is what), 超市附近车辆乱停乱放, 接送学生的车辆乱停放,
 * 小区楼下烧烤店油烟扰民. A department's word that only says where (学校, 超市, 小区, 马路, 社区) is weak evidence
 * of who handles the letter; the lexicon counts it at a fraction of its weight (lexicon.ts).
 *
 * A setting is the run of nouns before a locative word (附近, 门口, 楼下, 一带, 所在, 路段, jieba's 方位词 and
 * 处所词 such as 下, 内, 旁) or before an attributive 的 that is followed by another noun (学生的车辆; not the
 * letter's own frame: in 关于拖欠工资的建议 the wages are the subject). The run
 * stops at a verb, a preposition, a conjunction or punctuation, and is at most four words long; after 在 (或 于,
 * 位于) every noun up to the locative that closes the phrase is the place. Part-of-speech
 * tags are jieba's own (its bundled dictionary), so this is a reading rule, not something learnt from our data.
 */
import { segmenter } from './features';

/** Locative words jieba does not tag as such (一带 is a noun to it, 所在 a distinguishing word). */
const LOCATIVES = new Set(['附近', '门口', '门前', '旁边', '边上', '周边', '周围', '对面', '一带', '所在', '沿线', '路段', '楼下', '楼上', '楼前', '院内', '境内', '辖区', '片区', '一侧', '两侧', '两旁', '出入口']);
/** What a letter calls itself (关于拖欠工资的建议): the noun before 的 is then the subject, not a qualifier. */
const FRAME_NOUNS = new Set(['建议', '问题', '情况', '意见', '请求', '投诉', '举报', '反映', '咨询', '诉求', '议案', '提案', '报告', '申请', '事', '事情', '事宜', '情况反映', '情况汇报', '疑问', '困难', '呼吁', '求助', '信']);
/** Prepositions that open a place phrase closed by a locative (在小区门口, 于学校内). */
const PLACE_PREPOSITIONS = new Set(['在', '于', '位于', '靠近', '临近']);
/** A compound that ends in a locative character (马路上, 小区内, 学校里) is a place with its locative. */
const LOCATIVE_TAIL = /[上里内旁边下前后中外]$/u;
/** Tags of words that can be part of a place's name: nouns of every kind, place and time words, numbers. */
const NOUNISH = /^(n|s|ns|nr|nt|nz|ng|j|l|b|m|q|t|eng|an|vn)/;

function isLocative(word: string, tag: string): boolean {
  if (LOCATIVES.has(word)) return true;
  if (tag === 'f' || tag === 's') return true;
  // 校门, 东门, 大门: a gate is where, not what.
  return word.length >= 2 && word.length <= 3 && word.endsWith('门') && word !== '部门' && word !== '专门';
}

/**
 * For each character of `text` (already folded as the lexicon folds it), whether it lies in a setting.
 * `isTerm(start, end)` says whether a department's word starts at `start` (jieba tags some place nouns as
 * verbs, 超市 among them; a department's word is taken as a noun).
 */
export function settingMask(text: string, isTerm: (start: number) => boolean = () => false): Uint8Array {
  const mask = new Uint8Array(text.length);
  const words: { word: string; tag: string; start: number }[] = [];
  let at = 0;
  for (const { word, tag } of segmenter().tag(text, false)) {
    words.push({ word, tag, start: at });
    at += word.length;
  }
  const nounish = (i: number) => NOUNISH.test(words[i].tag) || isTerm(words[i].start);
  const markRunBefore = (end: number) => {
    for (let i = end - 1, n = 0; i >= 0 && n < 4 && !isLocative(words[i].word, words[i].tag); i--, n++) {
      // The word right before the locative is a place whatever jieba calls it (超市 is a verb to it), unless it is
      // a function word (在, 的, 和) or a single character (走到|附近).
      const first = i === end - 1 && words[i].word.length >= 2 && !/^(p|c|u|x|r|d|w)/.test(words[i].tag);
      if (!first && !nounish(i)) break;
      mask.fill(1, words[i].start, words[i].start + words[i].word.length);
    }
  };
  const locativeAt = (j: number) => isLocative(words[j].word, words[j].tag) || (words[j].word.length >= 3 && LOCATIVE_TAIL.test(words[j].word) && /^n|^l/.test(words[j].tag));
  for (let i = 0; i < words.length; i++) {
    const { word, tag } = words[i];
    if (tag === 'p' && PLACE_PREPOSITIONS.has(word)) {
      // 在……马路上: everything between the preposition and its locative is the place.
      let j = i + 1;
      while (j < words.length && j <= i + 12 && !locativeAt(j) && nounish(j)) j++;
      if (j < words.length && j > i + 1 && locativeAt(j)) mask.fill(1, words[i + 1].start, words[j].start + words[j].word.length);
    }
    if (isLocative(word, tag) && i > 0) markRunBefore(i);
    else if (word.length >= 3 && LOCATIVE_TAIL.test(word) && /^n|^l/.test(tag)) {
      // 马路上: the place and its locative in one word; the place and the nouns before it are the setting.
      mask.fill(1, words[i].start, words[i].start + word.length);
      markRunBefore(i);
    } else if (word === '的' && i > 0 && i + 1 < words.length && nounish(i + 1) && !FRAME_NOUNS.has(words[i + 1].word)) markRunBefore(i);
  }
  return mask;
}
