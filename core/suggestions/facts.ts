/** Everything the policy and the state machine need to know about one suggestion, loaded together. */
import type { SuggestionState } from '../../contracts/enums';
import { AnswerModel, AssignmentModel, CosignerModel, ExtensionModel, RatingModel, RegionModel, SuggestionModel } from '../../models/definitions';

export interface SuggestionFacts {
  suggestion: SuggestionModel;
  state: SuggestionState;
  regionPath: string | null;
  /** Active assignments (returned ones are inactive). */
  assignments: AssignmentModel[];
  /** Every department that ever had it, for visibility. */
  everAssignedDepartmentIds: number[];
  cosignerIds: number[];
  pendingExtension: ExtensionModel | null;
  approvedExtensionMonths: number;
  draftAnswer: AnswerModel | null;
  ratedThisRound: number[];
}

/** Loads the facts of suggestion `id`, or null. With `lock`, the row is locked for update (MySQL). */
export async function loadFacts(id: number, lock = false): Promise<SuggestionFacts | null> {
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const suggestion = await SuggestionModel.findByPk(id, lock ? { lock: true } : {});
  if (!suggestion) return null;
  const [region, assignments, cosigners, extensions, draft, ratings] = await Promise.all([
    suggestion.regionId ? RegionModel.findByPk(suggestion.regionId) : null,
    AssignmentModel.findAll({ where: { suggestionId: id }, order: [['id', 'ASC']] }),
    CosignerModel.findAll({ where: { suggestionId: id } }),
    ExtensionModel.findAll({ where: { suggestionId: id }, order: [['id', 'ASC']] }),
    AnswerModel.findOne({ where: { suggestionId: id, round: suggestion.round, state: 'draft' } }),
    RatingModel.findAll({ where: { suggestionId: id, round: suggestion.round } }),
  ]);
  return {
    suggestion,
    state: suggestion.state as SuggestionState,
    regionPath: region?.path ?? null,
    assignments: assignments.filter((a) => a.active),
    everAssignedDepartmentIds: [...new Set(assignments.map((a) => a.departmentId))],
    cosignerIds: cosigners.map((c) => c.userId),
    pendingExtension: extensions.find((e) => e.state === 'pending') ?? null,
    approvedExtensionMonths: extensions.filter((e) => e.state === 'approved').reduce((s, e) => s + e.months, 0),
    draftAnswer: draft,
    ratedThisRound: ratings.map((r) => r.userId),
  };
}
