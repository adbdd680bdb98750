/** 撤回 12 / 12号建议不提了，撤回: the lead author takes back a suggestion not yet assigned. */
import type { Turn } from '../turn';
import { needId } from './util';

/** Withdraws a suggestion (the API says when it is too late: once assigned it is in the departments' hands). */
export async function withdraw(t: Turn): Promise<void> {
  const id = needId(t, '撤回 12');
  if (id === undefined) return;
  const s = await t.api.act(id, 'withdraw', t.u.slots.reason ? { reason: t.u.slots.reason } : {});
  t.say(`已撤回建议 ${s.id}《${s.title}》。想重新提时发“提建议”。`);
}
