/**
 * Chat text → intent, as a pure function over the understanding layer (bot/nlu): the intent the classifier
 * chose (any role) with its typed slots, in the shape the tests and tools read. No I/O here.
 */
import { defaultUnderstander } from './nlu/understand';
import { hasCommandPrefix, normalize, num } from './nlu/normalize';
import type { Rating } from './nlu/slots';

export type Intent =
  | { kind: 'help' }
  | { kind: 'bind'; code: string }
  | { kind: 'suggest'; title?: string; body?: string }
  | { kind: 'resume' }
  | { kind: 'mySuggestions' }
  | { kind: 'showSuggestion'; id: number }
  | { kind: 'rate'; id: number; rating: Rating; comment?: string }
  | { kind: 'notices' }
  | { kind: 'ack'; id?: number }
  | { kind: 'surveys' }
  | { kind: 'ballots' }
  | { kind: 'meetings' }
  | { kind: 'attend'; id: number }
  | { kind: 'leave'; id: number; reason?: string }
  | { kind: 'checkin'; code: string }
  | { kind: 'tasks' }
  | { kind: 'sign'; id: number }
  | { kind: 'return'; id: number; reason?: string }
  | { kind: 'answer'; id: number; answerClass?: 'A' | 'B' | 'C' | 'D'; text?: string }
  | { kind: 'extend'; id: number; months?: number; reason?: string }
  | { kind: 'consult'; id: number; method?: string; date?: string; summary?: string }
  | { kind: 'opinion'; id: number; text?: string }
  | { kind: 'queue' }
  | { kind: 'accept'; id: number }
  | { kind: 'reject'; id: number; reason?: string }
  | { kind: 'confirm'; id: number }
  | { kind: 'reassign'; id: number; departments: string[] }
  | { kind: 'urge'; id: number }
  | { kind: 'forward'; id: number }
  | { kind: 'cosign'; usernames: string[] }
  | { kind: 'yes' }
  | { kind: 'no' }
  | { kind: 'skip' }
  | { kind: 'numbers'; values: number[] }
  | { kind: 'text'; text: string };

/** Parses chat text into an intent (for any role). */
export function parseIntent(input: string): Intent {
  const u = defaultUnderstander().understand(input);
  const s = u.slots;
  switch (u.intent) {
    case 'none':
      return { kind: 'text', text: u.text };
    case 'numbers':
      return { kind: 'numbers', values: s.values ?? [] };
    case 'cosign':
      return { kind: 'cosign', usernames: s.people ?? [] };
    case 'reassign':
      return {
        kind: 'reassign',
        id: s.id!,
        // The names as said: split at separators, never inside a name at 和.
        departments: (s.departments ?? '').replace(/^(?:给|到|由)\s*/, '').split(/[\s,，、;；]+/).filter(Boolean),
      };
    default:
      return { kind: u.intent, ...s } as Intent;
  }
}

export { hasCommandPrefix, normalize, num };
