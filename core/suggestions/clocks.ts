/**
 * The suggestion clock sweeps: answer-deadline warnings (7, 3 and 1 working days before), the urge notice the
 * working day after a deadline passes and the order 5 working days after that, co-handler opinions and redo
 * answers falling due. Each thing is sent once, whatever how often the sweep runs.
 */
import { Op, UniqueConstraintError, type WhereOptions } from 'sequelize';
import { AssignmentModel, SuggestionModel } from '../../models/definitions';
import { addDays, addWorkingDays, chinaDate, workingDaysLeft } from '../calendar/workdays';
import { chinaDate as writtenDay } from '../../contracts/format';
import type { CoreContext } from '../context';
import { publishEvents, publishingTogether } from '../notifications/publishEvents';
import { markAll, markOnce, systemActor, unmarked } from '../sweeps/marks';
import { inTransaction } from '../useCase';
import { ok, type Outcome } from '../result';
import { orderSuggestions } from './orderSuggestion';
import { urgeSuggestions } from './urgeSuggestion';
import { withFactsOf } from './facts';

export const WARNING_LEVELS = [7, 3, 1];
export const ORDER_AFTER_WORKING_DAYS = 5;
/** Suggestions read per statement by a sweep (summary columns only): memory stays flat at any volume. */
export const SWEEP_BATCH = 1_000;
/** Due items acted on per transaction (their once-marks written together at its end). */
const ACT_BATCH = 200;

type Due = 'answerDueOn' | 'coOpinionDueOn' | 'redoDueOn';
type OpenRow = Pick<SuggestionModel, 'id' | 'round' | 'state' | 'answerDueOn' | 'coOpinionDueOn' | 'redoDueOn'>;

/**
 * The suggestions in `state` whose `due` date lies in `range`, in batches, walking the `(state, due)` index in its
 * order with a keyset (due, id): no sort, no offset, and only the columns the sweeps read.
 */
async function* openBatches(state: string, due: Due, range: Record<symbol, string>, extra: WhereOptions[] = []): AsyncGenerator<OpenRow[]> {
  let after: [string, number] | null = null;
  for (;;) {
    const keyset: WhereOptions[] = after ? [{ [Op.or]: [{ [due]: { [Op.gt]: after[0] } }, { [due]: after[0], id: { [Op.gt]: after[1] } }] }] : [];
    const rows = (await SuggestionModel.findAll({
      where: { [Op.and]: [{ state }, { [due]: { [Op.ne]: null, ...range } }, ...extra, ...keyset] },
      attributes: ['id', 'round', 'state', 'answerDueOn', 'coOpinionDueOn', 'redoDueOn'],
      order: [
        [due, 'ASC'],
        ['id', 'ASC'],
      ],
      limit: SWEEP_BATCH,
      raw: true,
    })) as OpenRow[];
    if (!rows.length) return;
    yield rows;
    if (rows.length < SWEEP_BATCH) return;
    const last = rows[rows.length - 1];
    after = [last[due]!, last.id];
  }
}

/**
 * Acts once on each item whose key has no once-mark yet: one statement finds the marks of a whole batch, and the new
 * items are acted on a batch per transaction — `act` takes the batch and gives one outcome per item (the urges and
 * orders set-based through the use-case kernel's `many`: every item checked as alone, one UPDATE, one INSERT of
 * their timeline events). The suggestions of the batch are read (and locked) ahead with one statement per table
 * (`suggestionOf`), the notifications of the whole batch are written together, and the marks of the items acted on
 * with one INSERT. Should another runner have marked one of them meanwhile, that INSERT fails, the batch rolls back
 * and is done again item by item, each checking its mark — so nothing is ever sent twice, and a crash (kill -9)
 * rolls back the whole batch, marks and all. An item whose outcome is a failure gets no mark and is tried next tick.
 */
async function actOnce<T>(
  ctx: CoreContext,
  job: string,
  now: Date,
  items: { key: string; item: T }[],
  act: (items: T[]) => Promise<Outcome<number>[]>,
  suggestionOf?: (item: T) => number,
): Promise<number> {
  const fresh = new Set(await unmarked(items.map((i) => i.key)));
  const todo = items.filter((i) => fresh.has(i.key));
  let done = 0;
  for (let i = 0; i < todo.length; i += ACT_BATCH) {
    const batch = todo.slice(i, i + ACT_BATCH);
    try {
      const r = await inTransaction(ctx, async () => {
        const run = async () => {
          const outcomes = await act(batch.map((t) => t.item));
          let n = 0;
          const acted: string[] = [];
          outcomes.forEach((one, k) => {
            if (!one.ok) return;
            n += one.value;
            acted.push(batch[k].key);
          });
          await markAll(acted, job, now);
          return n;
        };
        const ids = suggestionOf ? [...new Set(batch.map((t) => suggestionOf(t.item)))] : [];
        const { value } = await publishingTogether(() => (ids.length ? withFactsOf(ids, true, run) : run()));
        return ok(value);
      });
      if (r.ok) done += r.value;
    } catch (e) {
      if (!(e instanceof UniqueConstraintError)) throw e;
      done += await actOneByOne(ctx, job, now, batch, act);
    }
  }
  return done;
}

/** The careful way: each item with its mark checked and written in a savepoint of its own. */
async function actOneByOne<T>(ctx: CoreContext, job: string, now: Date, batch: { key: string; item: T }[], act: (items: T[]) => Promise<Outcome<number>[]>): Promise<number> {
  const r = await inTransaction(ctx, async () => {
    let n = 0;
    for (const t of batch) {
      const one = await inTransaction(ctx, async () => ((await markOnce(t.key, job, now)) ? (await act([t.item]))[0] : ok(0)));
      if (one.ok) n += one.value;
    }
    return ok(n);
  });
  return r.ok ? r.value : 0;
}

/** Acts on each item alone (reminders: they only queue their notifications), one outcome per item. */
const eachOf =
  <T>(act: (item: T) => Promise<Outcome<number>>) =>
  async (items: T[]): Promise<Outcome<number>[]> => {
    const out: Outcome<number>[] = [];
    for (const item of items) out.push(await act(item));
    return out;
  };

const OPEN_STATES = ['assigned', 'handling'];

/** Warns the handling departments as the answer deadline approaches (7, 3 and 1 working days before). */
export async function sweepDeadlineWarnings(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  // Every deadline within the widest warning lies before this day (a superset; the working-day count decides).
  const horizon = addDays(addWorkingDays(today, WARNING_LEVELS[0]), 1);
  let sent = 0;
  for (const state of OPEN_STATES) {
    for await (const rows of openBatches(state, 'answerDueOn', { [Op.gt]: today, [Op.lte]: horizon })) {
      const items: { key: string; item: { s: OpenRow; left: number; level: number } }[] = [];
      for (const s of rows) {
        const left = workingDaysLeft(today, s.answerDueOn!);
        if (left <= 0) continue;
        const level = WARNING_LEVELS.filter((l) => l >= left).pop();
        if (level === undefined) continue;
        items.push({ key: `warning:${s.id}:${s.round}:${s.answerDueOn}:${level}`, item: { s, left, level } });
      }
      // Counted per warning sent (its notifications are written with the batch's).
      sent += await actOnce(
        ctx,
        'deadline-warnings',
        now,
        items,
        eachOf(async ({ s, left, level }) => {
          await publishEvents(null, [{ type: 'suggestion.deadline', ref: { type: 'suggestion', id: s.id }, data: { left, level } }], now);
          return ok(1);
        }),
      );
    }
  }
  return sent;
}

/**
 * Urges overdue suggestions, and orders (责令) those still open five working days after the urge — as the system
 * actor, through the same use cases (and policy) as the office's own urge; the once-mark and the action share a
 * savepoint, so a crash or a second runner never sends twice.
 */
export async function sweepOverdue(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  let done = 0;
  const system = await systemActor();
  for (const state of OPEN_STATES) {
    for await (const rows of openBatches(state, 'answerDueOn', { [Op.lt]: today })) {
      const items: { key: string; item: { id: number; step: 'urge' | 'order'; note: string } }[] = [];
      for (const s of rows) {
        const urgeOn = addWorkingDays(s.answerDueOn!, 1);
        const orderOn = addWorkingDays(urgeOn, ORDER_AFTER_WORKING_DAYS);
        const steps: ['urge' | 'order', string, string][] = [
          ['urge', urgeOn, `已超过答复期限${writtenDay(s.answerDueOn)}，请抓紧办理并答复代表。`],
          ['order', orderOn, `催办后仍未答复（期限${writtenDay(s.answerDueOn)}），责令在 ${ORDER_AFTER_WORKING_DAYS} 个工作日内答复并说明原因。`],
        ];
        for (const [step, on, note] of steps) {
          if (today >= on) items.push({ key: `${step}:${s.id}:${s.round}:${s.answerDueOn}`, item: { id: s.id, step, note } });
        }
      }
      done += await actOnce(
        ctx,
        'overdue',
        now,
        items,
        async (batch) => {
          // The urges of the batch first, then its orders (a suggestion due both gets its urge before its order).
          const out: Outcome<number>[] = new Array(batch.length);
          for (const [step, many] of [
            ['urge', urgeSuggestions],
            ['order', orderSuggestions],
          ] as const) {
            const mine = batch.flatMap((x, k) => (x.step === step ? [k] : []));
            const acted = await many(ctx, system, mine.map((k) => ({ id: batch[k].id, input: { note: batch[k].note } })));
            mine.forEach((k, j) => (out[k] = acted[j].ok ? ok(1) : acted[j]));
          }
          return out;
        },
        (x) => x.id,
      );
    }
  }
  return done;
}

/** Reminds co-handlers whose written opinion falls due within 3 working days or is late. */
export async function sweepCoOpinions(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  const horizon = addDays(addWorkingDays(today, 3), 1);
  let sent = 0;
  for (const state of OPEN_STATES) {
    for await (const rows of openBatches(state, 'coOpinionDueOn', { [Op.lte]: horizon })) {
      // Only co-handlers still owing their opinion hear of it; the mark names them, so one added later is told too.
      const pending = new Map<number, number[]>();
      const owing = await AssignmentModel.findAll({ where: { suggestionId: rows.map((r) => r.id), role: 'co', active: true, opinion: null }, attributes: ['suggestionId', 'departmentId'], raw: true });
      for (const a of owing) pending.set(a.suggestionId, [...(pending.get(a.suggestionId) ?? []), a.departmentId]);
      const items: { key: string; item: { id: number; late: boolean } }[] = [];
      for (const s of rows) {
        const depts = pending.get(s.id);
        if (!depts) continue;
        const left = workingDaysLeft(today, s.coOpinionDueOn!);
        if (left > 3) continue;
        const late = left < 0;
        items.push({ key: `co-opinion:${s.id}:${s.coOpinionDueOn}:${late ? 'late' : 'soon'}:${depts.sort((a, b) => a - b).join(',')}`, item: { id: s.id, late } });
      }
      sent += await actOnce(
        ctx,
        'co-opinions',
        now,
        items,
        eachOf(async ({ id, late }) => {
          await publishEvents(null, [{ type: 'suggestion.co-opinion', ref: { type: 'suggestion', id }, data: { late } }], now);
          return ok(1);
        }),
      );
    }
  }
  return sent;
}

/** Reminds the lead of a redo (after 不满意) due within 3 working days. */
export async function sweepRedo(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  let sent = 0;
  for await (const rows of openBatches('handling', 'redoDueOn', { [Op.gte]: today, [Op.lte]: addDays(addWorkingDays(today, 3), 1) }, [{ round: { [Op.gt]: 1 } }])) {
    // A batch's reminders are written together (the notification key keeps each to once).
    const { notified } = await publishingTogether(async () => {
      for (const s of rows) {
        const left = workingDaysLeft(today, s.redoDueOn!);
        if (left > 3 || left < 0) continue;
        await publishEvents(null, [{ type: 'suggestion.redo-due', ref: { type: 'suggestion', id: s.id }, data: {} }], now);
      }
    });
    sent += notified;
  }
  return sent;
}
