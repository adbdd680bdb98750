/**
 * The one path every suggestion action takes: validate the input, load and lock the suggestion, check that
 * the caller may see it (404), is entitled (403), that the state and the rules allow it now (409), apply the
 * use case's change, and write the timeline event — all in one transaction.
 */
import type { z } from 'zod';
import type { SuggestionAction, SuggestionState } from '../../contracts/enums';
import { ActionBodies } from '../../contracts/schemas';
import type { Actor, CoreContext } from '../context';
import { conflict, ok, type Outcome } from '../result';
import { useCase, type UseCaseRun } from '../useCase';
import { recordEvent, recordEvents } from './events';
import { suggestionEvents } from './notifications';
import { loadFacts, type SuggestionFacts } from './facts';
import { conflictReason, forbiddenReason } from './policy';
import { canSee } from '../directory/suggestionScope';
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

/** Performs `action` on suggestion `id` for `actor`, with the use case's `apply`. Returns the suggestion id. */
export function performAction<A extends SuggestionAction>(
  ctx: CoreContext,
  actor: Actor,
  id: number,
  action: A,
  rawInput: unknown,
  apply: (run: ActionRun<z.output<(typeof ActionBodies)[A]>>) => Promise<ActionChange>,
): Promise<Outcome<{ id: number }>> {
  return actionUseCase(action, apply)(ctx, actor, id, rawInput);
}

/**
 * Performs `action` on many suggestions for one actor (a sweep's batch), in one transaction: each goes through the same
 * checks as alone and gets its own outcome (in the order of `items`); those allowed are applied together — one UPDATE
 * touches them all, one INSERT writes their timeline events (each with who and when), their notifications go out together.
 */
export function performActions<A extends SuggestionAction>(
  ctx: CoreContext,
  actor: Actor,
  action: A,
  items: { id: number; input?: unknown }[],
  apply: (run: ActionRun<z.output<(typeof ActionBodies)[A]>>) => Promise<ActionChange>,
): Promise<Outcome<{ id: number }>[]> {
  return actionUseCase(action, apply).many(
    ctx,
    actor,
    items.map((i) => ({ key: i.id, input: i.input })),
  );
}

/**
 * Applies the use case's change and claims its transition: besides the row lock (MySQL), the state moves only if
 * it is still the one read. Null when someone else moved the suggestion meanwhile.
 */
async function applyAndClaim<A extends SuggestionAction>(
  action: A,
  apply: (run: ActionRun<z.output<(typeof ActionBodies)[A]>>) => Promise<ActionChange>,
  run: UseCaseRun<unknown, SuggestionFacts>,
): Promise<{ change: ActionChange; from: SuggestionState; to: SuggestionState } | null> {
  const { ctx, actor, subject: facts, input, now, today } = run;
  const change = await apply({ ctx, actor, facts, input: input as z.output<(typeof ActionBodies)[A]>, now, today });
  const from = facts.state;
  const to = change.to ?? from;
  if (!isAllowedTarget(action, from, to)) throw new Error(`state machine: ${action} may not move ${from} → ${to}`);
  if (to !== from) {
    const [count] = await SuggestionModel.update({ state: to }, { where: { id: facts.suggestion.id, state: from } });
    if (count === 0) return null;
    facts.suggestion.state = to;
  }
  return { change, from, to };
}

/** The kernel declaration of one suggestion action: load and lock, `canSee` (404), the policy's who (403) and when (409). */
function actionUseCase<A extends SuggestionAction>(action: A, apply: (run: ActionRun<z.output<(typeof ActionBodies)[A]>>) => Promise<ActionChange>) {
  return useCase({
    name: `suggestions.${action}`,
    input: ActionBodies[action],
    load: (id: number) => loadFacts(id, true),
    notFound: '没有找到这件建议',
    visible: canSee,
    who: ({ actor, subject, today }) => forbiddenReason(action, actor, subject, today),
    when: ({ actor, subject, today }) =>
      canStart(action, subject.state)
        ? conflictReason(action, actor, subject, today)
        : `这件建议现在是“${STATE_LABELS[subject.state]}”，不能${ACTION_LABELS[action]}`,
    apply: async (run) => {
      const { actor, subject: facts, now, emit } = run;
      const claimed = await applyAndClaim(action, apply, run);
      if (!claimed) return conflict('这件建议刚被别人处理过，请刷新后再试');
      const { change, from, to } = claimed;
      const s = facts.suggestion;
      s.changed('updatedAt', true);
      await s.save();
      const event = await recordEvent({ suggestionId: s.id, actor, action, from, to, note: change.note ?? null, data: change.data ?? null, at: now });
      for (const e of suggestionEvents({ action, from, to, eventId: event.id, note: change.note ?? null, data: change.data }, actor, facts)) emit(e);
      return { id: s.id };
    },
    applyMany: async (runs) => {
      const results: Outcome<{ id: number }>[] = [];
      const done: { run: (typeof runs)[number]; change: ActionChange; from: SuggestionState; to: SuggestionState }[] = [];
      const touch: number[] = [];
      for (const run of runs) {
        const s = run.subject.suggestion;
        // Claimed as alone; lost to someone else, the batch is redone one by one (the action may have written already).
        const claimed = await applyAndClaim(action, apply, run);
        if (!claimed) throw new Error(`suggestion ${s.id} changed meanwhile`);
        const { change, from, to } = claimed;
        // Anything else the action changed on the row is saved with it; a row only touched is touched with the others.
        const changed = (s.changed() || []).filter((f) => f !== 'state' && f !== 'updatedAt');
        if (changed.length) {
          s.changed('updatedAt', true);
          await s.save();
        } else touch.push(s.id);
        results.push(ok({ id: s.id }));
        done.push({ run, change, from, to });
      }
      if (touch.length) await SuggestionModel.update({ updatedAt: new Date() }, { where: { id: touch } });
      const eventIds = await recordEvents(
        done.map(({ run, change, from, to }) => ({ suggestionId: run.subject.suggestion.id, actor: run.actor, action, from, to, note: change.note ?? null, data: change.data ?? null, at: run.now })),
      );
      done.forEach(({ run, change, from, to }, k) => {
        const recorded = { action, from, to, eventId: eventIds[k], note: change.note ?? null, data: change.data };
        for (const e of suggestionEvents(recorded, run.actor, run.subject)) run.emit(e);
      });
      return results;
    },
  });
}
