/** 同意附议 12 / 谢绝附议 12: a deputy answers an invitation to co-sign. */
import type { Turn } from '../turn';
import { needId } from './util';

/** Accepts or declines the invitation; the lead author hears of it. */
export async function answerCosign(t: Turn): Promise<void> {
  const accept = t.u.slots.accept !== 'no';
  const id = needId(t, accept ? '同意附议 12' : '谢绝附议 12');
  if (id === undefined) return;
  const s = await t.api.act(id, 'cosign', { accept });
  t.say(accept ? `已同意附议建议 ${s.id}《${s.title}》，领衔代表会收到消息。` : `已谢绝附议建议 ${s.id}《${s.title}》，领衔代表会收到消息。`);
}
