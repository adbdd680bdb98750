/**
 * Which departments share each other's mail: a city's split of duties read from the departments' own texts.
 *
 * Why: when a letter's words name one department (路灯 → city management), the places after it were filled by
 * what was left of the model's probability, which is noise. But a city's real mail goes astray in known ways:
 * a county's housing bureau repairs street lights, the social-security bureau still answers medical-insurance
 * questions, planning answers where a refuse station is built. Departments whose duties overlap are the ones
 * that share, hand over or receive each other's letters, and the overlap is written in their own duty texts and
 * keyword lists: housing and city management both list 城市道路, 下水道, 人行天桥; medical insurance and
 * social security both list 参保, 缴费, 城乡居民.
 *
 * neighbour(a, b) = Σ over words w in both a's and b's vocabulary of specificity(w) × ln(N / departments using w),
 * a's row normalised to 1 over its NEIGHBOURS closest departments. A department's vocabulary is the whole words of
 * its duty text and keywords (jieba), two or more Chinese characters, not a word every letter uses
 * (classifier.ts GENERIC) and not a word too common to mean anything (specificity below MIN_SPECIFICITY).
 * Nothing is listed by hand: a city that edits a duty text changes its neighbours at the next refresh.
 *
 * The router uses it only to order the places after the lead (router.ts): a department's ranking score is its
 * own probability plus NEIGHBOUR_WEIGHT × Σ over the other departments l of p(l) × neighbour(l, d).
 */
import { GENERIC } from './classifier';
import { segmenter } from './features';
import { specificity } from './specificity';

/** How many closest departments of each department share its row (the rest get nothing). */
export const NEIGHBOURS = 3;

/** Share of a department's probability passed on to its neighbours when ordering the places after the lead. */
export const NEIGHBOUR_WEIGHT = 0.1;

/**
 * A shared word below this specificity (负责, 组织, 监管, 人员) says nothing about a shared duty: the level below
 * which the router does not show a model's word as a reason (router.ts).
 */
const MIN_SPECIFICITY = 0.32;

export interface NeighbourDepartment {
  code: string;
  duties: string;
  keywords: string[];
}

/** For each department, its closest departments with weights summing to 1 (none when it shares no words). */
export type Neighbours = Map<string, Map<string, number>>;

const CHINESE = /^[\u4e00-\u9fff]{2,}$/u;

/** The specific whole words of a department's duty text and keywords. */
function vocabulary(d: NeighbourDepartment): Set<string> {
  const words = new Set<string>();
  for (const w of segmenter().cut([d.duties, ...d.keywords].join('。'), false)) if (CHINESE.test(w)) words.add(w);
  for (const k of d.keywords) if (CHINESE.test(k)) words.add(k);
  for (const w of words) if (GENERIC.has(w) || specificity(w) < MIN_SPECIFICITY) words.delete(w);
  return words;
}

/** Each department's closest departments by the specific words their duty texts and keywords share. */
export function departmentNeighbours(departments: readonly NeighbourDepartment[], limit = NEIGHBOURS): Neighbours {
  const vocab = departments.map(vocabulary);
  const users = new Map<string, number>();
  for (const v of vocab) for (const w of v) users.set(w, (users.get(w) ?? 0) + 1);
  const n = departments.length;
  const weight = new Map<string, number>();
  for (const [w, k] of users) if (k > 1) weight.set(w, specificity(w) * Math.log(n / k));
  const out: Neighbours = new Map();
  departments.forEach((a, i) => {
    const shared: [string, number][] = [];
    departments.forEach((b, j) => {
      if (i === j || a.code === b.code) return;
      let s = 0;
      for (const w of vocab[i]) if (vocab[j].has(w)) s += weight.get(w) ?? 0;
      if (s > 0) shared.push([b.code, s]);
    });
    shared.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    const kept = shared.slice(0, limit);
    const total = kept.reduce((t, [, s]) => t + s, 0);
    out.set(a.code, new Map(kept.map(([c, s]) => [c, s / total])));
  });
  return out;
}

/**
 * Ranking scores for the places after the lead: each department's probability plus `weight` times what its
 * neighbours pass on (their probability × their row's weight for it). Probabilities are left as they are.
 */
export function withNeighbours(p: ReadonlyMap<string, number>, neighbours: Neighbours, weight = NEIGHBOUR_WEIGHT): Map<string, number> {
  const out = new Map(p);
  for (const [from, pl] of p) {
    for (const [to, share] of neighbours.get(from) ?? []) if (out.has(to)) out.set(to, out.get(to)! + weight * pl * share);
  }
  return out;
}
