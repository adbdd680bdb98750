/**
 * Who may do what to a suggestion, declared in one place. `who` answers "is this person entitled to this
 * action at all" (403 when not); `when` answers "does the suggestion allow it right now" beyond its state
 * (409 when not): a closed return window, a pending extension, a rating already given.
 */
import type { SuggestionAction } from '../../contracts/enums';
import type { Actor } from '../context';
import type { SuggestionFacts } from './facts';
import { inRegion } from '../directory/scope';
import { isCosigner } from './cosigners';
import { chinaDate } from '../../contracts/format';

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
const invitationOf = (a: Actor, f: SuggestionFacts) => f.cosigners.find((c) => c.userId === a.id && c.kind === 'invited') ?? null;
const isAddressedDeputy: Check = (a, f) =>
  a.role === 'deputy' &&
  (f.suggestion.addressedDeputyUserId === a.id || (a.stationId !== null && f.suggestion.addressedStationId === a.stationId))
    ? null
    : '只有收到这条意见的代表可以这样做';

/**
 * Before the lead department publishes an answer: a consultation with the deputy (面商) is on record, or the
 * reason why none was possible; and every co-handler has given its opinion, or the co-handler opinion deadline
 * (1 month after assignment) has passed.
 */
function answerPreconditions(a: Actor, f: SuggestionFacts, today: string): string | null {
  if (a.departmentId === null || !f.consultedDepartmentIds.includes(a.departmentId)) {
    return '答复前请先与代表面商并登记面商情况；确实无法面商的，请登记无法面商的原因';
  }
  const waiting = f.assignments.filter((x) => x.role === 'co' && !x.opinion).length;
  const due = f.suggestion.coOpinionDueOn;
  if (waiting && due && today <= due) return `还有 ${waiting} 家协办单位没有提交协办意见，协办意见期限（${chinaDate(due)}）前不能正式答复`;
  return null;
}

/** The most rounds of answers a suggestion gets: the first, the redo after 不满意, and one more the office orders. */
export const MAX_ROUNDS = 3;

/** Why the office may not order another round (the last round has been answered), or null. */
export function redoRefusal(f: SuggestionFacts): string | null {
  return f.suggestion.round >= MAX_ROUNDS ? `这件建议已经答复了 ${MAX_ROUNDS} 轮，不能再重新办理，请写明理由办结` : null;
}

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
      f.suggestion.returnDueOn && today > f.suggestion.returnDueOn ? `退回期限（${chinaDate(f.suggestion.returnDueOn)}）已过，不能再退回` : null,
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
  'publish-answer': { who: isLead, when: (a, f, today) => answerPreconditions(a, f, today) },
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
  'decide-redo': { who: isOffice },
  cosign: {
    who: (a, f) => (invitationOf(a, f) ? null : '只有被邀请附议的代表可以答复附议邀请'),
    when: (a, f) => (invitationOf(a, f)?.status === 'pending' ? null : '你已经答复过这次附议邀请了'),
  },
  join: {
    who: (a, f) => {
      if (a.role !== 'deputy') return '只有代表可以申请附议';
      if (f.suggestion.deputyUserId === null) return '这件意见没有领衔代表，不能申请附议';
      if (f.suggestion.deputyUserId === a.id || f.suggestion.authorUserId === a.id) return '你是这件建议的领衔代表';
      const row = f.cosigners.find((c) => c.userId === a.id);
      if (row && isCosigner(row)) return row.status === 'pending' ? '领衔代表已邀请你附议，请直接答复邀请' : '你已经是这件建议的附议代表';
      return null;
    },
    when: (a, f) => {
      const row = f.cosigners.find((c) => c.userId === a.id && c.kind === 'request');
      if (!row) return null;
      return row.status === 'pending' ? '你的附议申请正在等待领衔代表同意' : '领衔代表已谢绝你的附议申请';
    },
  },
  'decide-join': {
    who: (a, f) => (f.suggestion.deputyUserId === a.id ? null : '只有领衔代表可以决定是否同意附议申请'),
    when: (_a, f) => (f.cosigners.some((c) => c.kind === 'request' && c.status === 'pending') ? null : '没有待同意的附议申请'),
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
