/** 继续写建议: brings back a draft kept aside and asks for what is missing. */
import { prompt } from '../flows';
import type { Turn } from '../turn';

/** Resumes the parked (or active) draft. */
export async function resume(t: Turn): Promise<void> {
  const draft = t.session.parked ?? t.session.active;
  if (!draft) return t.say('没有没写完的建议。发“提建议”开始写一条。', { private: true });
  if (!(await t.commit({ active: draft, origin: t.session.origin }))) return;
  t.say(`接着写：\n${prompt(draft)}`, { private: true });
}
