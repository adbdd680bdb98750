/**
 * The one way a use case runs. Every use case in `core/<feature>/` is declared with `useCase({...})` and runs the
 * same steps, in one transaction:
 *
 *   schema (400) → load and lock the subject → visible (404) → who (403) → when (409) → apply → events
 *
 * and returns one of the closed set of outcomes (ok / invalid / forbidden / notFound / conflict) that adapters map to
 * an HTTP status, a chat reply or a job log line. A use case never re-types this sequence by hand.
 */
import type { z } from 'zod';
import { formatZodError } from '../contracts/validation';
import { chinaDay as chinaDate } from '../contracts/format';
import { currentTransaction } from '../models/db';
import { recordAudit, type AuditSnapshot } from './audit/recordAudit';
import type { Actor, CoreContext } from './context';
import { conflict, forbidden, invalid, notFound, OutcomeError, type Outcome } from './result';

/** What the checks and `apply` of a use case receive. */
export interface UseCaseRun<I, S> {
  ctx: CoreContext;
  actor: Actor;
  input: I;
  /** The loaded (and locked) subject; `undefined` for use cases without one (creation, listing). */
  subject: S;
  now: Date;
  /** Today's date in Beijing (`YYYY-MM-DD`), for working-day rules. */
  today: string;
  /** Queues a domain event; events are published after `apply`, inside the same transaction. */
  emit: (event: DomainEvent) => void;
}

/** Something that happened, for the notifications and the audit log to hear. */
export interface DomainEvent {
  /** A fixed English code such as `suggestion.accepted` or `meeting.cancelled`. */
  type: string;
  /** What the event is about, e.g. `{ type: 'suggestion', id: 12 }`. */
  ref?: { type: string; id: number };
  /** Anything the audience table or the texts need. */
  data?: Record<string, unknown>;
}

/** Publishes queued events; set once at boot by the notifications feature (kept as a hook so the kernel imports no feature). */
export type EventPublisher = (ctx: CoreContext, actor: Actor, events: DomainEvent[], now: Date) => Promise<void>;
let publisher: EventPublisher = async () => undefined;

/** Installs the function that turns domain events into notifications (called once at start-up). */
export function setEventPublisher(fn: EventPublisher): void {
  publisher = fn;
}

/** The declaration of a use case: each step is optional except `apply`. */
export interface UseCaseSpec<Schema extends z.ZodType, S, R, K> {
  /** A short English name (`meetings.cancel`), for logs and the audit log. */
  name: string;
  /** The input schema; a failure is a 400 with the schema's Chinese message. */
  input?: Schema;
  /** Reads only: runs without a transaction (no lock, no events). */
  readOnly?: boolean;
  /** Loads and locks the subject by its key; `null` means 404. Omit for use cases without a subject. */
  load?: (key: K, ctx: CoreContext, actor: Actor) => Promise<S | null>;
  /** The 404 message when the subject is missing or invisible. */
  notFound?: string;
  /** Whether the actor may know the subject exists (false → 404, as if missing). */
  visible?: (actor: Actor, subject: S) => boolean;
  /** Whether the actor is entitled at all; a Chinese reason when not (→ 403). */
  who?: (run: UseCaseRun<z.output<Schema>, S>) => string | null | Promise<string | null>;
  /** Whether the subject's state allows it now; a Chinese reason when not (→ 409). */
  when?: (run: UseCaseRun<z.output<Schema>, S>) => string | null | Promise<string | null>;
  /** The change itself. Return a value (ok) or a failure outcome; `fail()` may also be thrown from deep inside. */
  apply: (run: UseCaseRun<z.output<Schema>, S>) => Promise<R | Outcome<R>>;
  /**
   * The change of a batch at once, set-based (`many`: a sweep acting on many subjects): one result per run, in order, as
   * `apply` would give it. A failure it returns must have written nothing for that subject; anything it throws rolls
   * the whole batch back, and `many` then runs the batch one subject at a time. Without it `many` applies one by one.
   */
  applyMany?: (runs: UseCaseRun<z.output<Schema>, S>[]) => Promise<(R | Outcome<R>)[]>;
  /** Writes an audit row under the use case's name when it succeeds: the object before and after the change. */
  audit?: UseCaseAudit<S, R>;
}

/** What the audit log keeps of a use case's object; snapshots list fields explicitly and leave secrets out. */
export interface UseCaseAudit<S, R> {
  /** The object kind written in the log (`region`, `user`). */
  object: string;
  /** The subject as it was, taken after loading and before `apply` (omit for creations). */
  before?: (subject: S) => AuditSnapshot & { id: number | string };
  /** The object as it is after the change, from the use case's result. */
  after: (result: R) => AuditSnapshot & { id: number | string };
}

/** A runnable use case: `(ctx, actor, key, input)`, and `many` for a batch of subjects. */
export type UseCase<R, K = number> = ((ctx: CoreContext, actor: Actor, key: K, input?: unknown) => Promise<Outcome<R>>) & {
  /**
   * Runs the use case for one actor on many subjects in one transaction (a savepoint inside the caller's): every subject
   * goes through the same checks as alone (each its own outcome), those that pass are applied together (`applyMany`,
   * set-based) and their events published together. Outcomes in the order of `items`.
   */
  many: (ctx: CoreContext, actor: Actor, items: { key: K; input?: unknown }[]) => Promise<Outcome<R>[]>;
};

function isOutcome<R>(v: unknown): v is Outcome<R> {
  return typeof v === 'object' && v !== null && 'ok' in v && typeof (v as { ok: unknown }).ok === 'boolean' && ('value' in v || 'kind' in v);
}

/** Declares a use case; the returned function runs the kernel's steps in one transaction. */
export function useCase<Schema extends z.ZodType, S = undefined, R = unknown, K = number | undefined>(spec: UseCaseSpec<Schema, S, R, K>): UseCase<R, K> {
  type Run = UseCaseRun<z.output<Schema>, S>;
  const parse = (rawInput: unknown): { input: z.output<Schema> } | Outcome<R> => {
    if (!spec.input) return { input: rawInput as z.output<Schema> };
    const parsed = spec.input.safeParse(rawInput ?? {});
    return parsed.success ? { input: parsed.data } : invalid(formatZodError(parsed.error));
  };
  /** load and lock → visible (404) → who (403) → when (409): the run ready to apply, or the failure. */
  const prepare = async (ctx: CoreContext, actor: Actor, key: K, input: z.output<Schema>, now: Date, events: DomainEvent[]): Promise<Run | Outcome<R>> => {
    let subject = undefined as S;
    if (spec.load) {
      const found = await spec.load(key, ctx, actor);
      if (found === null || found === undefined || (spec.visible && !spec.visible(actor, found))) {
        return notFound(spec.notFound ?? '没有找到');
      }
      subject = found;
    }
    const run: Run = { ctx, actor, input, subject, now, today: chinaDate(now), emit: (e) => void events.push(e) };
    const who = spec.who ? await spec.who(run) : null;
    if (who) return forbidden(who);
    const when = spec.when ? await spec.when(run) : null;
    if (when) return conflict(when);
    return run;
  };
  const auditBefore = (run: Run) => (spec.audit?.before && run.subject !== undefined ? spec.audit.before(run.subject) : null);
  /** The result of `apply` as an outcome, with its audit row when it succeeded. */
  const settle = async (run: Run, result: R | Outcome<R>, before: ReturnType<typeof auditBefore>): Promise<Outcome<R>> => {
    const outcome: Outcome<R> = isOutcome<R>(result) ? result : { ok: true, value: result as R };
    if (outcome.ok && spec.audit) {
      const after = spec.audit.after(outcome.value);
      await recordAudit({ actor: run.actor, action: spec.name, object: { type: spec.audit.object, id: after.id ?? before?.id ?? null }, before, after, at: run.now });
    }
    return outcome;
  };

  const one = async (ctx: CoreContext, actor: Actor, key: K, rawInput?: unknown): Promise<Outcome<R>> => {
    const parsed = parse(rawInput);
    if (!('input' in parsed)) return parsed;
    const steps = async (): Promise<Outcome<R>> => {
      const now = ctx.clock.now();
      const events: DomainEvent[] = [];
      const run = await prepare(ctx, actor, key, parsed.input, now, events);
      if (isOutcome<R>(run)) return run;
      const before = auditBefore(run);
      const outcome = await settle(run, await spec.apply(run), before);
      if (outcome.ok && events.length) await publisher(ctx, actor, events, now);
      return outcome;
    };
    return spec.readOnly ? steps() : inTransaction<R>(ctx, steps);
  };

  const oneByOne = async (ctx: CoreContext, actor: Actor, items: { key: K; input?: unknown }[]): Promise<Outcome<R>[]> => {
    const out: Outcome<R>[] = [];
    // Each in a savepoint of its own (`one` nests), all in one transaction.
    const r = await inTransaction(ctx, async () => {
      for (const item of items) out.push(await one(ctx, actor, item.key, item.input));
      return { ok: true as const, value: out };
    });
    return r.ok ? r.value : items.map(() => r);
  };

  const many = async (ctx: CoreContext, actor: Actor, items: { key: K; input?: unknown }[]): Promise<Outcome<R>[]> => {
    if (!items.length) return [];
    if (spec.readOnly || !spec.applyMany) return oneByOne(ctx, actor, items);
    const applyMany = spec.applyMany;
    try {
      const r = await inTransaction(ctx, async () => {
        // One instant for the whole batch: its timeline events and notices carry the same time.
        const now = ctx.clock.now();
        const out: Outcome<R>[] = new Array(items.length);
        const ready: { i: number; run: Run; events: DomainEvent[]; before: ReturnType<typeof auditBefore> }[] = [];
        for (let i = 0; i < items.length; i++) {
          const parsed = parse(items[i].input);
          if (!('input' in parsed)) {
            out[i] = parsed;
            continue;
          }
          const events: DomainEvent[] = [];
          const run = await prepare(ctx, actor, items[i].key, parsed.input, now, events);
          if (isOutcome<R>(run)) out[i] = run;
          else ready.push({ i, run, events, before: auditBefore(run) });
        }
        const results = ready.length ? await applyMany(ready.map((x) => x.run)) : [];
        if (results.length !== ready.length) throw new Error(`${spec.name}: applyMany gave ${results.length} results for ${ready.length} runs`);
        const events: DomainEvent[] = [];
        for (let k = 0; k < ready.length; k++) {
          const outcome = await settle(ready[k].run, results[k], ready[k].before);
          out[ready[k].i] = outcome;
          if (outcome.ok) events.push(...ready[k].events);
        }
        if (events.length) await publisher(ctx, actor, events, now);
        return { ok: true as const, value: out };
      });
      if (!r.ok) throw new Error(`${spec.name}: a batch cannot fail as a whole`);
      return r.value;
    } catch {
      // The batch rolled back (its savepoint): the careful way, each subject alone with its own outcome.
      return oneByOne(ctx, actor, items);
    }
  };

  return Object.assign(one, { many });
}

/**
 * Runs `fn` in a transaction; a failure outcome (returned, or thrown with `fail`) rolls back and becomes the result.
 * Inside another transaction it runs in a savepoint, so a sweep can mark its work and act in one transaction.
 */
export async function inTransaction<T>(ctx: CoreContext, fn: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  const outer = currentTransaction();
  try {
    return await ctx.db.sequelize.transaction(outer ? { transaction: outer } : {}, async () => {
      const result = await fn();
      if (!result.ok) throw new OutcomeError(result);
      return result;
    });
  } catch (e) {
    if (e instanceof OutcomeError) return e.outcome;
    throw e;
  }
}

/** Fails the running use case with an outcome (rolls the transaction back). */
export function fail(outcome: Outcome<never>): never {
  if (outcome.ok) throw new Error('fail() needs a failure');
  throw new OutcomeError(outcome);
}

/** Reads a positive database id from a route parameter or key; anything else is no id (→ 404 by `load`). */
export function idOf(key: unknown): number | null {
  const n = typeof key === 'number' ? key : typeof key === 'string' && /^\d{1,10}$/.test(key) ? Number(key) : NaN;
  return Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
}

/** Declares a use case without a subject to load (creating, publishing): it runs as `(ctx, actor, input)`. */
export function plainUseCase<Schema extends z.ZodType, R>(
  spec: Omit<UseCaseSpec<Schema, undefined, R, never>, 'load' | 'notFound' | 'visible'>,
): (ctx: CoreContext, actor: Actor, input?: unknown) => Promise<Outcome<R>> {
  const run = useCase<Schema, undefined, R, null>(spec);
  return (ctx, actor, input) => run(ctx, actor, null, input);
}
