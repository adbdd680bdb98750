/** Suggestion DTOs: every field listed explicitly, with Chinese labels next to the codes. */
import { iso } from './format';
import {
  ANSWER_CLASS_LABELS,
  COSIGN_KIND_LABELS,
  COSIGN_STATUS_LABELS,
  type CosignKind,
  type CosignStatus,
  RATING_LABELS,
  STATE_LABELS,
  type Viewer,
  type AnswerClass,
  type ConsultMethod,
  type ExtensionState,
  type Rating,
  type SuggestionSource,
  type SuggestionState,
  type AssignmentRole,
} from '../../contracts';
import type { Role } from '../../contracts/enums';
import type { RoutingProposal, SuggestionDetail, SuggestionSummary } from '../../contracts/schemas';
import { describeDeadlines } from '../../core/suggestions/deadlines';
import { presentActions, presentNextStep, presentProgress, presentRouting, presentSummary, presentTimeline, readsPlain, viewerOf, type PlainFacts } from './audience';
import type { SuggestionListView, SuggestionView } from '../../core/suggestions';
import type { DepartmentModel, RegionModel, SuggestionModel, UserModel } from '../../models/definitions';

const person = (u: UserModel | undefined | null) => (u ? { id: u.id, username: u.username, name: u.name } : null);
const dept = (d: DepartmentModel | undefined | null) => (d ? { id: d.id, code: d.code, name: d.name } : null);
const region = (r: RegionModel | undefined | null) => (r ? { id: r.id, code: r.code, name: r.name } : null);

/** The display number of a suggestion: year of creation and id. */
export function suggestionNumber(s: SuggestionModel): string {
  return `${new Date(s.createdAt).getUTCFullYear()}-${String(s.id).padStart(5, '0')}`;
}

function summary(
  s: SuggestionModel,
  users: Map<number, UserModel>,
  departments: Map<number, DepartmentModel>,
  r: RegionModel | null | undefined,
  today: string,
  audience: Viewer,
): SuggestionSummary {
  const state = s.state as SuggestionState;
  return {
    id: s.id,
    number: suggestionNumber(s),
    title: s.title,
    source: s.source as SuggestionSource,
    state,
    stateLabel: STATE_LABELS[state],
    author: person(users.get(s.authorUserId)) ?? { id: s.authorUserId, username: '', name: '' },
    deputy: s.deputyUserId ? person(users.get(s.deputyUserId)) : null,
    region: region(r),
    lead: s.leadDepartmentId ? dept(departments.get(s.leadDepartmentId)) : null,
    round: s.round,
    submittedAt: iso(s.submittedAt),
    deadlines: describeDeadlines({ ...s.get(), state }, today, !readsPlain(audience)),
    routing: presentRouting(s.routing ? (JSON.parse(s.routing) as RoutingProposal) : null, audience, { title: s.title, body: s.body }),
    updatedAt: iso(s.updatedAt)!,
  };
}

/** A page of suggestion summaries as `viewer` reads them. */
export function presentSuggestionPage(v: SuggestionListView, viewer: { role: Role }) {
  const audience = viewerOf(viewer);
  return {
    items: v.rows.map((s) => summary(s, v.users, v.departments, s.regionId ? v.regions.get(s.regionId) : null, v.today, audience)),
    total: v.total,
    page: v.page,
    pageSize: v.pageSize,
  };
}

/**
 * The full suggestion as `viewer` reads it: body, people, assignments, consultations, extensions, answers,
 * ratings, the timeline and progress (plain for citizens and deputies), the routing proposal, and actions.
 */
export function presentSuggestion(v: SuggestionView, viewer: { role: Role }): SuggestionDetail {
  const audience = viewerOf(viewer);
  const plain = audience === 'citizen' || audience === 'deputy';
  const s = v.facts.suggestion;
  const d = (id: number) => dept(v.departments.get(id)) ?? { id, code: '', name: '' };
  const head = summary(s, v.users, v.departments, v.region, v.today, audience);
  const facts: PlainFacts = {
    state: s.state as SuggestionState,
    round: s.round,
    source: s.source,
    lead: head.lead?.name ?? null,
    deputy: head.deputy?.name ?? null,
    addressee: s.addressedDeputyUserId && v.users.get(s.addressedDeputyUserId) ? `${v.users.get(s.addressedDeputyUserId)!.name}代表` : (v.station?.name ?? null),
    deadlines: head.deadlines,
    actions: v.actions,
    today: v.today,
    audience,
  };
  return {
    ...head,
    body: s.body,
    cosigners: v.facts.cosignerIds.map((id) => person(v.users.get(id))).filter((p): p is NonNullable<typeof p> => !!p),
    cosigning: v.facts.cosigners.map((c) => ({
      person: person(v.users.get(c.userId)) ?? { id: c.userId, username: '', name: '' },
      kind: c.kind as CosignKind,
      kindLabel: COSIGN_KIND_LABELS[c.kind as CosignKind],
      status: c.status as CosignStatus,
      statusLabel: COSIGN_STATUS_LABELS[c.status as CosignStatus],
      note: c.note,
      respondedAt: iso(c.respondedAt),
    })),
    citizen: s.citizenUserId ? person(v.users.get(s.citizenUserId)) : null,
    addressedDeputy: s.addressedDeputyUserId ? person(v.users.get(s.addressedDeputyUserId)) : null,
    addressedStation: v.station ? { id: v.station.id, name: v.station.name } : null,
    rejectReason: s.rejectReason,
    photos: v.photos,
    editable: v.editable,
    assignments: v.assignments.map((a) => ({
      department: d(a.departmentId),
      role: a.role as AssignmentRole,
      assignedAt: iso(a.assignedAt)!,
      signedAt: iso(a.signedAt),
      // A co-handler's opinion is written to the lead department, not to the public.
      opinion: plain ? null : a.opinion,
      opinionAt: plain ? null : iso(a.opinionAt),
    })),
    consultations: v.consultations.map((c) => ({
      id: c.id,
      department: d(c.departmentId),
      method: c.method as ConsultMethod,
      happenedOn: c.happenedOn,
      summary: c.summary,
      by: v.users.get(c.userId)?.name ?? '',
    })),
    extensions: v.extensions.map((e) => ({
      id: e.id,
      months: e.months,
      reason: e.reason,
      state: e.state as ExtensionState,
      fromDue: e.fromDueOn,
      toDue: e.toDueOn,
      note: e.note,
      requestedAt: iso(e.createdAt)!,
      decidedAt: iso(e.decidedAt),
    })),
    answers: v.answers.map((a) => ({
      id: a.id,
      round: a.round,
      department: d(a.departmentId),
      answerClass: a.answerClass as AnswerClass,
      answerClassLabel: ANSWER_CLASS_LABELS[a.answerClass as AnswerClass],
      text: a.text,
      state: a.state as 'draft' | 'published',
      publishedAt: iso(a.publishedAt),
    })),
    ratings: v.ratings.map((r) => ({
      round: r.round,
      rating: r.rating as Rating,
      ratingLabel: RATING_LABELS[r.rating as Rating],
      comment: r.comment,
      by: person(v.users.get(r.userId)) ?? { id: r.userId, username: '', name: '' },
      at: iso(r.createdAt)!,
    })),
    timeline: presentTimeline(v.events, audience),
    viewer: audience,
    progress: { ...presentProgress(s.state as SuggestionState, s.round, v.events), summary: presentSummary(facts), next: presentNextStep(facts) },
    today: v.today,
    actions: v.actions,
    actionDetails: presentActions(v.actions, s.state as SuggestionState, audience),
  };
}
