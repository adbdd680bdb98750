/** 协办意见 12 意见内容: a co-handler's opinion to the lead department. */
import type { Turn } from '../turn';
import { askFor, needId } from './util';

/** Gives the co-handler opinion. */
export async function opinion(t: Turn): Promise<void> {
  const id = needId(t, '协办意见 12 我局负责资金保障');
  if (id === undefined) return;
  const text = t.u.slots.text;
  if (!text) return askFor(t, 'opinion', t.u.slots, 'text', `请发对建议 ${id} 的协办意见。`);
  await t.api.act(id, 'opinion', { opinion: text });
  t.say(`已向主办单位提交建议 ${id} 的协办意见。`);
}
