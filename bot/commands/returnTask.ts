/** 退回 12 不属于本单位职责. */
import type { Turn } from '../turn';
import { askFor, needId } from './util';

/** Returns a task to the office with a reason. */
export async function returnTask(t: Turn): Promise<void> {
  const id = needId(t, '退回 12 不属于本单位职责');
  if (id === undefined) return;
  const reason = t.u.slots.reason;
  if (!reason) return askFor(t, 'return', t.u.slots, 'reason', `请写明退回理由，例如：不属于本单位职责，建议由某某局办理`);
  await t.api.act(id, 'return', { reason });
  t.say(`已退回建议 ${id}，人大将重新交办。`);
}
