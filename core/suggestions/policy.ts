/**
 * Who may do what to a suggestion, declared in one place. `who` answers "is this person entitled to this
 * action at all" (403 when not); `when` answers "does the suggestion allow it right now" beyond its state
 * (409 when not): a closed return window, a pending extension, a rating already given.
 */
import type { SuggestionAction } from '../../contracts/enums';
import type { Actor } from '../context';
import type { SuggestionFacts } from './facts';
import { inRegion } from '../directory/scope';

type Check = (actor: Actor, f: SuggestionFacts, today: string) => string | null;

const NOT_AUTHOR = '只有提出人本人可以这样做';
const OFFICE_ONLY = '只有本区域的人大工作人员可以这样做';
const NOT_YOUR_TASK = '这件建议没有交给你的单位办理';
const LEAD_ONLY = '只有主办单位可以这样做';

const isAuthor: Check = (a, f) => (f.suggestion.authorUserId === a.id ? null : NOT_AUTHOR);
const isOffice: Check = (a, f) => (a.role === 'office' && inRegion(a.regionPath, f.regionPath) ? null : OFFICE_ONLY);
const assignmentOf = (a: Actor, f: SuggestionFacts) =>
  a.role === 'staff' && a.departmentId !== null ? (f.assignments.find((x) => x.departmentId === a.departmentId) ?? null) : null;
const isHandler: Check = (a, f) => (assignmentOf(a, f) ? null : NOT_YOUR_TASK);
const isLead: Check = (a, f) => {
  const x = assignmentOf(a, f);
  return !x ? NOT_YOUR_TASK : x.role === 'lead' ? null : LEAD_ONLY;
};
const isAddressedDeputy: Check = (a, f) =>
  a.role === 'deputy' &&
  (f.suggestion.addressedDeputyUserId === a.id || (a.stationId !== null && f.suggestion.addressedStationId === a.stationId))
    ? null
    : '只有收到这条意见的代表可以这样做';

export interface ActionPolicy {
  who: Check;
  when?: Check;
}

export const POLICY: Record<SuggestionAction, ActionPolicy> = {
  submit: { who: isAuthor },
  withdraw: { who: isAuthor },
  forward: { who: isAddressedDeputy },
  reply: { who: isAddressedDeputy },
  accept: { who: isOffice },
  reject: { who: isOffice },
  assign: { who: isOffice },
  confirm: {
    who: isOffice,
    when: (_a, f) => {
      const r = f.suggestion.routing ? (JSON.parse(f.suggestion.routing) as { lead: unknown }) : null;
      if (!r || !r.lead) return '这件建议还没有分办建议，请手动选择承办单位';
      return f.suggestion.routingNeedsReview ? '分办建议的把握不够，请人工选择承办单位后交办' : null;
    },
  },
  sign: {
    who: isHandler,
    when: (a, f) => (assignmentOf(a, f)?.signedAt ? '你的单位已经签收过了' : null),
  },
  return: {
    who: isHandler,
    when: (_a, f, today) =>
      f.suggestion.returnDueOn && today > f.suggestion.returnDueOn ? `退回期限（${f.suggestion.returnDueOn}）已过，不能再退回` : null,
  },
  opinion: {
    who: (a, f) => {
      const x = assignmentOf(a, f);
      return !x ? NOT_YOUR_TASK : x.role === 'co' ? null : '协办意见由协办单位提交';
    },
    when: (a, f) => (assignmentOf(a, f)?.opinion ? '你的单位已经提交过协办意见了' : null),
  },
  consult: { who: isHandler },
  'request-extension': {
    who: isLead,
    when: (_a, f) => {
      if (f.pendingExtension) return '已有一份延期申请在审批中';
      if (f.suggestion.round > 1) return '重新办理期间不能申请延期';
      return null;
    },
  },
  'decide-extension': { who: isOffice, when: (_a, f) => (f.pendingExtension ? null : '没有待审批的延期申请') },
  'draft-answer': { who: isLead },
  'publish-answer': { who: isLead },
  rate: {
    who: (a, f) =>
      (a.role === 'deputy' && f.suggestion.deputyUserId === a.id) || (a.role === 'citizen' && f.suggestion.citizenUserId === a.id)
        ? null
        : '只有领衔代表（或提出意见的群众）可以测评',
    when: (a, f) => {
      if (f.ratedThisRound.includes(a.id)) return '这一轮答复你已经测评过了';
      if (a.role === 'deputy' && f.state !== 'answered') return '这件建议已经办结，不能再测评';
      return null;
    },
  },
  close: { who: isOffice },
  // The office urges by hand; the system urges the working day after a deadline passed.
  urge: { who: (a, f, today) => (a.system ? null : isOffice(a, f, today)) },
  // The order (责令书) is the system's step, 5 working days after its urge, and only for an overdue suggestion.
  order: {
    who: (a) => (a.system ? null : '责令书由系统在催办后仍未答复时自动发出'),
    when: (_a, f, today) => (f.suggestion.answerDueOn && today > f.suggestion.answerDueOn ? null : '还没有超过答复期限'),
  },
};

/** The 403 message for `actor` doing `action`, or null when the actor is entitled to it. */
export function forbiddenReason(action: SuggestionAction, actor: Actor, f: SuggestionFacts, today: string): string | null {
  return POLICY[action].who(actor, f, today);
}

/** The 409 message when the suggestion does not allow `action` right now beyond its state, or null. */
export function conflictReason(action: SuggestionAction, actor: Actor, f: SuggestionFacts, today: string): string | null {
  return POLICY[action].when?.(actor, f, today) ?? null;
}
