/**
 * Chat understanding: normalise → intent (rules where a rule is clearer, else the classifier, limited to what
 * the person's role can do) → typed slots. Pure given a trained model; the engine resolves names and ids
 * against the API and decides what an intent means inside a conversation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntentModel, type Example, type Prediction } from './classifier';
import { canonical, normalize } from './normalize';
import { readSlots, type Slots } from './slots';

export const CORPUS_DIR = path.join(__dirname, '..', 'corpus');

/** What each role can ask for (the classifier only chooses among these); `none` is chatter or content. */
export const ROLE_INTENTS: Record<string, readonly string[]> = {
  deputy: ['help', 'bind', 'suggest', 'resume', 'mySuggestions', 'showSuggestion', 'rate', 'notices', 'ack', 'surveys', 'ballots', 'meetings', 'attend', 'leave', 'checkin', 'cosign', 'answerCosign', 'join', 'withdraw', 'forward', 'yes', 'no', 'skip', 'none'],
  citizen: ['help', 'bind', 'mySuggestions', 'showSuggestion', 'rate', 'notices', 'ack', 'yes', 'no', 'none'],
  staff: ['help', 'bind', 'tasks', 'showSuggestion', 'sign', 'return', 'answer', 'extend', 'consult', 'opinion', 'notices', 'ack', 'meetings', 'yes', 'no', 'skip', 'none'],
  office: ['help', 'bind', 'queue', 'showSuggestion', 'accept', 'reject', 'confirm', 'reassign', 'urge', 'notices', 'ack', 'meetings', 'yes', 'no', 'none'],
};

/** Verbs that name one act whatever else the message says (checked when the model only sees "an id"). */
const ACTION_VERBS: [RegExp, string][] = [
  [/改派|改交|改由|重新交办|重新分/, 'reassign'],
  [/不予立案|不立案|驳回|参阅件|审查不通过/, 'reject'],
  [/立案|审查通过/, 'accept'],
  [/催办|督办|催促|催一下|催催|提醒.{0,3}(?:承办|办理)?(?:单位|部门)/, 'urge'],
  [/确认分办|同意分办|分办确认/, 'confirm'],
  [/签收/, 'sign'],
  [/退回|退办/, 'return'],
  [/延期|延长/, 'extend'],
  [/面商/, 'consult'],
  [/协办意见/, 'opinion'],
  [/请假/, 'leave'],
  [/不满意|基本满意|满意/, 'rate'],
  [/转成建议|转为建议|转建议/, 'forward'],
  [/撤回|撤销|撤掉|撤下来|撤了/, 'withdraw'],
  [/同意附议|附议.*(?:同意|接受|参加)|(?:不参加|谢绝|婉拒|拒绝|不).{0,6}附议|附议邀请/, 'answerCosign'],
  [/申请附议|申请联名|我也.{0,3}(?:附议|联名)|加入.{0,4}(?:附议|联名)/, 'join'],
];

/** The act another role does that `t` opens with (within its first three characters) on a suggestion it numbers, as slots. */
function othersAct(t: string, text: string, allowed: ReadonlySet<string>, now: Date): Slots | null {
  for (const [re, intent] of ACTION_VERBS) {
    const m = re.exec(t);
    if (!m || m.index > 2 || allowed.has(intent)) continue;
    const id = readSlots(intent, t, text, now).id;
    return id === undefined ? null : { act: intent, id };
  }
  return null;
}

export interface CorpusLine {
  role: string;
  intent: string;
  text: string;
  slots: Record<string, string>;
}

/** Reads `intent :: text :: k=v|k=v` lines of every role file in a corpus folder (`train` or `heldout`). */
export function readCorpus(part: 'train' | 'heldout', dir = CORPUS_DIR): CorpusLine[] {
  const folder = path.join(dir, part);
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) =>
      fs
        .readFileSync(path.join(folder, f), 'utf8')
        .split('\n')
        .filter((l) => l.includes(' :: '))
        .map((l) => {
          const [intent, text, slots] = l.split(' :: ');
          const kv = Object.fromEntries((slots ?? '').split('|').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
          return { role: f.replace(/\.txt$/, ''), intent: intent.trim(), text: text.trim(), slots: kv };
        }),
    );
}

export interface Understanding {
  intent: string;
  /** The classifier's probability for the intent (1 for a rule). */
  confidence: number;
  /** The runners-up, best first. */
  alternatives: Prediction[];
  slots: Slots;
  /** The text as written, lightly normalised (for content: titles, answers). */
  text: string;
  /** The canonical text the classifier saw. */
  canonical: string;
}

/** How a question ends in chat: 吗, 没, 没有, 了没, 呢, or a question mark. */
const QUESTION = /(?:吗|没|没有|了没|呢|[?？])\s*$/;

/** The understanding layer with its trained model. */
export class Understander {
  private readonly allowed = new Map<string, Set<string>>();

  constructor(private readonly model: IntentModel) {
    for (const [role, intents] of Object.entries(ROLE_INTENTS)) this.allowed.set(role, new Set(intents));
  }

  /** Trains on the corpus's train part (what the bot does at start-up). */
  static fromCorpus(dir = CORPUS_DIR): Understander {
    const examples: Example[] = readCorpus('train', dir).map((l) => ({ intent: l.intent, text: canonical(l.text) }));
    return new Understander(IntentModel.train(examples));
  }

  /** Understands one message from someone in `role` (undefined: not yet known, every intent allowed). */
  understand(raw: string, role?: string, now: Date = new Date()): Understanding {
    const text = normalize(raw);
    const t = canonical(raw);
    const rule = this.rule(t);
    const allowed = role ? this.allowed.get(role) : undefined;
    let ranked: Prediction[];
    if (rule) ranked = [{ intent: rule, p: 1 }];
    else if (!t) ranked = [{ intent: 'none', p: 1 }];
    else ranked = this.model.predict(t, allowed);
    // Opening with another role's act on a numbered suggestion (a deputy writing 驳回 1 …): say whose act it is,
    // rather than read the rest as something this person can do.
    const others = !rule && allowed ? othersAct(t, text, allowed, now) : null;
    if (others) return { intent: 'othersAct', confidence: 1, alternatives: [], slots: others, text, canonical: t };
    // A clear action verb beats "look at it": 20号建议改派卫健委 is a reassignment, not a question about 20. And a
    // message that opens with an action verb and names a suggestion is that act, even when the model sees nothing
    // it knows (驳回 7 内容太简单), while a description that merely contains such a word stays content.
    if (!rule && (ranked[0].intent === 'showSuggestion' || ranked[0].intent === 'none')) {
      const opening = ranked[0].intent === 'none';
      const verb = ACTION_VERBS.find(([re, intent]) => {
        const m = re.exec(t);
        if (!m || (allowed && !allowed.has(intent))) return false;
        return !opening || (m.index <= 2 && readSlots(intent, t, text, now).id !== undefined);
      });
      if (verb) ranked = [{ intent: verb[1], p: Math.max(ranked[0].p, 0.5) }, ...ranked.filter((r) => r.intent !== verb[1])];
    }
    // A question about an answer that names no rating (1号的答复出来没, 答复了吗) asks how it stands; it does not rate.
    if (ranked[0].intent === 'rate' && QUESTION.test(t) && !readSlots('rate', t, text, now).rating && (!allowed || allowed.has('showSuggestion'))) {
      ranked = [{ intent: 'showSuggestion', p: ranked[0].p }, ...ranked.filter((r) => r.intent !== 'showSuggestion')];
    }
    const intent = ranked[0].intent;
    return { intent, confidence: ranked[0].p, alternatives: ranked.slice(1, 4), slots: readSlots(intent, t, text, now), text, canonical: t };
  }

  /** The slots `intent` would take from an understood message (for a second guess). */
  slotsFor(intent: string, u: Understanding, now: Date = new Date()): Slots {
    return readSlots(intent, u.canonical, u.text, now);
  }

  /** Rules where a rule is clearer than a model: numbers alone, a binding code, an answer class letter. */
  private rule(t: string): string | null {
    if (/^\d+(?:\s*[,，、\s]\s*\d+)*$/.test(t)) return 'numbers';
    if (/^[?？]+$/.test(t)) return 'help';
    // A command word first and content after it: 提建议 标题｜内容.
    if (/^(?:我要|我想|我|帮我|请)?(?:提|写|交|提交|起草)(?:一?个|一条|一件|条|件|份)?(?:代表)?建议(?:[\s:：,，|｜]|$)/.test(t)) return 'suggest';
    if (/^(?:绑定|bind)\s*(?:账号|帐号|码)?\s*[:：]?\s*\d{6}$/i.test(t)) return 'bind';
    if (/^[a-dA-D]\s*类?$/.test(t)) return 'none';
    return null;
  }
}

let shared: Understander | null = null;
/** The understanding layer trained once per process (engines share it). */
export function defaultUnderstander(): Understander {
  shared ??= Understander.fromCorpus();
  return shared;
}
