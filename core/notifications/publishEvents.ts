/**
 * The event publisher: for each domain event, the event table's audiences are resolved to people and notified on
 * the table's channels, in the transaction of the change. Installed in the kernel at boot (`setEventPublisher`);
 * the sweeps call it directly for the reminders they raise.
 */
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
  type EventView,
} from './eventSubjects';
import { notify } from './notify';

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

/** Notifies the audiences of `events`; returns how many people were newly notified. Events nobody hears are skipped. */
export async function publishEvents(actor: Actor | null, events: DomainEvent[], now: Date): Promise<number> {
  let count = 0;
  for (const event of events) {
    const subj = event.ref && SUBJECTS[event.ref.type];
    const row = subj?.rows[event.type];
    if (!subj || !row || !event.ref) continue;
    const data = event.data ?? {};
    const v = await subj.load({ event, actor, now, data, note: typeof data.note === 'string' ? data.note : '' }, event.ref.id);
    if (!v) continue;
    const key = typeof data.key === 'string' ? data.key : row.key(v);
    const kind = row.kind ? row.kind(v) : event.type;
    for (const rule of row.rules) {
      if (rule.when && !rule.when(v)) continue;
      const people = (await subj.audiences[rule.to](v)).filter((id) => !(subj.skipActor && actor && id === actor.id));
      if (!people.length) continue;
      const { title, body } = rule.say(v);
      count += await notify(people, { kind, title, body, refType: event.ref.type, refId: event.ref.id, key, channels: rule.channels, urgent: rule.urgent?.(v) ?? false }, now);
    }
  }
  return count;
}
