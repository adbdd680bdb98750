/** Driving suggestions through the core use cases for use-case tests. */
import { loadActor } from '../../core/auth/actor';
import type { Actor, CoreContext } from '../../core/context';
import type { Outcome } from '../../core/result';
import { SUGGESTION_USE_CASES, createSuggestion } from '../../core/suggestions';
import type { SuggestionAction } from '../../contracts/enums';
import { UserModel } from '../../models/definitions';
import { chinaDay } from '../../contracts/format';

/** The actor for a demo username. */
export async function actor(username: string): Promise<Actor> {
  const u = await UserModel.findOne({ where: { username } });
  if (!u) throw new Error(`no user ${username}`);
  return (await loadActor(u.id))!;
}

/** Unwraps a successful outcome or fails the test with its message. */
export function must<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(`expected ok, got ${o.kind}: ${o.message}`);
  return o.value;
}

/** Runs an action as `username` and returns the outcome. */
export async function act(core: CoreContext, username: string, id: number, action: SuggestionAction, input: unknown = {}) {
  return SUGGESTION_USE_CASES[action](core, await actor(username), id, input);
}

export const ELEVATOR = {
  title: '关于加快老旧小区加装电梯的建议',
  body: '我市很多老旧小区没有电梯，老年人上下楼困难，建议简化加装电梯审批流程，加大补助力度。',
};

export type Stage = 'draft' | 'submitted' | 'accepted' | 'assigned' | 'handling' | 'consulted' | 'answered' | 'closed';

/**
 * Creates deputy01's elevator suggestion (co-signed by deputy02) and drives it to `stage`:
 * office accepts, assigns to housing with finance as co-handler, housing signs; finance gives its co-handler
 * opinion and housing records a consultation with the deputy (`consulted`: ready to answer); housing answers,
 * the deputy rates.
 */
export async function suggestionAt(core: CoreContext, stage: Stage): Promise<number> {
  const { id } = must(await createSuggestion(core, await actor('deputy01'), { ...ELEVATOR, cosigners: ['deputy02'] }));
  if (stage === 'draft') return id;
  const steps: [Stage | null, string, SuggestionAction, unknown][] = [
    ['submitted', 'deputy01', 'submit', {}],
    ['accepted', 'office', 'accept', {}],
    ['assigned', 'office', 'assign', { lead: 'housing', co: ['finance'] }],
    ['handling', 'staff-housing', 'sign', {}],
    [null, 'staff-finance', 'opinion', { opinion: '财政局同意安排加装电梯补助资金。' }],
    ['consulted', 'staff-housing', 'consult', { method: 'phone', happenedOn: chinaDay(core.clock.now()), summary: '电话联系代表，了解小区情况。' }],
    ['answered', 'staff-housing', 'publish-answer', { answerClass: 'B', text: '已列入明年老旧小区改造计划，加装电梯补助标准提高。' }],
    ['closed', 'deputy01', 'rate', { rating: 'satisfied' }],
  ];
  for (const [reached, who, action, input] of steps) {
    must(await act(core, who, id, action, input));
    if (reached === stage) break;
  }
  return id;
}
