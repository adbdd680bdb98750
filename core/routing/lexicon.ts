/**
 * The departments' own words as direct evidence: a department named in a message (住建局, 交警) or one of its
 * routing keywords (拖欠工资, 占道经营) found there as whole words counts for it, next to the trained model.
 *
 * Why: on a city's first day the model has seen only the duty texts and keyword lists, a few thousand short
 * documents; a keyword it has seen once competes with every character pair of the message. A literal match is
 * what a person at the office would go by, so it is added as log-odds:
 *
 *   boost(d) = BOOST × Σ over matches m of d:  strength(m) / (departments listing m)
 *   strength = 2 for a name, alias or a unit word built on one (住建部门, 交警大队: departmentNameForms), 1.5
 *              times that for the unit the letter is written to (向检察院控告, 请环保部门处理),
 *              else the word's specificity in everyday Chinese (below)
 *
 * Specificity: how rare a word is in general text, from jieba's own idf table (a large general corpus, not
 * our data): 项目, 学校, 合作 are everywhere and say little about who handles a letter; 油烟, 欠薪, 菜篮子 are rare
 * and say much. specificity = clamp((idf − 4.5) / 5, 0.25, 1); a phrase not in the table takes its most
 * specific listed part plus one (占道经营 → 占道). So a longer or rarer phrase outweighs a generic one.
 * A keyword's specific head word (减速 of 减速带) also counts alone, at half its strength, and a keyword written
 * another way (违规搭建 or 私自搭建 for 违章搭建, 逾期交房 for 延期交房: variants.ts) at 0.8 of it.
 *
 * A match must start and end on jieba word boundaries (线路 is not found in 东二线|路段) or be the head or tail
 * of one longer word (工资 in 工人工资), and a match inside a
 * longer match is dropped (农田 inside 基本农田), so the most specific phrase decides. A keyword that only says where
 * the subject is (学校 in 学校门口请设置减速带, 超市 in 超市附近车辆乱停乱放: setting.ts) counts at a third of its
 * strength, so the problem outweighs the place; a unit's name always counts in full. The matched words are
 * shown as deciding words: they are whole words from the department's own list, reasons a person accepts.
 */
import { departmentNameForms } from '../directory/departmentWords';
import { segmenter } from './features';
import { settingMask } from './setting';
import { isListedWord, specificity } from './specificity';
import { variantsOf } from './variants';

/** A keyword's head word counts alone only when at least this specific (减速 0.83 yes, 学校 0.25 no). */
const PART_SPECIFICITY = 0.7;

/** A keyword that only says where the subject is (学校 in 学校门口请设置减速带: setting.ts) counts at this fraction. */
export const SETTING_WEIGHT = 1 / 3;

/** A keyword written another way (违规搭建 for 违章搭建: variants.ts) counts at this fraction of the keyword. */
export const VARIANT_WEIGHT = 0.8;

/**
 * A unit the letter is written to (向检察院控告, 请环保部门处理, 建议交警大队, 由财政局主办) counts this much more than a
 * unit it only mentions: in 派出所不立案，向检察院控告 the police station is what the letter is about, the
 * procuratorate the one asked to act.
 */
export const ADDRESSEE_WEIGHT = 1.5;

/** Words right before a unit's name that make it the one addressed (the name must follow them at once). */
const ADDRESSING = /(?:向|请|找|由|求助|要求|希望|建议|恳请|呼吁)$/u;

/** Log-odds added per unit of match strength (a three-character keyword of one department: e³ ≈ 20× the odds). */
export const BOOST = 3;

export interface LexiconDepartment {
  code: string;
  name: string;
  aliases: string[];
  keywords: string[];
}

interface Entry {
  term: string;
  code: string;
  strength: number;
  /** A name, alias or unit word (住建局, 交警大队): naming a unit is never only a setting. */
  name: boolean;
}

export interface LexiconMatch {
  /** Log-odds to add to the department's score. */
  boost: number;
  /** The department's words found in the message, in reading order. */
  words: string[];
  /** Each word's part of the boost. */
  weights: number[];
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim();

/** Matches the departments' names, aliases and keywords in a message. */
export class DepartmentLexicon {
  private readonly byFirst = new Map<string, Entry[]>();

  constructor(departments: LexiconDepartment[]) {
    const owners = new Map<string, Set<string>>();
    const entries: Entry[] = [];
    for (const d of departments) {
      const names = new Set(departmentNameForms(d.name, d.aliases).map(fold));
      for (const t of names) entries.push({ term: t, code: d.code, strength: 2, name: true });
      for (const k of d.keywords.map(fold)) if (k.length >= 2 && !names.has(k)) entries.push({ term: k, code: d.code, strength: specificity(k), name: false });
    }
    // A keyword's specific head word stands for it at half strength (减速带 → 减速 finds 减速装置, 农田水利 →
    // 农田): people write the same subject in other compounds. A generic head (学校 in 学校食堂) does not; nor
    // does a tail (共享 of 数据共享 says nothing of data). A head word another department lists itself is left to
    // it (拖欠 of housing's 拖欠工程款 stays labour's, which lists 拖欠).
    const full = new Set(entries.map((e) => `${e.code}\u0000${e.term}`));
    const own = new Set(entries.map((e) => e.term));
    for (const e of [...entries]) {
      if (e.strength > 1) continue;
      let parts = segmenter().cut(e.term, false).filter((w) => w.trim());
      // One dictionary word of three or more characters (减速带): its leading two characters, if they are a word.
      if (parts.length < 2 && e.term.length >= 3) parts = [e.term.slice(0, 2)].filter(isListedWord);
      if (parts.length < 1 || parts[0] === e.term) continue;
      const part = parts[0];
      const weight = specificity(part);
      if (part.length < 2 || weight < PART_SPECIFICITY || own.has(part)) continue;
      full.add(`${e.code}\u0000${part}`);
      entries.push({ term: part, code: e.code, strength: weight / 2, name: false });
    }
    // The same phrase in other words (违章搭建 → 违规搭建, 私自搭建): a variant some department lists itself is left to it.
    const listed = new Set(entries.map((e) => e.term));
    for (const e of [...entries]) {
      if (e.name) continue;
      for (const v of variantsOf(e.term)) {
        if (listed.has(v) || full.has(`${e.code}\u0000${v}`)) continue;
        full.add(`${e.code}\u0000${v}`);
        entries.push({ term: v, code: e.code, strength: e.strength * VARIANT_WEIGHT, name: false });
      }
    }
    for (const e of entries) owners.set(e.term, (owners.get(e.term) ?? new Set()).add(e.code));
    const seen = new Set<string>();
    for (const e of entries) {
      const key = `${e.code}\u0000${e.term}`;
      if (seen.has(key)) continue;
      seen.add(key);
      e.strength /= owners.get(e.term)!.size;
      const list = this.byFirst.get(e.term[0]) ?? [];
      list.push(e);
      this.byFirst.set(e.term[0], list);
    }
  }

  /** Every department whose words occur in the title or body, with its boost and the words found. */
  match(title: string, body = ''): Map<string, LexiconMatch> {
    const out = new Map<string, LexiconMatch>();
    const seen = new Set<string>();
    for (const part of [title, body]) {
      const text = fold(part);
      if (!text) continue;
      // wordOf[i]: [start, end) of the jieba word holding character i.
      const wordOf: [number, number][] = [];
      let at = 0;
      for (const w of segmenter().cut(text, false)) {
        const span: [number, number] = [at, at + w.length];
        for (let k = 0; k < w.length; k++) wordOf.push(span);
        at += w.length;
      }
      const whole = (start: number, end: number) => {
        const [ws] = wordOf[start];
        const [, we] = wordOf[end - 1];
        // On word boundaries, or the head or tail of one longer word (工资 in 工人工资, 物业 in 物业费用).
        return (ws === start && we === end) || (wordOf[start] === wordOf[end - 1] && we - ws >= 3 && (ws === start || we === end));
      };
      const hits: { start: number; end: number; e: Entry }[] = [];
      for (let i = 0; i < text.length; i++) {
        for (const e of this.byFirst.get(text[i]) ?? []) {
          if (text.startsWith(e.term, i) && whole(i, i + e.term.length)) hits.push({ start: i, end: i + e.term.length, e });
        }
      }
      const starts = new Set(hits.map((h) => h.start));
      const setting = hits.length ? settingMask(text, (i) => starts.has(i)) : new Uint8Array(0);
      for (const h of hits) {
        if (hits.some((o) => o.end - o.start > h.end - h.start && o.start <= h.start && o.end >= h.end)) continue;
        const addressed = h.e.name && ADDRESSING.test(text.slice(Math.max(0, h.start - 2), h.start));
        const weight = BOOST * h.e.strength * (!h.e.name && setting[h.start] && setting[h.end - 1] ? SETTING_WEIGHT : addressed ? ADDRESSEE_WEIGHT : 1);
        const m = out.get(h.e.code) ?? { boost: 0, words: [], weights: [] };
        out.set(h.e.code, m);
        const key = `${h.e.code}\u0000${h.e.term}`;
        if (seen.has(key)) {
          // The same word again (a setting first, the subject later): it counts once, at its larger weight.
          const at = m.words.indexOf(h.e.term);
          if (at >= 0 && weight > m.weights[at]) {
            m.boost += weight - m.weights[at];
            m.weights[at] = weight;
          }
          continue;
        }
        seen.add(key);
        m.boost += weight;
        m.words.push(h.e.term);
        m.weights.push(weight);
      }
    }
    return out;
  }
}
