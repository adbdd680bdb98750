/**
 * A message that is not a command but a description of a problem ("反映一个问题：小区门口路灯坏了三个月…"): a
 * deputy is offered to write it up as a suggestion (the text becomes its content); a citizen is shown where
 * to write to their deputy. Short chatter is left to the not-understood reply.
 */
import type { Turn } from '../turn';

/** Han characters a message needs before it is taken as a description rather than chatter (after a lead-in, fewer). */
const MIN_HAN = 12;
const MIN_HAN_ANNOUNCED = 6;
/** A lead-in that only announces the problem ("反映一个问题：", "有个情况想跟你们说一下，"). */
const LEAD_IN =
  /^(?:你好|您好|领导)?[，,！!\s]*(?:我|俺|咱)?(?:想|要|来)?(?:跟你们|向你们|和你们|给你们|跟您|向您)?(?:反映|反应|说|讲|报告|提)(?:一下|下)?(?:一|1)?(?:个|件|点)?(?:问题|情况|事情|事儿|事)?[：:，,。！!\s]+|^(?:有|我有)(?:一|1)?(?:个|件)(?:问题|情况|事情|事儿|事)(?:想|要)?(?:跟|向|和|给)?(?:你们|您|你)?(?:说|反映|讲|报告)?(?:一下|下)?[：:，,。！!\s]+/;

/** The description without its lead-in, or null when the message is too short to be one. */
export function describedProblem(text: string): string | null {
  const body = text.trim().replace(LEAD_IN, '').trim();
  const han = body.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han >= (body === text.trim() ? MIN_HAN : MIN_HAN_ANNOUNCED) ? body : null;
}

/** Offers to turn a described problem into a suggestion; false when the message is not a description. */
export async function describe(t: Turn): Promise<boolean> {
  const body = describedProblem(t.u.text);
  if (!body) return false;
  if (t.role === 'citizen') {
    t.say('想向代表反映问题，请在“履职通”小程序首页点“找代表”，选你的代表或联络站把情况写给他们；写好后可以在这里发“我的反映”查看进展。');
    return true;
  }
  if (t.role !== 'deputy') return false;
  if (!(await t.start({ flow: 'clarify', options: [{ intent: 'suggest', slots: { body } }] }))) return true;
  t.say(`要把这段话写成一条建议吗？回复“是”，我把它记作建议内容，再请你补一句标题；不需要就回复“不用”。`, { private: true });
  return true;
}
