/** Everything the policy and the state machine need to know about one suggestion, loaded together. */
import type { SuggestionState } from '../../contracts/enums';
import { isCosigner } from './cosigners';
import { AnswerModel, AssignmentModel, ConsultationModel, CosignerModel, ExtensionModel, RatingModel, RegionModel, SuggestionModel } from '../../models/definitions';

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

/** Loads the facts of suggestion `id`, or null. With `lock`, the row is locked for update (MySQL). */
export async function loadFacts(id: number, lock = false): Promise<SuggestionFacts | null> {
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const suggestion = await SuggestionModel.findByPk(id, lock ? { lock: true } : {});
  if (!suggestion) return null;
  // One statement per table, each read once: the rules and the detail page share them.
  const byId = { where: { suggestionId: id }, order: [['id', 'ASC']] as [string, string][] };
  const [region, assignments, cosigners, extensions, answers, ratings, consultations] = await Promise.all([
    suggestion.regionId ? RegionModel.findByPk(suggestion.regionId) : null,
    AssignmentModel.findAll(byId),
    CosignerModel.findAll(byId),
    ExtensionModel.findAll(byId),
    AnswerModel.findAll(byId),
    RatingModel.findAll(byId),
    ConsultationModel.findAll(byId),
  ]);
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
