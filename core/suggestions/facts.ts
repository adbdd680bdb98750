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
}

/** Loads the facts of suggestion `id`, or null. With `lock`, the row is locked for update (MySQL). */
export async function loadFacts(id: number, lock = false): Promise<SuggestionFacts | null> {
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const suggestion = await SuggestionModel.findByPk(id, lock ? { lock: true } : {});
  if (!suggestion) return null;
  const [region, assignments, cosigners, extensions, draft, ratings, consultations] = await Promise.all([
    suggestion.regionId ? RegionModel.findByPk(suggestion.regionId) : null,
    AssignmentModel.findAll({ where: { suggestionId: id }, order: [['id', 'ASC']] }),
    CosignerModel.findAll({ where: { suggestionId: id }, order: [['id', 'ASC']] }),
    ExtensionModel.findAll({ where: { suggestionId: id }, order: [['id', 'ASC']] }),
    AnswerModel.findOne({ where: { suggestionId: id, round: suggestion.round, state: 'draft' } }),
    RatingModel.findAll({ where: { suggestionId: id, round: suggestion.round } }),
    ConsultationModel.findAll({ where: { suggestionId: id }, attributes: ['departmentId'] }),
  ]);
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
    ratedThisRound: ratings.map((r) => r.userId),
    consultedDepartmentIds: [...new Set(consultations.map((c) => c.departmentId))],
  };
}
