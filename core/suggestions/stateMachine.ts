/**
 * The suggestion state machine (DESIGN.md §3): for every action, the states it may start from. Where an
 * action's target depends on who acts (a co-handler signing does not move the suggestion), the use case
 * decides between the listed targets; a target outside the list is a programming error.
 */
import type { SuggestionAction, SuggestionState } from '../../contracts/enums';

export interface TransitionSpec {
  from: readonly SuggestionState[];
  to: readonly SuggestionState[] | 'same';
}

/** While co-signers may answer, ask to join and be let in: from submission until the suggestion is closed. */
const JOINT: readonly SuggestionState[] = ['submitted', 'accepted', 'assigned', 'handling', 'answered', 'awaiting_office'];

export const TRANSITIONS: Record<SuggestionAction, TransitionSpec> = {
  submit: { from: ['draft'], to: ['submitted', 'received'] },
  withdraw: { from: ['received', 'submitted', 'accepted'], to: ['withdrawn'] },
  forward: { from: ['received'], to: ['submitted'] },
  reply: { from: ['received'], to: ['replied'] },
  accept: { from: ['submitted'], to: ['accepted'] },
  reject: { from: ['submitted', 'accepted'], to: ['referenced'] },
  assign: { from: ['accepted'], to: ['assigned'] },
  confirm: { from: ['submitted', 'accepted'], to: ['assigned'] },
  sign: { from: ['assigned', 'handling'], to: ['handling', 'assigned'] },
  return: { from: ['assigned', 'handling'], to: ['accepted', 'assigned', 'handling'] },
  opinion: { from: ['assigned', 'handling'], to: 'same' },
  consult: { from: ['handling'], to: 'same' },
  'request-extension': { from: ['handling'], to: 'same' },
  'decide-extension': { from: ['assigned', 'handling'], to: 'same' },
  'draft-answer': { from: ['handling'], to: 'same' },
  'publish-answer': { from: ['handling'], to: ['answered'] },
  rate: { from: ['answered', 'closed'], to: ['closed', 'handling', 'answered', 'awaiting_office'] },
  'decide-redo': { from: ['awaiting_office'], to: ['handling', 'closed'] },
  cosign: { from: JOINT, to: 'same' },
  join: { from: JOINT, to: 'same' },
  'decide-join': { from: JOINT, to: 'same' },
  close: { from: ['answered'], to: ['closed'] },
  urge: { from: ['assigned', 'handling'], to: 'same' },
  order: { from: ['assigned', 'handling'], to: 'same' },
};

/** Whether `action` may start from `state`. */
export function canStart(action: SuggestionAction, state: SuggestionState): boolean {
  return TRANSITIONS[action].from.includes(state);
}

/** Whether `action` may move a suggestion from `from` to `to`. */
export function isAllowedTarget(action: SuggestionAction, from: SuggestionState, to: SuggestionState): boolean {
  const spec = TRANSITIONS[action];
  return spec.to === 'same' ? from === to : spec.to.includes(to);
}
