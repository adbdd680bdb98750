/**
 * A conversation's state (a suggestion being written, a survey half answered, an answer being previewed, a
 * question the bot asked), kept in the API's session store so that a restart loses nothing, with a copy in the
 * bot so that a message costs no extra call to read it. Every write tells whether what it replaced had expired
 * (the API's clock decides), so the copy never acts on an expired draft.
 */
import type { ApiClient, QuestionnaireDetail } from '../contracts/client';
import type { Slots } from './nlu/slots';

export type Flow =
  | { flow: 'suggest'; step: 'title' | 'body' | 'confirm'; title?: string; body?: string; cosigners?: { username: string; name: string }[]; lead?: string }
  | { flow: 'questionnaire'; id: number; kind: string; title: string; index: number; answers: Record<string, string | number | number[]>; questions: QuestionnaireDetail['questions'] }
  | { flow: 'pick-questionnaire'; ids: number[] }
  | { flow: 'answer'; id: number; step: 'class' | 'text' | 'confirm'; answerClass?: string; text?: string }
  /** One missing piece of a command (a reason, a summary): the next message supplies it. */
  | { flow: 'need'; intent: string; slots: Slots; field: 'reason' | 'comment' | 'summary' | 'text' }
  /** Two readings were close: the person answers 1 or 2. */
  | { flow: 'clarify'; options: { intent: string; slots: Slots }[] }
  /** A name matched more than one person: the person answers with a number. */
  | { flow: 'pick-person'; said: string; options: { username: string; name: string; desc: string }[]; back: Flow };

export interface ChatSession {
  active?: Flow;
  /** A draft kept aside when the person went on to something else; `继续写建议` brings it back. */
  parked?: Flow;
  /** A command said in the middle of a draft, waiting for the answer to “keep the draft?”. */
  pending?: string;
  /** The group a conversation was started in (it continues privately; what is typed there is not lost). */
  origin?: string;
}

const PARKED_TTL_S = 7 * 86400;

/** Whether a flow holds something the person wrote (then a new command asks before dropping it). */
export function hasContent(f: Flow | undefined): boolean {
  if (!f) return false;
  if (f.flow === 'suggest') return Boolean(f.title);
  if (f.flow === 'answer') return Boolean(f.answerClass || f.text);
  if (f.flow === 'questionnaire') return f.index > 0;
  if (f.flow === 'pick-person') return hasContent(f.back);
  return false;
}

/** The session copies of one bot process, written through to the API. */
export class SessionStore {
  private readonly copies = new Map<string, ChatSession>();

  constructor(private readonly service: () => Promise<ApiClient>) {}

  /** Whether the bot holds a copy for `key` (false after a restart until the sender's token is fetched). */
  known(key: string): boolean {
    return this.copies.has(key);
  }

  /** The copy for `key` (empty when there is none). */
  get(key: string): ChatSession {
    return this.copies.get(key) ?? {};
  }

  /** Takes the state the API returned with the sender's token. */
  adopt(key: string, data: Record<string, unknown> | null): void {
    this.copies.set(key, (data as ChatSession | null) ?? {});
  }

  /** Forgets a copy (an expired state, a token renewed). */
  forget(key: string): void {
    this.copies.delete(key);
  }

  /**
   * Stores `next` (or ends the session when it is empty); returns false when the state it replaced had expired,
   * in which case nothing of it should be acted on.
   */
  async commit(key: string, next: ChatSession | null): Promise<boolean> {
    const api = await this.service();
    const empty = !next || (!next.active && !next.parked);
    const had = this.copies.get(key);
    const r = empty ? (had && (had.active || had.parked) ? await api.endSession(key) : { expired: false }) : await api.saveSession(key, next as unknown as Record<string, unknown>, next.parked ? PARKED_TTL_S : undefined);
    this.copies.set(key, empty ? {} : next);
    return !r.expired;
  }
}
