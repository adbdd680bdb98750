/**
 * The product's router: holds the current department routing model (the version stored as `current`) and
 * turns a prediction into a routing proposal with a lead department, co-handlers, a confidence and the
 * deciding words. Another process (the jobs runner's nightly retrain, an import, a rollback) may switch the
 * current version, so every few seconds the router checks which version is current.
 */
import type { RoutingProposal } from '../../contracts/schemas';
import { RoutingModelVersion } from '../../models/definitions';
import type { Classifier } from './classifier';
import { classifierOf, currentVersion, loadDepartments } from './departmentModel';

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
    const current = await currentVersion(['id']);
    if (current && current.id !== this.currentId) {
      const row = await RoutingModelVersion.findByPk(current.id);
      if (row) this.use(row.id, classifierOf(row));
    }
    this.checkedAt = Date.now();
  }

  /** Ranks the departments for a title and body; the top `limit` with scores and deciding words. */
  async rank(title: string, body = '', limit = 3): Promise<{ code: string; name: string; score: number; why: string[] }[]> {
    await this.ensureLoaded();
    if (!this.classifier) return [];
    return this.classifier
      .rank(title, body, limit)
      .slice(0, limit)
      .filter((p) => this.names.has(p.label))
      .map((p) => ({ code: p.label, name: this.names.get(p.label)!, score: Math.round(p.score * 1000) / 1000, why: p.why }));
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
