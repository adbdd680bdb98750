/** 申请附议 12: a deputy asks the lead author to be added as a co-signer. */
import type { Turn } from '../turn';
import { needId } from './util';

/** Sends the request to join; the lead author decides. */
export async function join(t: Turn): Promise<void> {
  const id = needId(t, '申请附议 12');
  if (id === undefined) return;
  const s = await t.api.act(id, 'join', {});
  t.say(`已向建议 ${s.id}《${s.title}》的领衔代表申请附议，对方同意后你会收到消息。`);
}
