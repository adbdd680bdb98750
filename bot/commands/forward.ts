/** 把15号群众意见转成建议: a deputy forwards a citizen's opinion to the congress as a suggestion. */
import type { Turn } from '../turn';
import { needId } from './util';

/** Forwards a citizen's opinion addressed to the deputy. */
export async function forward(t: Turn): Promise<void> {
  const id = needId(t, '把15号群众意见转成建议');
  if (id === undefined) return;
  const s = await t.api.act(id, 'forward', {});
  t.say(`已把群众意见 ${s.id}《${s.title}》作为建议提交人大，等待审查交办。`);
}
