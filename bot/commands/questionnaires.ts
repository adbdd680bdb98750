/** 问卷 / 有问卷要填吗 / 票决: open surveys or ballots the person has not answered. */
import { startQuestionnaire } from '../flows/questionnaire';
import type { Turn } from '../turn';

/** Lists open surveys (or ballots); starts the only one at once. */
export async function questionnaires(t: Turn): Promise<void> {
  const ballots = t.u.intent === 'ballots';
  const kinds = ballots ? ['ballot'] : ['survey', 'evaluation'];
  const open = (await t.api.questionnaires()).items.filter((q) => kinds.includes(q.kind) && q.open && !q.answered);
  if (!open.length) return t.say(ballots ? '现在没有待投的票决。' : '现在没有待填写的问卷。', { private: true });
  if (open.length === 1) return startQuestionnaire(t, open[0].id);
  if (!(await t.start({ flow: 'pick-questionnaire', ids: open.map((q) => q.id) }))) return;
  t.say(`有 ${open.length} 份待完成：\n${open.map((q, i) => `${i + 1}. ${q.kindLabel}：${q.title}`).join('\n')}\n回复序号开始。`, { private: true });
}
