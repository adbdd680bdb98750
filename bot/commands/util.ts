/** Small helpers the commands share: asking for a missing id or piece of text. */
import type { Slots } from '../nlu/slots';
import type { Turn } from '../turn';

/** The id of the message, or asks for it (and returns undefined). */
export function needId(t: Turn, example: string): number | undefined {
  if (t.u.slots.id !== undefined) return t.u.slots.id;
  t.say(`请告诉我编号，例如：${example}`);
  return undefined;
}

/** Asks for one missing piece of text; the next message supplies it and the command runs again. */
export async function askFor(t: Turn, intent: string, slots: Slots, field: 'reason' | 'comment' | 'summary' | 'text', prompt: string): Promise<void> {
  if (!(await t.start({ flow: 'need', intent, slots, field }))) return;
  t.say(prompt);
}
