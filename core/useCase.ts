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

/** A runnable use case: `(ctx, actor, key, input)`. */
export type UseCase<R, K = number> = (ctx: CoreContext, actor: Actor, key: K, input?: unknown) => Promise<Outcome<R>>;

function isOutcome<R>(v: unknown): v is Outcome<R> {
  return typeof v === 'object' && v !== null && 'ok' in v && typeof (v as { ok: unknown }).ok === 'boolean' && ('value' in v || 'kind' in v);
}

/** Declares a use case; the returned function runs the kernel's steps in one transaction. */
export function useCase<Schema extends z.ZodType, S = undefined, R = unknown, K = number | undefined>(spec: UseCaseSpec<Schema, S, R, K>): UseCase<R, K> {
  return async (ctx, actor, key, rawInput) => {
    let input: z.output<Schema> = rawInput as z.output<Schema>;
    if (spec.input) {
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) return invalid(formatZodError(parsed.error));
      input = parsed.data;
    }
    const steps = async (): Promise<Outcome<R>> => {
      let subject = undefined as S;
      if (spec.load) {
        const found = await spec.load(key, ctx, actor);
        if (found === null || found === undefined || (spec.visible && !spec.visible(actor, found))) {
          return notFound(spec.notFound ?? '没有找到');
        }
        subject = found;
      }
      const now = ctx.clock.now();
      const events: DomainEvent[] = [];
      const run: UseCaseRun<z.output<Schema>, S> = { ctx, actor, input, subject, now, today: chinaDate(now), emit: (e) => void events.push(e) };
      const who = spec.who ? await spec.who(run) : null;
      if (who) return forbidden(who);
      const when = spec.when ? await spec.when(run) : null;
      if (when) return conflict(when);
      const before = spec.audit?.before && subject !== undefined ? spec.audit.before(subject) : null;
      const result = await spec.apply(run);
      const outcome: Outcome<R> = isOutcome<R>(result) ? result : { ok: true, value: result as R };
      if (outcome.ok && spec.audit) {
        const after = spec.audit.after(outcome.value);
        await recordAudit({ actor, action: spec.name, object: { type: spec.audit.object, id: after.id ?? before?.id ?? null }, before, after, at: now });
      }
      if (outcome.ok && events.length) await publisher(ctx, actor, events, now);
      return outcome;
    };
    return spec.readOnly ? steps() : inTransaction<R>(ctx, steps);
  };
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
