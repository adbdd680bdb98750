/**
 * Fixed English codes for every state, class and kind. Chinese labels live in `labels.ts`;
 * a code is never derived from a label.
 */

/** `service` is the chat bot's account: it speaks for bound chat users and pulls chat deliveries, nothing else. */
export const ROLES = ['citizen', 'deputy', 'staff', 'office', 'admin', 'service'] as const;
export type Role = (typeof ROLES)[number];

export const DEPUTY_LEVELS = ['national', 'provincial', 'city', 'county', 'township'] as const;
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number];

/** Reads a deputy level from a code or what a list says (全国人大代表, 省级, 区县人大代表, 乡镇 …); null when unknown. */
export function parseLevel(text: string): DeputyLevel | null {
  const t = text.trim().toLowerCase();
  if ((DEPUTY_LEVELS as readonly string[]).includes(t)) return t as DeputyLevel;
  if (!t) return null;
  if (t.includes('全国')) return 'national';
  if (t.includes('省')) return 'provincial';
  if (/[乡镇]/.test(t)) return 'township';
  if (/[区县]/.test(t)) return 'county';
  if (t.includes('市')) return 'city';
  return null;
}


export const REGION_LEVELS = ['city', 'district', 'town'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const SUGGESTION_SOURCES = ['deputy', 'citizen', 'station'] as const;
export type SuggestionSource = (typeof SUGGESTION_SOURCES)[number];

export const SUGGESTION_STATES = [
  'draft',
  'received',
  'submitted',
  'accepted',
  'referenced',
  'withdrawn',
  'replied',
  'assigned',
  'handling',
  'answered',
  /** Dissatisfied again after a redo: the congress office decides whether to close it or order another round. */
  'awaiting_office',
  'closed',
] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

/** Every action of `POST /api/suggestions/:id/:action`. */
export const SUGGESTION_ACTIONS = [
  'submit',
  'withdraw',
  'forward',
  'reply',
  'accept',
  'reject',
  'assign',
  'confirm',
  'sign',
  'return',
  'opinion',
  'consult',
  'request-extension',
  'decide-extension',
  'draft-answer',
  'publish-answer',
  'rate',
  'decide-redo',
  'cosign',
  'join',
  'decide-join',
  'close',
  'urge',
  'order',
] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];

/** Timeline-only event kinds that are not actions a caller can request. */
export const SUGGESTION_EVENT_KINDS = [...SUGGESTION_ACTIONS, 'create', 'edit', 'reschedule'] as const;
export type SuggestionEventKind = (typeof SUGGESTION_EVENT_KINDS)[number];

export const ANSWER_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type AnswerClass = (typeof ANSWER_CLASSES)[number];

export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** How a department consulted the deputy; `none` records why no consultation was possible (the reason in the summary). */
export const CONSULT_METHODS = ['visit', 'phone', 'meeting', 'online', 'none'] as const;
export type ConsultMethod = (typeof CONSULT_METHODS)[number];

/** A co-signer row: asked by the lead author (`invited`) or asked for by the deputy (`request`). */
export const COSIGN_KINDS = ['invited', 'request'] as const;
export type CosignKind = (typeof COSIGN_KINDS)[number];

export const COSIGN_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type CosignStatus = (typeof COSIGN_STATUSES)[number];

export const ASSIGNMENT_ROLES = ['lead', 'co'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const EXTENSION_STATES = ['pending', 'approved', 'refused'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

export const DEPARTMENT_KINDS = ['government', 'public_institution', 'court', 'procuratorate', 'utility'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const ERROR_CODES = [
  'invalid',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'rate_limited',
  'method_not_allowed',
  'unavailable',
  /** A service the API depends on (WeChat) answered with an error (502). */
  'upstream',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const QUESTIONNAIRE_KINDS = ['survey', 'ballot', 'evaluation'] as const;
export type QuestionnaireKind = (typeof QUESTIONNAIRE_KINDS)[number];

/** What a ballot's majority is counted of: everyone asked to vote, or the valid ballots cast. */
export const MAJORITY_BASES = ['eligible', 'valid'] as const;
export type MajorityBase = (typeof MAJORITY_BASES)[number];

export const QUESTION_TYPES = ['single', 'multiple', 'text', 'longtext', 'rating'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const MEETING_KINDS = ['session', 'committee', 'inspection', 'reception', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const RSVP_STATES = ['pending', 'attend', 'leave'] as const;
export type RsvpState = (typeof RSVP_STATES)[number];

export const CHANNELS = ['inbox', 'chat', 'wechat'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DELIVERY_STATES = ['pending', 'sent', 'dead'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** Who reads a suggestion, for what they see of its timeline and routing proposal (api/presenters/audience.ts). */
export const VIEWERS = ['citizen', 'deputy', 'department', 'office'] as const;
export type Viewer = (typeof VIEWERS)[number];

/** A routing proposal's confidence as people read it. */
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/** The five steps of a suggestion's progress stepper: 提交 → 交办 → 办理 → 答复 → 测评. */
export const PROGRESS_STEPS = ['submit', 'assign', 'handle', 'answer', 'rate'] as const;
export type ProgressStepKey = (typeof PROGRESS_STEPS)[number];
export const PROGRESS_STATUSES = ['done', 'current', 'todo', 'skipped'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
