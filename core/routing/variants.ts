/**
 * The same complaint in other words. People write 违章搭建, 违规搭建, 违法搭建 and 私自搭建 for one thing, 噪音 or
 * 噪声, 延期交房 or 逾期交房 or 推迟交房; a department lists one or two of them. Each group below holds words that
 * are interchangeable inside a complaint phrase; a keyword that contains one of them on a word boundary also
 * stands for the phrase with each other member (违章搭建 → 违规搭建, 违法搭建, 私自搭建, 擅自搭建, 乱搭建), at a
 * lower strength than the word the department wrote (lexicon.ts). A variant another department lists itself
 * stays that department's.
 */
import { segmenter } from './features';

/** Interchangeable words of complaint phrases (general Chinese usage, not learnt from any data set). */
export const VARIANT_GROUPS: readonly (readonly string[])[] = [
  ['违章', '违规', '违法', '非法', '私自', '擅自'],
  ['噪音', '噪声'],
  ['延期', '逾期', '推迟', '拖延'],
  ['破损', '损坏', '破烂', '损毁'],
  ['不亮', '不亮了', '熄灭'],
  ['拖欠', '克扣', '欠发'],
  ['停车', '停放'],
  ['乱收费', '违规收费', '多收费', '乱收'],
  ['摆摊', '摆摊设点', '设摊'],
  ['扰民', '影响休息'],
  ['污染', '污染严重'],
  ['漏水', '渗水', '渗漏'],
];

const groupOf = new Map<string, readonly string[]>();
for (const g of VARIANT_GROUPS) for (const w of g) groupOf.set(w, g);

/**
 * The other ways to write `term`: each jieba word of it that belongs to a group replaced by each other member
 * of that group (one replacement at a time). The term itself is not included.
 */
export function variantsOf(term: string): string[] {
  const words = segmenter().cut(term, false);
  const out = new Set<string>();
  words.forEach((w, i) => {
    const group = groupOf.get(w);
    if (!group) return;
    for (const other of group) {
      if (other === w) continue;
      out.add([...words.slice(0, i), other, ...words.slice(i + 1)].join(''));
    }
  });
  out.delete(term);
  return [...out].filter((v) => v.length >= 2);
}
