/**
 * A message that arrives while a conversation is open: is it the next piece of the draft, an answer to the
 * bot's question, a cancel, or a new command? A new command in the middle of a draft with content asks whether
 * to keep the draft (kept drafts come back with `继续写建议`); light questions are simply replaced.
 */
import { hasCommandPrefix } from '../nlu/normalize';
import { readSlots } from '../nlu/slots';
import { CANCELLED, intentPhrase } from '../replies';
import { hasContent, type ChatSession, type Flow } from '../session';
import type { Turn } from '../turn';
import { answerStep } from './answer';
import { pickQuestionnaireStep, questionnaireStep, questionText } from './questionnaire';
import { suggestStep } from './suggest';

/** What a flow is waiting for, as a prompt. */
export function prompt(f: Flow): string {
  switch (f.flow) {
    case 'suggest':
      return f.step === 'title' ? '请发建议的标题。' : f.step === 'body' ? `标题：${f.title}\n请发建议的具体内容。` : `标题：${f.title}\n内容：${(f.body ?? '').slice(0, 300)}\n回复“确认”提交，“取消”放弃。`;
    case 'answer':
      return f.step === 'class' ? `建议 ${f.id} 的答复：请回复类别 A、B、C 或 D。` : f.step === 'text' ? `建议 ${f.id} 的答复（${f.answerClass} 类）：请发答复正文。` : `建议 ${f.id} 的答复预览：\n${f.text}\n回复“确认”正式答复。`;
    case 'questionnaire':
      return questionText(f, f.index);
    default:
      return '请接着回复刚才的问题。';
  }
}

/** Whether the flow waits for free text (a title, a body, an answer text, a written answer). */
function wantsText(f: Flow): boolean {
  if (f.flow === 'suggest') return f.step !== 'confirm';
  if (f.flow === 'answer') return f.step === 'text';
  if (f.flow === 'questionnaire') return ['text', 'longtext'].includes(f.questions[f.index]?.type);
  return f.flow === 'need';
}

const FLOW_INPUTS = new Set(['none', 'yes', 'no', 'skip', 'numbers', 'resume', 'help']);

/** Whether the message is a new command rather than the next piece of the open flow. */
export function isNewCommand(t: Turn, f: Flow): boolean {
  const u = t.u;
  if (FLOW_INPUTS.has(u.intent)) return false;
  if (u.intent === 'cosign' && f.flow === 'suggest') return false;
  if (u.intent === 'ack' && !u.slots.id) return false;
  if (f.flow === 'answer' && f.step === 'class' && /^[a-dA-D]\s*类?$/.test(u.canonical)) return false;
  if (wantsText(f)) return u.confidence >= 0.6 && ([...u.canonical].length <= 12 || hasCommandPrefix(t.msg.text));
  return u.confidence >= 0.4;
}

const KEEP = /^(?:保存|保留|留着|存着|存草稿|保存草稿|要|是|好|好的|对|可以|行|嗯|先存着|存一下)|^1$/;
const DROP = /不要|放弃|删掉|删了|不用|不保存|不存|扔了|算了|^2$/;
const BACK = /^(?:还是)?(?:先)?(?:继续|接着|回去|回到)(?:写|填)?|先写完|写完再说/;
/** Yes to a single offer, in the words the classifier may read otherwise (要, 嗯, 写吧). */
const TAKE = /^(?=.)(?:好的?|好啊|好吧|嗯+|要的?|对的?|是的|行吧|麻烦了|那就)?(?:写吧?|写成建议吧?|帮我写吧?)?$/;
const SUBMIT = /提交|发出|发送|交上去|交了|发吧|就这样/;

/**
 * Handles a message while a conversation is open. Returns the command text to run afterwards (a new command
 * once the draft question is settled), or null when the message was handled.
 */
export async function continueFlow(t: Turn, session: ChatSession): Promise<{ run: string } | { runHere: true } | null> {
  let s = session;
  const f = s.active!;
  if (s.pending) {
    const answer = t.u.canonical;
    // Back to the draft instead (继续写, 接着写; or a piece of it: 附议 …, 提交 at the confirming step): the command
    // said in between is dropped and the message goes to the draft.
    const submitting = 'step' in f && f.step === 'confirm' && SUBMIT.test(answer) && !DROP.test(answer);
    if (t.u.intent === 'resume' || BACK.test(answer) || (t.u.intent === 'cosign' && f.flow === 'suggest') || submitting) {
      s = { ...s, pending: undefined };
      if (!(await t.commit(s))) return null;
      if (t.u.intent === 'resume' || (BACK.test(answer) && !submitting && t.u.intent !== 'cosign')) {
        t.say(`好的，接着写。${prompt(f)}`, { private: true });
        return null;
      }
    }
  }
  if (s.pending) {
    const answer = t.u.canonical;
    if (DROP.test(answer) || (!KEEP.test(answer) && t.u.intent === 'no')) {
      if (!(await t.commit({ parked: s.parked, origin: s.origin }))) return null;
      t.say('好的，草稿已放弃。', { private: true });
      return { run: s.pending };
    }
    if (KEEP.test(answer) || t.u.intent === 'yes') {
      if (!(await t.commit({ parked: f, origin: s.origin }))) return null;
      t.say('草稿已保存，想接着写时发“继续写建议”。', { private: true });
      return { run: s.pending };
    }
    t.say(`请回复“保存”（稍后发“继续写建议”接着写）或“不要”（放弃草稿）。`, { private: true });
    return null;
  }
  if (t.u.intent === 'no' && f.flow !== 'clarify') {
    if (!(await t.commit(s.parked ? { parked: s.parked, origin: s.origin } : null))) return null;
    t.say(f.flow === 'answer' && f.step === 'confirm' ? '好的，暂不发布，答复草稿已保存。' : CANCELLED, { private: true });
    return null;
  }
  if (t.u.intent === 'help') return { runHere: true };
  if (t.u.intent === 'resume') return { runHere: true };
  if (f.flow === 'clarify') {
    // One offer (写成建议吗？): yes takes it, no declines it; two guesses are picked by number.
    const single = f.options.length === 1;
    const taken = single && (t.u.intent === 'yes' || t.u.intent === f.options[0].intent || TAKE.test(t.u.text.replace(/[\s\p{P}]/gu, '')));
    if (single && !taken && t.u.intent === 'no') {
      if (!(await t.finish())) return null;
      t.say('好的，不写了。', { private: true });
      return null;
    }
    const pick = t.u.intent === 'numbers' ? (t.u.slots.values?.[0] ?? 0) : taken ? 1 : 0;
    if (pick >= 1 && pick <= f.options.length) {
      if (!(await t.finish())) return null;
      const o = f.options[pick - 1];
      await t.rerun(o.intent, o.slots);
      return null;
    }
    if (!(await t.finish())) return null;
    return { runHere: true };
  }
  if (isNewCommand(t, f)) {
    if (hasContent(f)) {
      if (!(await t.commit({ ...s, pending: t.msg.text }))) return null;
      const what = f.flow === 'suggest' ? `你正在写的建议《${f.title}》还没提交` : f.flow === 'answer' ? `建议 ${f.id} 的答复还没发布` : '你正在填的问卷还没提交';
      t.say(`${what}。要先保存草稿吗？回复“保存”稍后发“继续写建议”接着写，回复“不要”放弃；然后我再帮你${intentPhrase(t.u.intent, t.u.slots)}。`, { private: true });
      return null;
    }
    if (!(await t.commit(s.parked ? { parked: s.parked, origin: s.origin } : null))) return null;
    return { runHere: true };
  }
  switch (f.flow) {
    case 'suggest':
      await suggestStep(t, f);
      return null;
    case 'answer':
      await answerStep(t, f);
      return null;
    case 'questionnaire':
      await questionnaireStep(t, f);
      return null;
    case 'pick-questionnaire':
      await pickQuestionnaireStep(t, f);
      return null;
    case 'pick-person': {
      const i = t.u.intent === 'numbers' ? (t.u.slots.values?.[0] ?? 0) - 1 : -1;
      const p = f.options[i];
      if (!p) {
        t.say(`请回复 1 到 ${f.options.length} 之间的序号。`, { private: true });
        return null;
      }
      const back = f.back as Extract<Flow, { flow: 'suggest' }>;
      const next = { ...back, cosigners: [...(back.cosigners ?? []).filter((c) => c.username !== p.username), { username: p.username, name: p.name }] };
      if (!(await t.start(next))) return null;
      t.say(`已添加附议：${next.cosigners.map((c) => c.name).join('、')}。${next.step === 'confirm' ? '回复“确认”提交。' : ''}`, { private: true });
      return null;
    }
    case 'need': {
      const reread = readSlots(f.intent, t.u.canonical, t.u.text, t.now());
      // Asked for a rating, the person wrote something that is none (a new matter, a question): the question is
      // dropped and the message read on its own, rather than taken as the comment and the question asked again.
      if (f.intent === 'rate' && !f.slots.rating && !reread.rating) {
        if (!(await t.finish())) return null;
        return { runHere: true };
      }
      const fresh = Object.fromEntries(Object.entries(reread).filter(([k]) => !(k in f.slots)));
      const slots = { ...f.slots, ...fresh, ...(f.field in fresh ? {} : Object.keys(fresh).length ? {} : { [f.field]: t.u.text }) };
      if (!(await t.finish())) return null;
      await t.rerun(f.intent, slots);
      return null;
    }
    default:
      return { runHere: true };
  }
}
