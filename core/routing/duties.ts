/**
 * Which departments' duty texts name a letter's subject: who else in the city's split answers for it.
 *
 * Why: a department's keywords say what it is asked about first; its duty text (from its public 三定 duties) also
 * says what it shares. A city's street lights are lit by city management, built by housing and fed by the power
 * company; wages on a building site are labour's to recover and housing's to supervise; a utility's charges go to
 * its regulator and to market supervision as a consumer complaint. The keyword lists keep the first department
 * first; the duty texts name the others. So after the lead and the departments the letter's own words name
 * (lexicon.ts), the places go first to the departments whose duty text contains one of the letter's specific
 * words, before the neighbours that only share vocabulary in general (neighbours.ts).
 *
 * A letter's words are jieba's search segmentation of the title and the body's opening (拖欠工资 gives 拖欠, 工资 and
 * the whole; the body as far as the model reads it, DEFAULT_FEATURES.maxBodyChars) and
 * the department words the lexicon found; a word counts when it is specific (specificity ≥ MIN_SPECIFICITY: 路灯,
 * 工资, 信号; not 问题, 部门, 管理) and is not one of the words every letter uses (classifier.ts GENERIC). A duty text
 * mentions it when the word occurs in it anywhere (工资 in 农民工工资支付). The score of a department is the sum of
 * its mentioned words' specificity, each shared equally among the departments that mention it.
 * Nothing is listed by hand: the duty texts are the admin's data, and an edit counts at the router's next refresh.
 */
import { GENERIC } from './classifier';
import { DEFAULT_FEATURES, segmenter } from './features';
import { specificity } from './specificity';

/**
 * What a letter says without the duty's own word (general Chinese usage, not learnt from any data set): the kind
 * of complaint, read from everyday words, stands for the words duty texts use for it. An objection to building
 * something somewhere, or a facility put next to homes, is about where it is sited (选址, 规划: the planning
 * office's, whatever the facility); 吵得睡不着 is noise (噪声, 噪音); 乱要价 or 重复收费 is a price (价格, 收费); 私搭乱建
 * is illegal building (违法建设, 违章建筑); a street under water after rain is drainage (排水, 内涝).
 */
const IMPLIED: readonly (readonly [RegExp, readonly string[]])[] = [
  [/(?:反对|不同意|拒绝|抵制|叫停|停止|不要)[^，。！？,.!?]{0,14}(?:建|修|盖|选址)/u, ['选址', '规划']],
  [/(?:建|修|盖)(?:在|到)[^，。！？,.!?]{0,12}(?:旁|边|附近|周边|中间|上游|对面|门口|楼下)/u, ['选址', '规划']],
  [/吵|轰鸣|震耳|嗡嗡|睡不着觉?|噪/u, ['噪声', '噪音']],
  [/乱要价|多收钱|宰客|乱涨价|漫天要价|坐地起价|不打表|重复收费|收费不透明|多收费|乱收费|价格虚高|价格太高|太贵/u, ['价格', '收费']],
  [/私搭乱建|乱搭乱建|违建|违章建筑|违章搭建|违规搭建|私自搭建|擅自搭建|违法建设|加盖|乱搭建/u, ['违法建设', '违章建筑']],
  [/积水|内涝|被淹|淹水|排水不畅|水排不出/u, ['排水', '内涝']],
];

/** A word below this specificity (负责, 组织, 人员) says nothing of a duty; the level neighbours.ts also uses. */
const MIN_SPECIFICITY = 0.32;

const CHINESE = /^[\u4e00-\u9fff]{2,}$/u;

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export interface DutyDepartment {
  code: string;
  duties: string;
}

/** The departments' duty texts, searched for a letter's specific words. */
export class DutyIndex {
  private readonly texts: readonly (readonly [string, string])[];

  constructor(departments: readonly DutyDepartment[]) {
    this.texts = departments.filter((d) => d.duties.trim()).map((d) => [d.code, fold(d.duties)] as const);
  }

  /**
   * For each department whose duty text contains one of the letter's specific words (or a word the lexicon found
   * in it, `extra`), the sum of those words' specificity, each word's share split among the departments naming it.
   */
  mentions(title: string, body = '', extra: Iterable<string> = []): Map<string, number> {
    // The body's opening, as the model reads it (a letter says what it is about first; a long body stays cheap).
    const text = fold(`${title}。${body.slice(0, DEFAULT_FEATURES.maxBodyChars)}`);
    const words = new Set<string>();
    for (const w of segmenter().cutForSearch(text, false)) if (CHINESE.test(w)) words.add(w);
    for (const w of extra) if (CHINESE.test(w)) words.add(fold(w));
    for (const [pattern, implied] of IMPLIED) if (pattern.test(text)) for (const w of implied) words.add(w);
    const out = new Map<string, number>();
    for (const w of words) {
      if (GENERIC.has(w)) continue;
      const weight = specificity(w);
      if (weight < MIN_SPECIFICITY) continue;
      const owners = this.texts.filter(([, text]) => text.includes(w));
      for (const [code] of owners) out.set(code, (out.get(code) ?? 0) + weight / owners.length);
    }
    return out;
  }
}
