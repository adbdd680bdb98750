/** Reads one suggestion with everything its detail page shows, if the caller may see it. */
import {
  AnswerModel,
  ConsultationModel,
  DepartmentModel,
  ExtensionModel,
  PhotoModel,
  RatingModel,
  RegionModel,
  StationModel,
  SuggestionEventModel,
  SuggestionModel,
  UserModel,
} from '../../models/definitions';
import { chinaDate } from '../calendar/workdays';
import { loadPageNames } from '../directory/pageNames';
import { photoUrl } from '../photos/photoLinks';
import type { Actor, CoreContext } from '../context';
import { notFound, ok, type Outcome } from '../result';
import { availableActions } from './availableActions';
import { loadFactsToRead, type SuggestionFacts } from './facts';
import { canSee, historyUntil } from '../directory/suggestionScope';
import { canEditDraft } from './updateDraft';
import type { SuggestionAction, SuggestionState } from '../../contracts/enums';
import { AssignmentModel } from '../../models/definitions';

export interface SuggestionView {
  facts: SuggestionFacts;
  today: string;
  actions: SuggestionAction[];
  users: Map<number, UserModel>;
  departments: Map<number, DepartmentModel>;
  region: RegionModel | null;
  station: StationModel | null;
  assignments: AssignmentModel[];
  events: SuggestionEventModel[];
  consultations: ConsultationModel[];
  extensions: ExtensionModel[];
  answers: AnswerModel[];
  ratings: RatingModel[];
  /** Whether the caller may edit it (the author's draft). */
  editable: boolean;
  /** Signed links to the photos handed in with it. */
  photos: { id: number; url: string }[];
}

/** Loads the view of suggestion `id` for `actor`. Staff see drafts of answers; others only published ones. */
export async function getSuggestion(ctx: CoreContext, actor: Actor, id: number): Promise<Outcome<SuggestionView>> {
  // The suggestion, its region, its related tables, timeline and photos in one statement.
  const read = await loadFactsToRead(id);
  if (!read || !canSee(actor, read.facts)) return notFound('没有找到这件建议');
  const { facts, events, photos } = read;
  const today = chinaDate(ctx.clock.now());
  const view = await fullView(ctx, actor, facts, today, events, photos);
  const until = historyUntil(actor, facts);
  return ok(until ? asReturned(actor, view, until) : view);
}

/**
 * The view of a department that returned the task: the suggestion as it stood at its return (state, handlers,
 * deadlines and routing of then), the timeline, consultations, extensions and ratings up to it, its own answers
 * only, and nothing it may do.
 */
function asReturned(actor: Actor, v: SuggestionView, until: Date): SuggestionView {
  const upTo = (at: Date | null) => at !== null && new Date(at).getTime() <= until.getTime();
  // The timeline is cut at the department's return event itself (ids keep the order where stored times share a second).
  const returned = [...v.events].reverse().find((e) => e.action === 'return' && upTo(e.createdAt));
  const events = v.events.filter((e) => (returned ? e.id <= returned.id : upTo(e.createdAt)));
  const s = v.facts.suggestion;
  // A lead's return sent the suggestion back to the office: no lead and no clocks (as returnSuggestion left it).
  const mine = v.facts.assignmentHistory.filter((a) => a.departmentId === actor.departmentId);
  const wasLead = mine[mine.length - 1]?.role === 'lead';
  const then = SuggestionModel.build(
    {
      ...s.get(),
      state: events[events.length - 1]?.toState ?? s.state,
      routing: null,
      updatedAt: until,
      answeredAt: upTo(s.answeredAt) ? s.answeredAt : null,
      closedAt: upTo(s.closedAt) ? s.closedAt : null,
      ...(wasLead ? { leadDepartmentId: null, assignedAt: null, assignedOn: null, returnDueOn: null, coOpinionDueOn: null, answerDueOn: null, redoDueOn: null } : {}),
    },
    { isNewRecord: false, raw: true },
  );
  return {
    ...v,
    facts: { ...v.facts, suggestion: then, state: then.state as SuggestionState },
    actions: [],
    assignments: [],
    events,
    consultations: v.consultations.filter((c) => upTo(c.createdAt)),
    extensions: v.extensions.filter((e) => upTo(e.createdAt)),
    answers: v.answers.filter((a) => a.departmentId === actor.departmentId),
    ratings: v.ratings.filter((r) => upTo(r.createdAt)),
  };
}

/** Everything the detail page shows, as the actor may read it now. */
async function fullView(ctx: CoreContext, actor: Actor, facts: SuggestionFacts, today: string, events: SuggestionEventModel[], photos: PhotoModel[]): Promise<SuggestionView> {
  const s = facts.suggestion;
  // The facts already hold the related tables, the caller the timeline and the photos.
  const { assignments, consultations, extensions, ratings } = facts;
  const answers = actor.role === 'staff' || actor.role === 'office' || actor.role === 'admin' ? facts.answers : facts.answers.filter((a) => a.state === 'published');
  const userIds = new Set<number>([
    s.authorUserId,
    ...[s.deputyUserId, s.citizenUserId, s.addressedDeputyUserId].filter((x): x is number => x !== null),
    ...facts.cosigners.map((c) => c.userId),
    ...ratings.map((r) => r.userId),
    ...consultations.map((c) => c.userId),
  ]);
  const deptIds = new Set<number>([...assignments.map((a) => a.departmentId), ...answers.map((a) => a.departmentId), ...consultations.map((c) => c.departmentId)]);
  if (s.leadDepartmentId) deptIds.add(s.leadDepartmentId);
  const region = facts.region;
  const [names, station] = await Promise.all([
    loadPageNames({ users: userIds, departments: deptIds }),
    s.addressedStationId ? StationModel.findByPk(s.addressedStationId) : null,
  ]);
  return {
    facts,
    today,
    actions: availableActions(actor, facts, today),
    users: names.users,
    departments: names.departments,
    region,
    station,
    assignments,
    events,
    consultations,
    extensions,
    answers,
    ratings,
    editable: canEditDraft(actor, facts),
    photos: photos.map((p) => ({ id: p.id, url: photoUrl(ctx.config, p.id, ctx.clock.now()) })),
  };
}
