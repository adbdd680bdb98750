/**
 * The one path every suggestion action takes: validate the input, load and lock the suggestion, check that
 * the caller may see it (404), is entitled (403), that the state and the rules allow it now (409), apply the
 * use case's change, and write the timeline event — all in one transaction.
 */
import type { z } from 'zod';
import type { SuggestionAction, SuggestionState } from '../../contracts/enums';
import { ActionBodies } from '../../contracts/schemas';
import { formatZodError } from '../../contracts/validation';
import { chinaDate } from '../calendar/workdays';
import type { Actor, CoreContext } from '../context';
import { conflict, forbidden, invalid, notFound, ok, OutcomeError, type Outcome } from '../result';
import { recordEvent } from './events';
import { publishSuggestionEvent } from './notifications';
import { loadFacts, type SuggestionFacts } from './facts';
import { conflictReason, forbiddenReason } from './policy';
import { canSee } from './scope';
import { canStart, isAllowedTarget } from './stateMachine';
import { STATE_LABELS, ACTION_LABELS } from '../../contracts/labels';
import { SuggestionModel } from '../../models/definitions';

export interface ActionRun<I> {
  ctx: CoreContext;
  actor: Actor;
  facts: SuggestionFacts;
  input: I;
  now: Date;
  today: string;
}

export interface ActionChange {
  /** The state after the action; omitted when it does not move the suggestion. */
  to?: SuggestionState;
  note?: string | null;
  data?: Record<string, unknown>;
}

/** Runs `fn` in a transaction; an `OutcomeError` thrown inside rolls back and becomes the outcome. */
export async function inTransaction<T>(ctx: CoreContext, fn: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await ctx.db.sequelize.transaction(async () => {
      const result = await fn();
      if (!result.ok) throw new OutcomeError(result);
      return result;
    });
  } catch (e) {
    if (e instanceof OutcomeError) return e.outcome;
    throw e;
  }
}

/** Fails the running action with an outcome (rolls the transaction back). */
export function fail(outcome: Outcome<never>): never {
  if (outcome.ok) throw new Error('fail() needs a failure');
  throw new OutcomeError(outcome);
}

/** Performs `action` on suggestion `id` for `actor`, with the use case's `apply`. Returns the suggestion id. */
export async function performAction<A extends SuggestionAction>(
  ctx: CoreContext,
  actor: Actor,
  id: number,
  action: A,
  rawInput: unknown,
  apply: (run: ActionRun<z.output<(typeof ActionBodies)[A]>>) => Promise<ActionChange>,
): Promise<Outcome<{ id: number }>> {
  const parsed = ActionBodies[action].safeParse(rawInput ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  return inTransaction(ctx, async () => {
    const facts = await loadFacts(id, true);
    if (!facts || !canSee(actor, facts)) return notFound('没有找到这件建议');
    const now = ctx.clock.now();
    const today = chinaDate(now);
    const who = forbiddenReason(action, actor, facts, today);
    if (who) return forbidden(who);
    const from = facts.state;
    if (!canStart(action, from)) {
      return conflict(`这件建议现在是“${STATE_LABELS[from]}”，不能${ACTION_LABELS[action]}`);
    }
    const when = conflictReason(action, actor, facts, today);
    if (when) return conflict(when);
    const change = await apply({ ctx, actor, facts, input: parsed.data as z.output<(typeof ActionBodies)[A]>, now, today });
    const to = change.to ?? from;
    if (!isAllowedTarget(action, from, to)) throw new Error(`state machine: ${action} may not move ${from} → ${to}`);
    const s = facts.suggestion;
    if (to !== from) {
      // Besides the row lock (MySQL), claim the transition only if the state is still the one we read.
      const [count] = await SuggestionModel.update({ state: to }, { where: { id: s.id, state: from } });
      if (count === 0) return conflict('这件建议刚被别人处理过，请刷新后再试');
      s.state = to;
    }
    s.changed('updatedAt', true);
    await s.save();
    const event = await recordEvent({ suggestionId: s.id, actor, action, from, to, note: change.note ?? null, data: change.data ?? null, at: now });
    await publishSuggestionEvent(action, facts, to, event.id, now, change.note ?? null);
    return ok({ id: s.id });
  });
}
