/** 立案 12: the office accepts a suggestion after review. */
import type { Turn } from '../turn';
import { needId } from './util';

/** Accepts (立案) a submitted suggestion. */
export async function accept(t: Turn): Promise<void> {
  const id = needId(t, '立案 12');
  if (id === undefined) return;
  await t.api.act(id, 'accept', {});
  t.say(`建议 ${id} 已立案，等待分办。发“确认 ${id}”按推荐交办，或“改派 ${id} 单位名”。`);
}
