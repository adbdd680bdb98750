/** 12号不予立案 理由: the office refuses a suggestion (it becomes a reference item with the reason). */
import type { Turn } from '../turn';
import { askFor, needId } from './util';

/** Rejects a suggestion with a reason. */
export async function reject(t: Turn): Promise<void> {
  const id = needId(t, '12号不予立案 属于信访事项');
  if (id === undefined) return;
  const reason = t.u.slots.reason;
  if (!reason) return askFor(t, 'reject', t.u.slots, 'reason', `请写明建议 ${id} 不予立案的理由，代表会看到。`);
  await t.api.act(id, 'reject', { reason });
  t.say(`建议 ${id} 不予立案，已作为参阅件，理由已告知代表。`);
}
