/** Everything the policy and the state machine need to know about one suggestion, loaded together. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SuggestionState } from '../../contracts/enums';
import { isCosigner } from './cosigners';
import {
  AnswerModel,
  AssignmentModel,
  ConsultationModel,
  CosignerModel,
  ExtensionModel,
  PhotoModel,
  RatingModel,
  RegionModel,
  SuggestionEventModel,
  SuggestionModel,
} from '../../models/definitions';
import { loadRelated } from '../../models/related';

export interface SuggestionFacts {
  suggestion: SuggestionModel;
  state: SuggestionState;
  regionPath: string | null;
  /** Active assignments (returned ones are inactive). */
  assignments: AssignmentModel[];
  /** Every department that ever had it, for visibility. */
  everAssignedDepartmentIds: number[];
  /** Every assignment, returned ones included (the scoping rule's `historyUntil` reads it). */
  assignmentHistory: { departmentId: number; role: string; active: boolean; returnedAt: Date | null }[];
  /** Co-signers as `isCosigner` counts them (asked and not declined, or approved on request). */
  cosignerIds: number[];
  invitedIds: number[];
  /** Every co-signer row: invitations and join requests, with their status. */
  cosigners: CosignerModel[];
  pendingExtension: ExtensionModel | null;
  approvedExtensionMonths: number;
  draftAnswer: AnswerModel | null;
  ratedThisRound: number[];
  /** Departments that recorded a consultation (面商) or why none was possible. */
  consultedDepartmentIds: number[];
  /** The suggestion's region (for its path and the detail page). */
  region: RegionModel | null;
  /** Every row of the related tables, read once for the rules and the detail page alike. */
  allAssignments: AssignmentModel[];
  extensions: ExtensionModel[];
  answers: AnswerModel[];
  ratings: RatingModel[];
  consultations: ConsultationModel[];
}

/**
 * Facts read ahead for a batch (a sweep acting on many suggestions in one transaction): `loadFacts` hands out each
 * prefetched entry once, then reads afresh. Prefetched with `lock`, the rows stay locked (MySQL) for the batch's
 * transaction, so what a use case checks is what it changes — as if it had loaded and locked the row itself.
 */
const prefetched = new AsyncLocalStorage<{ lock: boolean; facts: Map<number, SuggestionFacts | null> }>();

/** Whether `id` can name a stored row (a positive 32-bit integer): anything else finds nothing. */
const storedId = (id: number) => Number.isInteger(id) && id > 0 && id <= 2_147_483_647;

/** Loads the facts of suggestion `id`, or null. With `lock`, the row is locked for update (MySQL). */
export async function loadFacts(id: number, lock = false): Promise<SuggestionFacts | null> {
  if (!storedId(id)) return null;
  const ahead = prefetched.getStore();
  if (ahead && (ahead.lock || !lock) && ahead.facts.has(id)) {
    const f = ahead.facts.get(id)!;
    ahead.facts.delete(id);
    return f;
  }
  return (await loadFactsMany([id], lock)).get(id) ?? null;
}

/** Runs `fn` with the facts of `ids` read ahead in one statement per table (and locked with `lock`), for `loadFacts`. */
export async function withFactsOf<T>(ids: number[], lock: boolean, fn: () => Promise<T>): Promise<T> {
  const facts = await loadFactsMany(ids, lock);
  const all = new Map<number, SuggestionFacts | null>(ids.map((id) => [id, facts.get(id) ?? null]));
  return prefetched.run({ lock, facts: all }, fn);
}

/** The facts of every suggestion of `ids` that exists: one statement per table, whatever the number of ids. */
export async function loadFactsMany(ids: number[], lock = false): Promise<Map<number, SuggestionFacts>> {
  const wanted = [...new Set(ids.filter(storedId))];
  const out = new Map<number, SuggestionFacts>();
  if (!wanted.length) return out;
  const one = wanted.length === 1;
  const suggestions = one
    ? ([await SuggestionModel.findByPk(wanted[0], lock ? { lock: true } : {})].filter(Boolean) as SuggestionModel[])
    : await SuggestionModel.findAll({ where: { id: wanted }, order: [['id', 'ASC']], ...(lock ? { lock: true } : {}) });
  if (!suggestions.length) return out;
  const found = suggestions.map((x) => x.id);
  // One statement per table, each read once: the rules and the detail page share them.
  const byId = { where: { suggestionId: one ? found[0] : found }, order: [['id', 'ASC']] as [string, string][] };
  const regionIds = [...new Set(suggestions.map((x) => x.regionId).filter((x): x is number => x !== null))];
  const [regions, assignments, cosigners, extensions, answers, ratings, consultations] = await Promise.all([
    regionIds.length === 0 ? [] : regionIds.length === 1 ? RegionModel.findByPk(regionIds[0]).then((r) => (r ? [r] : [])) : RegionModel.findAll({ where: { id: regionIds } }),
    AssignmentModel.findAll(byId),
    CosignerModel.findAll(byId),
    ExtensionModel.findAll(byId),
    AnswerModel.findAll(byId),
    RatingModel.findAll(byId),
    ConsultationModel.findAll(byId),
  ]);
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const group = <T extends { suggestionId: number }>(rows: T[]) => {
    const m = new Map<number, T[]>();
    for (const r of rows) m.set(r.suggestionId, [...(m.get(r.suggestionId) ?? []), r]);
    return m;
  };
  const [a, c, e, an, ra, co] = [group(assignments), group(cosigners), group(extensions), group(answers), group(ratings), group(consultations)];
  for (const suggestion of suggestions) {
    const id = suggestion.id;
    const region = suggestion.regionId !== null ? (regionById.get(suggestion.regionId) ?? null) : null;
    out.set(id, factsOf(suggestion, region, a.get(id) ?? [], c.get(id) ?? [], e.get(id) ?? [], an.get(id) ?? [], ra.get(id) ?? [], co.get(id) ?? []));
  }
  return out;
}

/** What a page reading one suggestion needs: its facts, its timeline and its photos (ids). */
export interface FactsToRead {
  facts: SuggestionFacts;
  events: SuggestionEventModel[];
  photos: PhotoModel[];
}

/**
 * The facts of suggestion `id` with its timeline and photos, for reading only (nothing locked): the suggestion, its
 * region, its six related tables, its timeline and photos in one statement (models/related.ts). Null when there is no
 * such suggestion.
 */
export async function loadFactsToRead(id: number): Promise<FactsToRead | null> {
  if (!storedId(id)) return null;
  const of = 'suggestionId = :id';
  const parts = await loadRelated(SuggestionModel.sequelize!, { id }, {
    suggestion: { model: SuggestionModel, where: 'id = :id' },
    region: { model: RegionModel, where: 'id = (SELECT regionId FROM suggestions WHERE id = :id)' },
    assignments: { model: AssignmentModel, where: of },
    cosigners: { model: CosignerModel, where: of },
    extensions: { model: ExtensionModel, where: of },
    answers: { model: AnswerModel, where: of },
    ratings: { model: RatingModel, where: of },
    consultations: { model: ConsultationModel, where: of },
    events: { model: SuggestionEventModel, where: of },
    photos: { model: PhotoModel, where: of, attributes: ['id'] },
  });
  const [suggestion] = parts.suggestion as SuggestionModel[];
  if (!suggestion) return null;
  const facts = factsOf(
    suggestion,
    (parts.region[0] as RegionModel | undefined) ?? null,
    parts.assignments as AssignmentModel[],
    parts.cosigners as CosignerModel[],
    parts.extensions as ExtensionModel[],
    parts.answers as AnswerModel[],
    parts.ratings as RatingModel[],
    parts.consultations as ConsultationModel[],
  );
  return { facts, events: parts.events as SuggestionEventModel[], photos: parts.photos as PhotoModel[] };
}

function factsOf(
  suggestion: SuggestionModel,
  region: RegionModel | null,
  assignments: AssignmentModel[],
  cosigners: CosignerModel[],
  extensions: ExtensionModel[],
  answers: AnswerModel[],
  ratings: RatingModel[],
  consultations: ConsultationModel[],
): SuggestionFacts {
  const draft = answers.find((a) => a.round === suggestion.round && a.state === 'draft') ?? null;
  return {
    suggestion,
    state: suggestion.state as SuggestionState,
    regionPath: region?.path ?? null,
    assignments: assignments.filter((a) => a.active),
    everAssignedDepartmentIds: [...new Set(assignments.map((a) => a.departmentId))],
    assignmentHistory: assignments.map((a) => ({ departmentId: a.departmentId, role: a.role, active: a.active, returnedAt: a.returnedAt })),
    cosignerIds: cosigners.filter(isCosigner).map((c) => c.userId),
    invitedIds: cosigners.filter((c) => c.kind === 'invited').map((c) => c.userId),
    cosigners,
    pendingExtension: extensions.find((e) => e.state === 'pending') ?? null,
    approvedExtensionMonths: extensions.filter((e) => e.state === 'approved').reduce((s, e) => s + e.months, 0),
    draftAnswer: draft,
    ratedThisRound: ratings.filter((r) => r.round === suggestion.round).map((r) => r.userId),
    consultedDepartmentIds: [...new Set(consultations.map((c) => c.departmentId))],
    region,
    allAssignments: assignments,
    extensions,
    answers,
    ratings,
    consultations,
  };
}
