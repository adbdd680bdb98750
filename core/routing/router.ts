/**
 * The product's router: holds the current department routing model (the version stored as `current`) and
 * turns a prediction into a routing proposal with a lead department, co-handlers, a confidence and the
 * deciding words. Another process (the jobs runner's nightly retrain, an import, a rollback) may switch the
 * current version, so every few seconds the router checks which version is current.
 *
 * The model's scores are joined by the departments' own words found in the text (lexicon.ts), read from the
 * departments table at each refresh, so an edited keyword or alias counts at once, before any retraining.
 * A co-handler is proposed only for a second subject: a runner-up with deciding words of its own. When the
 * evidence names only one department, the places after it go to the departments whose duty texts name the
 * letter's subject (duties.ts), then to those that share its duties in the city's split (neighbours.ts), where
 * a misdirected letter most often belongs.
 */
import type { RoutingProposal } from '../../contracts/schemas';
import { RoutingModelVersion } from '../../models/definitions';
import type { Classifier } from './classifier';
import { classifierOf, currentVersion, loadDepartments } from './departmentModel';
import { BOOST, DepartmentLexicon, type LexiconMatch } from './lexicon';
import { departmentNeighbours, withNeighbours, type Neighbours } from './neighbours';
import { DutyIndex } from './duties';
import { specificity } from './specificity';

/**
 * A department with less than this share of the evidence is in the tail, where the order goes by named words
 * and neighbours rather than by the small numbers (the figures on both labelled sets were the same from 0.02
 * to 0.2 and with no such floor at all; the floor keeps a runner-up with a real share in its place).
 */
const TAIL = 0.05;

/** One ranked department with its calibrated score and the words that decided it. */
export interface RankedDepartment {
  code: string;
  name: string;
  score: number;
  why: string[];
}

export interface RouterOptions {
  threshold: number;
  coThreshold: number;
  /** How often (ms) to check whether another process switched the current version. */
  refreshMs?: number;
}

/** Holds the current model (bootCore trains the first version when the database has none). */
export class Router {
  private classifier: Classifier | null = null;
  private currentId: number | null = null;
  private checkedAt = -Infinity;
  private names = new Map<string, string>();
  private lexicon = new DepartmentLexicon([]);
  private neighbours: Neighbours = new Map();
  private neighboursOf = '';
  private duties = new DutyIndex([]);
  private loading: Promise<void> | null = null;
  version = 'untrained';

  constructor(private readonly options: RouterOptions) {}

  /** Starts using a version at once (the process that trained or switched it); department names are re-read. */
  use(id: number, classifier: Classifier): void {
    this.classifier = classifier;
    this.currentId = id;
    this.version = `v${id}`;
    this.checkedAt = -Infinity;
  }

  /** Loads the current version now. */
  async load(): Promise<void> {
    this.checkedAt = -Infinity;
    await this.ensureLoaded();
  }

  private async ensureLoaded(): Promise<void> {
    if (this.classifier && Date.now() - this.checkedAt < (this.options.refreshMs ?? 10_000)) return;
    if (!this.loading) this.loading = this.refresh().finally(() => (this.loading = null));
    await this.loading;
  }

  private async refresh(): Promise<void> {
    const departments = await loadDepartments();
    this.names = new Map(departments.map((d) => [d.code, d.name]));
    this.lexicon = new DepartmentLexicon(departments);
    const key = JSON.stringify(departments.map((d) => [d.code, d.duties, d.keywords]));
    if (key !== this.neighboursOf) {
      this.neighbours = departmentNeighbours(departments);
      this.duties = new DutyIndex(departments);
      this.neighboursOf = key;
    }
    const current = await currentVersion(['id']);
    if (current && current.id !== this.currentId) {
      const row = await RoutingModelVersion.findByPk(current.id);
      if (row) this.use(row.id, classifierOf(row));
    }
    this.checkedAt = Date.now();
  }

  /**
   * Ranks the departments for a title and body; the top `limit` with scores and deciding words. Departments in
   * `exclude` (those that returned this suggestion) are left out and the rest re-normalised (the chance of
   * each given that it is not one of them). Departments a `hint` names or describes (a return's reason: "建议由
   * 财政局主办") count as if the text named them; the model itself reads only the title and body.
   */
  async rank(title: string, body = '', limit = 3, exclude: readonly string[] = [], hint = ''): Promise<RankedDepartment[]> {
    return (await this.ranking(title, body, limit, exclude, hint)).ranked;
  }

  private async ranking(title: string, body: string, limit: number, exclude: readonly string[] = [], hint = ''): Promise<{ ranked: RankedDepartment[]; found: Map<string, LexiconMatch> }> {
    await this.ensureLoaded();
    const found = this.lexicon.match(title, body);
    if (!this.classifier) return { ranked: [], found };
    for (const [code, m] of hint ? this.lexicon.match(hint) : []) {
      const f = found.get(code) ?? { boost: 0, words: [], weights: [] };
      const fresh = m.words.map((w, i) => [w, m.weights[i]] as const).filter(([w]) => !f.words.includes(w));
      found.set(code, { boost: f.boost + fresh.reduce((n, [, x]) => n + x, 0), words: [...f.words, ...fresh.map(([w]) => w)], weights: [...f.weights, ...fresh.map(([, x]) => x)] });
    }
    const boost = new Map([...found].map(([code, m]) => [code, m.boost]));
    const all = this.classifier.rank(title, body, limit + exclude.length + 2, boost).filter((p) => this.names.has(p.label) && !exclude.includes(p.label));
    const total = all.reduce((s, p) => s + p.score, 0);
    // The lead is the evidence's first choice, and so is every department the evidence gives a real share
    // (TAIL). Below that, the numbers say little: the places go first to departments the letter's own words
    // name (lexicon.ts), then to those whose duty text names the letter's subject (duties.ts: who else answers
    // for it in the city's split), then to those that share the duties of the likely ones (neighbours.ts).
    // The scores shown stay the evidence's.
    const order = withNeighbours(new Map(all.map((p) => [p.label, p.score])), this.neighbours);
    const mentioned = this.duties.mentions(title, hint ? `${hint}。${body}` : body, [...found.values()].flatMap((m) => m.words));
    const tier = (p: { label: string; score: number }) =>
      p.score >= TAIL * total ? 3 : (found.get(p.label)?.words.length ?? 0) > 0 ? 2 : (mentioned.get(p.label) ?? 0) > 0 ? 1 : 0;
    // Among the departments whose duty text names the subject, the one naming more of it (and more specific
    // words) first: 停车场收费 names the price office's 停车收费 and the police's 停车.
    const mention = (code: string) => mentioned.get(code) ?? 0;
    const ranked = [
      ...all.slice(0, 1),
      ...all.slice(1).sort((a, b) => tier(b) - tier(a) || (tier(a) === 1 ? mention(b.label) - mention(a.label) : 0) || order.get(b.label)! - order.get(a.label)!),
    ];
    return {
      found,
      ranked: ranked.slice(0, limit).map((p) => ({
        code: p.label,
        name: this.names.get(p.label)!,
        score: Math.round((total > 0 ? p.score / total : 0) * 1000) / 1000,
        why: mergeWords(found.get(p.label)?.words ?? [], p.why),
      })),
    };
  }

  /**
   * A routing proposal: lead, co-handlers, confidence and whether a person must review. A co-handler is a
   * runner-up for a second subject: the title (what the letter is about, not its background) holds its own
   * words (name, alias or keywords) that the lead's deciding words do not cover, at least a two-character
   * keyword's weight (lexicon.ts); or the model gives it the co-handler threshold on words of its own.
   */
  async propose(title: string, body = '', options: { exclude?: readonly string[]; hint?: string } = {}): Promise<RoutingProposal> {
    const { ranked: departments } = await this.ranking(title, body, 3, options.exclude, options.hint);
    const inTitle = this.lexicon.match(title);
    const lead = departments[0] ?? null;
    const confidence = lead ? lead.score : 0;
    const leadWords = lead?.why ?? [];
    const own = (w: string) => !leadWords.some((l) => l.includes(w) || w.includes(l));
    const secondSubject = (code: string) => {
      const m = inTitle.get(code);
      return m ? m.words.reduce((n, w, i) => n + (own(w) ? m.weights[i] : 0), 0) >= (2 / 3) * BOOST : false;
    };
    const co = departments.slice(1).filter((d) => secondSubject(d.code) || (d.score >= this.options.coThreshold && d.why.some(own)));
    return {
      lead,
      co,
      departments,
      confidence,
      threshold: this.options.threshold,
      needsReview: !lead || confidence < this.options.threshold || lead.why.length === 0,
      modelVersion: this.version,
    };
  }
}

/**
 * Below this specificity a word the model leaned on explains nothing to a person (部分, 学生, 企业): it is shown
 * only when it is one of the department's own words (学校 for the education bureau).
 */
const MODEL_WORD_SPECIFICITY = 0.32;

/** The department's own words first, then the model's; a longer word replaces the words inside it; at most five. */
function mergeWords(own: string[], model: string[]): string[] {
  const out: string[] = [];
  for (const w of [...own, ...model.filter((m) => own.includes(m) || specificity(m) >= MODEL_WORD_SPECIFICITY)]) {
    if (out.some((o) => o.includes(w))) continue;
    const inside = out.findIndex((o) => w.includes(o));
    if (inside >= 0) out.splice(inside, 1, w);
    else out.push(w);
    for (let i = out.length - 1; i > inside && inside >= 0; i--) if (w.includes(out[i]) && out[i] !== w) out.splice(i, 1);
  }
  return out.slice(0, 5);
}
