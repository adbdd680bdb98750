/** 催办 12 / 督办12号建议. */
import type { Turn } from '../turn';
import { needId } from './util';

/** Urges the departments of a suggestion. */
export async function urge(t: Turn): Promise<void> {
  const id = needId(t, '督办 12');
  if (id === undefined) return;
  await t.api.act(id, 'urge');
  t.say(`已催办建议 ${id}，承办单位会收到催办通知。`);
}
