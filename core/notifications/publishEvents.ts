/**
 * The event publisher: for each domain event, the event table's audiences are resolved to people and notified on
 * the table's channels, in the transaction of the change. Installed in the kernel at boot (`setEventPublisher`);
 * the sweeps call it directly for the reminders they raise.
 */
import { readableNote } from '../../contracts/format';
import type { Actor } from '../context';
import type { DomainEvent } from '../useCase';
import { MEETING_EVENTS, NOTICE_EVENTS, QUESTIONNAIRE_EVENTS, SUGGESTION_EVENTS, type Row } from './eventTable';
import {
  MEETING_AUDIENCES,
  NOTICE_AUDIENCES,
  QUESTIONNAIRE_AUDIENCES,
  SUGGESTION_AUDIENCES,
  meetingView,
  noticeView,
  questionnaireView,
  suggestionView,
  suggestionParts,
  type EventView,
} from './eventSubjects';
import { AsyncLocalStorage } from 'node:async_hooks';
import { audienceMemo, notifyMany } from './notify';

interface Subject<V extends EventView, A extends string> {
  load: (base: EventView, id: number) => Promise<V | null>;
  audiences: Record<A, (v: V) => Promise<number[]>>;
  rows: Record<string, Row<V, A>>;
  /** Whether the person who caused the event is left out of its audiences. */
  skipActor: boolean;
}

function subject<V extends EventView, A extends string>(s: Subject<V, A>) {
  return s as unknown as Subject<EventView, string>;
}

/** The kinds of subject an event can be about (`event.ref.type`). */
const SUBJECTS: Record<string, Subject<EventView, string>> = {
  suggestion: subject({ load: suggestionView, audiences: SUGGESTION_AUDIENCES, rows: SUGGESTION_EVENTS, skipActor: true }),
  meeting: subject({ load: meetingView, audiences: MEETING_AUDIENCES, rows: MEETING_EVENTS, skipActor: false }),
  questionnaire: subject({ load: questionnaireView, audiences: QUESTIONNAIRE_AUDIENCES, rows: QUESTIONNAIRE_EVENTS, skipActor: false }),
  notice: subject({ load: noticeView, audiences: NOTICE_AUDIENCES, rows: NOTICE_EVENTS, skipActor: false }),
};

/** Events queued by `publishingTogether`, to be published in one set-based round. */
const together = new AsyncLocalStorage<{ actor: Actor | null; events: DomainEvent[]; now: Date }[]>();

/**
 * Notifies the audiences of `events`; returns how many people were newly notified. Events nobody hears are skipped.
 * Inside `publishingTogether` the events are queued instead (and 0 is returned): they are published with the rest.
 */
export async function publishEvents(actor: Actor | null, events: DomainEvent[], now: Date): Promise<number> {
  const queue = together.getStore();
  if (queue) {
    queue.push({ actor, events, now });
    return 0;
  }
  return publish([{ actor, events, now }]);
}

/**
 * Runs `fn` (a sweep's batch, inside its transaction) with every event it raises queued, then publishes them all
 * at once before returning, in the same transaction: the subjects read in one statement per table, the audiences'
 * staff and offices read once, and every notification of the batch written by one fan-out. What is told to whom is
 * exactly what `publishEvents` would have told event by event (same table, same keys, same order).
 */
export async function publishingTogether<T>(fn: () => Promise<T>): Promise<{ value: T; notified: number }> {
  const queue: { actor: Actor | null; events: DomainEvent[]; now: Date }[] = [];
  const value = await together.run(queue, fn);
  const notified = queue.length ? await audienceMemo(() => publish(queue)) : 0;
  return { value, notified };
}

async function publish(batches: { actor: Actor | null; events: DomainEvent[]; now: Date }[]): Promise<number> {
  // The suggestions of the whole batch are read together; other subjects one by one.
  const suggestionIds = batches.flatMap((b) => b.events.filter((e) => e.ref?.type === 'suggestion' && SUBJECTS.suggestion.rows[e.type]).map((e) => e.ref!.id));
  const extraDepartments = batches.map((b) => b.actor?.departmentId).filter((x): x is number => typeof x === 'number');
  const preloaded = suggestionIds.length > 1 ? await suggestionParts(suggestionIds, extraDepartments) : null;
  const messages: Parameters<typeof notifyMany>[0] = [];
  for (const { actor, events, now } of batches) {
    for (const event of events) {
      const subj = event.ref && SUBJECTS[event.ref.type];
      const row = subj?.rows[event.type];
      if (!subj || !row || !event.ref) continue;
      const data = event.data ?? {};
      const base: EventView = { event, actor, now, data, note: typeof data.note === 'string' ? (readableNote(data.note) ?? '') : '' };
      const part = preloaded && event.ref.type === 'suggestion' ? preloaded.get(event.ref.id) : undefined;
      const v = part ? { ...base, ...part } : part === null ? null : await subj.load(base, event.ref.id);
      if (!v) continue;
      const key = typeof data.key === 'string' ? data.key : row.key(v);
      const kind = row.kind ? row.kind(v) : event.type;
      for (const rule of row.rules) {
        if (rule.when && !rule.when(v)) continue;
        const people = (await subj.audiences[rule.to](v)).filter((id) => !(subj.skipActor && actor && id === actor.id));
        if (!people.length) continue;
        const { title, body } = rule.say(v);
        messages.push({ userIds: people, msg: { kind, title, body, refType: event.ref.type, refId: event.ref.id, key, channels: rule.channels, urgent: rule.urgent?.(v) ?? false }, now });
      }
    }
  }
  return notifyMany(messages);
}
