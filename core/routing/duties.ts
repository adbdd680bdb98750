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
 * A letter's words are jieba's search segmentation of the title and body (拖欠工资 gives 拖欠, 工资 and the whole) and
 * the department words the lexicon found; a word counts when it is specific (specificity ≥ MIN_SPECIFICITY: 路灯,
 * 工资, 信号; not 问题, 部门, 管理) and is not one of the words every letter uses (classifier.ts GENERIC). A duty text
 * mentions it when the word occurs in it anywhere (工资 in 农民工工资支付). The score of a department is the sum of
 * its mentioned words' specificity, each shared equally among the departments that mention it.
 * Nothing is listed by hand: the duty texts are the admin's data, and an edit counts at the router's next refresh.
 */
import { GENERIC } from './classifier';
import { segmenter } from './features';
import { specificity } from './specificity';

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
    const words = new Set<string>();
    for (const w of segmenter().cutForSearch(fold(`${title}。${body}`), false)) if (CHINESE.test(w)) words.add(w);
    for (const w of extra) if (CHINESE.test(w)) words.add(fold(w));
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
