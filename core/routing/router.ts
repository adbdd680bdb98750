/**
 * The product's router: trains the linear model from the departments' duty keywords plus every labelled
 * example the office has produced (confirmations, corrections, imports), and turns a prediction into a
 * routing proposal with a lead department, co-handlers, a confidence and the deciding words.
 */
import type { RoutingProposal } from '../../contracts/schemas';
import { DepartmentModel, RoutingExampleModel } from '../../models/definitions';
import { LinearModel, trainLinearModel, type TrainingExample } from './model';
import { routingTokens, segment } from './tokenize';

export interface RouterOptions {
  threshold: number;
  coThreshold: number;
  /** A stale model is retrained at most this often (ms); new labelled examples wait until then. */
  retrainAfterMs?: number;
}

interface DepartmentInfo {
  code: string;
  name: string;
  keywords: string[];
}

/** Parses a department's stored keyword list. */
export function parseKeywords(raw: string | null | undefined): string[] {
  if (!raw) return [];
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string' && k.trim() !== '').map((k) => k.trim().toLowerCase()) : [];
  } catch {
    return [];
  }
}

/** Builds the training set: every keyword as a short document, the duties text, and the labelled examples. */
export function buildTrainingSet(
  departments: { code: string; duties: string; keywords: string[] }[],
  examples: { text: string; departmentCode: string }[],
  allKeywords: string[],
): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const d of departments) {
    for (const k of d.keywords) out.push({ tokens: [k, ...segment(k).filter((w) => w.length >= 2)], label: d.code });
    if (d.keywords.length) out.push({ tokens: d.keywords, label: d.code, weight: 2 });
    if (d.duties) out.push({ tokens: routingTokens(d.duties, allKeywords), label: d.code });
  }
  const known = new Set(departments.map((d) => d.code));
  for (const e of examples) {
    if (known.has(e.departmentCode)) out.push({ tokens: routingTokens(e.text, allKeywords), label: e.departmentCode, weight: 2 });
  }
  return out;
}

/** Holds the current model and retrains it when the labelled data changed. */
export class Router {
  private model: LinearModel | null = null;
  private departments = new Map<string, DepartmentInfo>();
  private keywords: string[] = [];
  private dirty = true;
  private training: Promise<void> | null = null;
  private trainedAt = 0;
  version = 'untrained';

  constructor(private readonly options: RouterOptions) {}

  /** Marks the model stale; the next classification retrains it from the database. */
  invalidate(): void {
    this.dirty = true;
  }

  /** Retrains from the departments and labelled examples now in the database. */
  async train(): Promise<void> {
    this.dirty = false;
    this.trainedAt = Date.now();
    const depts = await DepartmentModel.findAll({ where: { active: true }, order: [['id', 'ASC']] });
    const examples = await RoutingExampleModel.findAll({ where: { label: 'positive' }, attributes: ['text', 'departmentCode'] });
    const infos = depts.map((d) => ({ code: d.code, name: d.name, duties: d.duties, keywords: parseKeywords(d.keywords) }));
    this.departments = new Map(infos.map((d) => [d.code, d]));
    this.keywords = [...new Set(infos.flatMap((d) => d.keywords))].sort((a, b) => b.length - a.length);
    const set = buildTrainingSet(infos, examples, this.keywords);
    this.model = set.length ? new LinearModel(trainLinearModel(set)) : null;
    this.version = `kw${this.keywords.length}-ex${examples.length}-${new Date().toISOString()}`;
  }

  private async ensureTrained(): Promise<void> {
    const stale = this.dirty && Date.now() - this.trainedAt >= (this.options.retrainAfterMs ?? 0);
    if (this.model && !stale) return;
    if (!this.training) this.training = this.train().finally(() => (this.training = null));
    await this.training;
  }

  /** Ranks the departments for a title and body; the top `limit` with scores and deciding words. */
  async rank(title: string, body = '', limit = 3): Promise<{ code: string; name: string; score: number; why: string[] }[]> {
    await this.ensureTrained();
    if (!this.model) return [];
    // The title says what the suggestion is about; count its words twice.
    const tokens = [...routingTokens(title, this.keywords), ...routingTokens(`${title}\n${body}`, this.keywords)];
    return this.model
      .predict(tokens)
      .slice(0, limit)
      .map((p) => ({ code: p.label, name: this.departments.get(p.label)?.name ?? p.label, score: Math.round(p.score * 1000) / 1000, why: p.why }));
  }

  /** A routing proposal: lead, co-handlers above the co-handler threshold, confidence and whether a person must review. */
  async propose(title: string, body = ''): Promise<RoutingProposal> {
    const departments = await this.rank(title, body, 3);
    const lead = departments[0] ?? null;
    const confidence = lead ? lead.score : 0;
    const co = departments.slice(1).filter((d) => d.score >= this.options.coThreshold && d.why.length > 0);
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
