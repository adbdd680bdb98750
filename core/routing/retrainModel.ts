/**
 * Training a new department routing model from the keywords and labelled examples now stored. The new version
 * becomes current unless it routes fewer of the same held-out examples right than the current model, by more
 * than one example in twenty (at least one). A city's held-out set is a few dozen examples over thirty
 * departments, and one added training example can move a borderline one (0.49 against 0.48) to its neighbour: a
 * version that learnt the office's corrections must not be refused on such a swing, while a version that is
 * really worse (trained after the keywords were wiped) loses many. A refused version is kept as `rejected` (the
 * office can still switch to it). Macro-F1 is reported beside the count.
 */
import { RetrainRequest } from '../../contracts/schemas';
import { formatZodError } from '../../contracts/validation';
import { RoutingModelVersion } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { invalid, ok, type Outcome } from '../result';
import { Classifier, serialiseClassifier } from './classifier';
import { DEPARTMENT_CLASSIFIER, classifierOf, currentVersion, departmentsChanged, heldOutScores, isHeldOut, loadDepartments, loadExamples, loadReturns, trainingDocuments, type HeldOutScores } from './departmentModel';
import { trainShared } from './trainingCache';
import { checkRoutingManager, presentVersion, type RoutingVersionView, type TrainingSummary, type VersionScores } from './versions';

export type TrainReason = 'initial' | 'retrain' | 'nightly' | 'import';

export interface RetrainResult {
  /** Nothing new to learn since the current version (only with `onlyIfNew`). */
  skipped: boolean;
  accepted: boolean;
  version: RoutingVersionView | null;
  message: string;
}

/** Trains, scores and stores a new version; makes it current when it is not worse. */
export async function retrainRoutingModel(
  ctx: CoreContext,
  actor: Actor | null,
  options: { reason: TrainReason; note?: string; onlyIfNew?: boolean; input?: unknown },
): Promise<Outcome<RetrainResult>> {
  const denied = checkRoutingManager(actor);
  if (denied) return denied;
  if (options.input !== undefined) {
    const parsed = RetrainRequest.safeParse(options.input ?? {});
    if (!parsed.success) return invalid(formatZodError(parsed.error));
    options = { ...options, note: parsed.data.note };
  }
  const departments = await loadDepartments();
  const examples = await loadExamples(departments);
  const returns = await loadReturns(departments);
  const current = await currentVersion();
  const lastExampleId = [...examples, ...returns].reduce((m, e) => Math.max(m, e.id), 0);
  if (options.onlyIfNew && current && lastExampleId <= current.lastExampleId && !departmentsChanged(current, departments)) {
    return ok({ skipped: true, accepted: false, version: presentVersion(current), message: `自第 ${current.id} 版以来没有新的分办样本，无需重新训练` });
  }
  const docs = trainingDocuments(departments, examples, returns);
  if (!docs.length) return invalid('没有可用于训练的部门关键词或分办样本');
  const started = performance.now();
  const data = trainShared(docs, DEPARTMENT_CLASSIFIER);
  const trainSeconds = (performance.now() - started) / 1000;
  const candidate = new Classifier(data);
  const scores: VersionScores = {
    heldOut: heldOutScores(candidate, examples),
    previous: current ? { id: current.id, ...heldOutScores(classifierOf(current), examples) } : null,
  };
  const prev = scores.previous?.macroF1 ?? null;
  // A current version that does not know the active departments is replaced whatever the scores say.
  const accepted = !current || prev === null || departmentsChanged(current, departments) || notWorse(scores.heldOut, scores.previous!);
  const count = (keys: string[]) => {
    const m: Record<string, number> = {};
    for (const k of keys) m[k] = (m[k] ?? 0) + 1;
    return m;
  };
  const trained = examples.filter((e) => !isHeldOut(e.id));
  const summary: TrainingSummary = {
    documents: docs.length,
    keywords: departments.reduce((n, d) => n + d.keywords.length, 0),
    duties: departments.filter((d) => d.duties).length,
    examples: trained.length,
    returns: returns.length,
    heldOut: examples.length - trained.length,
    bySource: count(trained.map((e) => e.source)),
    byDepartment: count(trained.map((e) => e.departmentCode)),
    trainSeconds: Math.round(trainSeconds * 100) / 100,
    features: data.hashes.length,
  };
  const now = ctx.clock.now();
  const row = await ctx.db.sequelize.transaction(async () => {
    if (accepted) await RoutingModelVersion.update({ status: 'retired' }, { where: { status: 'current' } });
    return RoutingModelVersion.create({
      status: accepted ? 'current' : 'rejected',
      reason: options.reason,
      note: options.note ?? null,
      createdBy: actor?.id ?? null,
      createdAt: now,
      activatedAt: accepted ? now : null,
      activatedBy: accepted ? (actor?.id ?? null) : null,
      lastExampleId,
      summary: JSON.stringify(summary),
      scores: JSON.stringify(scores),
      model: serialiseClassifier(data),
    });
  });
  if (accepted) ctx.router.use(row.id, candidate);
  const f1 = (x: number | null) => (x === null ? '无留出样本' : x.toFixed(3));
  const message = accepted
    ? `第 ${row.id} 版已启用：留出样本 ${scores.heldOut.n} 条，答对 ${right(scores.heldOut)} 条，宏平均 F1 ${f1(scores.heldOut.macroF1)}${scores.previous ? `（原第 ${scores.previous.id} 版答对 ${right(scores.previous)} 条，${f1(prev)}）` : ''}`
    : `第 ${row.id} 版未启用：留出样本 ${scores.heldOut.n} 条，答对 ${right(scores.heldOut)} 条，宏平均 F1 ${f1(scores.heldOut.macroF1)}，不如当前第 ${current!.id} 版（答对 ${right(scores.previous!)} 条，${f1(prev)}），仍用原模型`;
  return ok({ skipped: false, accepted, version: presentVersion(row), message });
}

/** Whether a candidate's held-out scores are not worse: at most one example in twenty (at least one) fewer right. */
function notWorse(candidate: HeldOutScores, current: HeldOutScores): boolean {
  return right(candidate) + Math.max(1, Math.floor(current.n / 20)) >= right(current);
}

/** How many held-out examples a version routes right. */
function right(x: HeldOutScores): number {
  return Math.round((x.accuracy ?? 0) * x.n);
}
