/**
 * Typed slots read from canonical chat text, as pure functions: ids (`12号`, `第12件`, `建议 12`), ratings in
 * everyday words, months, dates in Beijing time (昨天, 上周五, 下周三, 12月5日), answer classes, consultation
 * methods, six-digit binding and check-in codes, people and department mentions, and the free text that is
 * left (a reason, a comment, a summary) once the command words are taken out. Resolving names against the
 * directory happens in `directory.ts`.
 */
import { chinaDay, inChina } from '../../contracts/format';

export type Rating = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export type ConsultMethod = 'visit' | 'phone' | 'meeting' | 'online';

export interface Slots {
  id?: number;
  rating?: Rating;
  comment?: string;
  reason?: string;
  months?: number;
  date?: string;
  answerClass?: 'A' | 'B' | 'C' | 'D';
  text?: string;
  title?: string;
  body?: string;
  method?: ConsultMethod;
  summary?: string;
  code?: string;
  people?: string[];
  /** The text naming departments (resolved against the directory by the command). */
  departments?: string;
  values?: number[];
  /** A co-signing invitation's answer. */
  accept?: 'yes' | 'no';
  /** Another role's act the message asked for (intent `othersAct`). */
  act?: string;
}

/** Numbers that are not ids: years, amounts, months and dates, durations, codes. */
const NOT_ID = /\d{4}年|\d+(?:\.\d+)?\s*(?:万|元|米|公里|%|岁|人|台|户|年|个?月(?!\d)|个工作日|天|分钟|小时)|\d+\s*月\s*\d+\s*[日号]?|\d+[-/.]\d+(?:[-/.]\d+)?/g;

/** Id expressions with the noun they count (`12号建议`, `第3件`, `会议 5`, `#7`), removed before reading free text. */
const ID_EXPR = /(?:第\s*)?\d{1,7}\s*(?:号|件|条|个|份)?\s*(?:建议|意见|会议|会|活动|视察|问题|通知|问卷)?|(?:建议|意见|会议|编号|通知)\s*(?:第\s*)?\d{1,7}\s*(?:号|件)?/g;

/** The id the message is about: `第12件`, `12号`, `建议 12`, or the only other number. */
export function readId(t: string, opts: { codes?: boolean } = {}): number | undefined {
  let s = t.replace(NOT_ID, ' ');
  if (opts.codes) s = s.replace(/\d{4,8}/g, ' ');
  const m =
    /第\s*(\d{1,7})/.exec(s) ??
    /(\d{1,7})\s*(?:号|件|条)/.exec(s) ??
    /(?:建议|意见|会议|编号|通知|问卷)\s*(\d{1,7})/.exec(s) ??
    /(?<![\d.])(\d{1,7})(?![\d.])/.exec(s);
  return m ? Number(m[1]) : undefined;
}

/** A six-digit binding code, or a 4–8 digit check-in code. */
export function readCode(t: string, kind: 'bind' | 'checkin'): string | undefined {
  const m = kind === 'bind' ? /(?<!\d)(\d{6})(?!\d)/.exec(t) : /(?<!\d)(\d{4,8})(?!\d)/.exec(t);
  return m?.[1];
}

const DISSATISFIED = /很不满意|非常不满意|不太满意|不大满意|不满意|不满|差评|不好|不行/;
const BASIC = /基本满意|比较满意|还行|还可以|还凑合|凑合|一般般?|马马虎虎|过得去|说得过去|将就/;
const SATISFIED = /非常满意|很满意|满意|好评|挺好|很好|点赞/;

/** The rating an everyday word means, and where it ends in the text. */
export function readRating(t: string): { rating: Rating; end: number } | undefined {
  for (const [re, rating] of [[DISSATISFIED, 'dissatisfied'], [BASIC, 'basically_satisfied'], [SATISFIED, 'satisfied']] as const) {
    const m = re.exec(t);
    if (m) return { rating, end: m.index + m[0].length };
  }
  return undefined;
}

/** Months of an extension: `2个月`, `两个月` (already digits), `3月` on its own. */
export function readMonths(t: string): number | undefined {
  const m = /(\d{1,2})\s*个\s*月/.exec(t) ?? /(?<![\d年])(\d)\s*月(?!\s*\d)(?![初底中])/.exec(t);
  return m ? Number(m[1]) : undefined;
}

const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };

/** A calendar date (YYYY-MM-DD, Beijing) said as 今天/昨天/前天, 上周五/下周三/周二, 12月5日, 12-5 or 2026-12-05. */
export function readDate(t: string, now: Date = new Date()): string | undefined {
  const today = new Date(`${chinaDay(now)}T00:00:00Z`);
  const shift = (days: number) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const rel: [RegExp, number][] = [[/大前天/, -3], [/前天/, -2], [/昨天|昨日/, -1], [/今天|今日/, 0], [/明天/, 1], [/后天/, 2]];
  for (const [re, d] of rel) if (re.test(t)) return shift(d);
  const w = /(上上|上|下|这|本)?\s*(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])/.exec(t);
  if (w) {
    const dow = inChina(today).getUTCDay() || 7;
    const week = w[1] === '上上' ? -2 : w[1] === '上' ? -1 : w[1] === '下' ? 1 : 0;
    return shift(week * 7 + WEEKDAY[w[2]] - dow);
  }
  const year = Number(chinaDay(now).slice(0, 4));
  const full = /(\d{4})\s*[年-]\s*(\d{1,2})\s*[月-]\s*(\d{1,2})/.exec(t);
  const md = full ? null : /(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/.exec(t) ?? /(?<![\d-])(\d{1,2})-(\d{1,2})(?![\d-])/.exec(t);
  const [y, m, d] = full ? [Number(full[1]), Number(full[2]), Number(full[3])] : md ? [year, Number(md[1]), Number(md[2])] : [];
  if (!y || !m || !d || m > 12 || d > 31) return undefined;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** How a consultation happened. */
export function readMethod(t: string): ConsultMethod | undefined {
  if (/电话|通话|打了个?电话/.test(t)) return 'phone';
  if (/视频|微信|网上|线上|在线|网络/.test(t)) return 'online';
  if (/座谈|开会|会议|会上|碰头会/.test(t)) return 'meeting';
  if (/上门|走访|当面|面对面|登门|实地|见面|现场/.test(t)) return 'visit';
  return undefined;
}

/** An answer class letter (`B`, `b类`, `A 类`). */
export function readAnswerClass(t: string): { cls: 'A' | 'B' | 'C' | 'D'; end: number } | undefined {
  const m = /(?<![a-zA-Z])([ABCDabcd])(?![a-zA-Z])\s*类?/.exec(t);
  return m ? { cls: m[1].toUpperCase() as 'A', end: m.index + m[0].length } : undefined;
}

const EDGE = /^[\s,，.。:：;；、!！?？~～\-—|｜]+|[\s,，.。:：;；、!！?？~～\-—|｜]+$/g;
const CONNECTOR = /^(?:理由是|理由|原因是|原因|因为|是因为|由于|主要是|意见是|意见[:：]|说明[:：]|备注[:：]|内容是|内容[:：])[:：]?\s*/;

/** Trims punctuation and connectors (理由是, 因为 …) off free text. */
export function cleanFree(s: string): string | undefined {
  let v = s.replace(EDGE, '');
  for (let i = 0; i < 2; i++) v = v.replace(CONNECTOR, '').replace(EDGE, '');
  return v || undefined;
}

/**
 * The free text left once id expressions, the intent's keywords and clauses made only of filler are taken out,
 * clauses joined by `，`.
 */
export function residual(t: string, keywords: RegExp, meta: RegExp = /^$/, metaClause?: RegExp): string | undefined {
  const kept = metaClause ? t.split(/[，,。；;：:\s]+/).filter((c) => !metaClause.test(c)).join('，') : t;
  const s = kept.replace(ID_EXPR, ' ').replace(keywords, ' ');
  const clauses = s
    .split(/[，,。；;：:\s]+/)
    .map((c) => cleanFree(c) ?? '')
    .filter((c) => c && !meta.test(c) && !/^(?:号|的|是|了|我|我们|把|给|请|帮我|提|一下|申请|已|已经|要|这个|那个|吧|呢|啊)+$/.test(c));
  return clauses.length ? clauses.join('，') : undefined;
}

/**
 * A request's ask-back tail (`能帮我提一条建议不`, `…可以吗`, `…行不行`, `…好吧`), which is part of the asking, not of the
 * suggestion's title.
 */
const ASK_BACK = /[\s,，。！!？?~～]*(?:(?:行|好|可以|能|成)(?:不行|不好|不可以|不能|不成)?(?:吗|么|嘛|吧|不|呀|啊|呢)?|不|吗|么|嘛|呗|吧|呀|啊|呢|哈|哦|噢|不\s*[?？])[\s,，。！!？?~～]*$/;

/** `rest` without its ask-back tail (applied twice: `行不行啊`). */
function withoutAskBack(rest: string): string {
  let v = rest;
  for (let i = 0; i < 2; i++) v = v.replace(ASK_BACK, '');
  return v;
}

/** A title says something: at least two characters once punctuation and filler words are taken out. */
function meaningfulTitle(title: string): boolean {
  const core = title.replace(/[\s\p{P}\p{S}]+/gu, '').replace(/那个|就是|一下|这个|嗯|啊|吧|呢|哈|哦|呀|吗|么|不/g, '');
  return [...core].length >= 2;
}

/** Splits `标题｜内容`, `标题：… 内容：…` or a first line and the rest into title and body. */
export function splitSuggestion(text: string): { title?: string; body?: string } {
  const t = text.trim().replace(/^[:：,，\s]+/, '');
  if (!t) return {};
  const labelled = /标题[:：]\s*([\s\S]+?)\s*(?:\n|[,，;；]\s*)?(?:内容|正文)[:：]\s*([\s\S]+)$/.exec(t);
  if (labelled) return { title: labelled[1].trim(), body: labelled[2].trim() };
  const lines = t.split(/\n+/);
  if (lines.length > 1) return { title: lines[0].replace(/^标题[:：]\s*/, '').trim(), body: lines.slice(1).join('\n').trim() };
  const bar = t.split(/\s*[|｜]\s*/);
  if (bar.length > 1) return { title: bar[0], body: bar.slice(1).join(' ') };
  const one = t.replace(/^(?:标题(?:是|为)?[:：]?)\s*/, '');
  // One long line, or sentences, is a letter, not a title: its first sentence is the title when short, else it is all content.
  const first = /^(.{4,60}?[。！？!?])\s*([\s\S]{10,})$/u.exec(one);
  if ([...one].length <= LONG_LINE && !first) return { title: one };
  return first ? { title: first[1].replace(/[。！？!?]$/, ''), body: first[2] } : { body: one };
}

/** Beyond this many characters a one-line message is read as content rather than as a title. */
const LONG_LINE = 60;

/** People named in a co-signing request: usernames as written, Chinese names without 代表. */
export function readPeople(t: string): string[] {
  const s = t
    .replace(/附议人|邀请|附议|加上|请|一起|联名的?有?|联名|的人|人[:：]|代表们?|还有|帮我|添加|增加|加/g, ' ')
    .replace(/[:：]/g, ' ');
  return s
    .split(/[\s,，、;；和及与跟同]+/)
    .map((x) => x.trim())
    .filter((x) => /^[a-zA-Z][\w.-]*$/.test(x) || /^[\u4e00-\u9fa5]{2,4}$/.test(x));
}

/** Extracts the slots an intent takes from canonical text `t` (`raw` is the lightly normalised text for content). */
export function readSlots(intent: string, t: string, raw: string, now: Date = new Date()): Slots {
  const s: Slots = {};
  const id = () => {
    const v = readId(t, { codes: intent === 'checkin' || intent === 'bind' });
    if (v !== undefined) s.id = v;
  };
  switch (intent) {
    case 'bind':
    case 'checkin': {
      const c = readCode(t, intent);
      if (c) s.code = c;
      break;
    }
    case 'suggest': {
      const m = /(?:提|写|交|提交|发|起草|新建|领衔提|建)\s*(?:一?个|一条|一件|一份|条|件|份)?\s*(?:代表)?建议(?:吧|了)?/.exec(raw);
      const lead = /^(?:代表建议|建议)\s*/.exec(raw);
      const rest = m ? raw.slice(m.index + m[0].length) : lead ? raw.slice(lead[0].length) : '';
      const about = /(?:提|写)(?:一?个|一条|一件)?(关于.{2,60}的建议)/.exec(raw);
      const named = /标题(?:是|为)[:：]?\s*(.+)$/.exec(raw);
      Object.assign(s, named ? { title: named[1].trim() } : about ? { title: about[1] } : splitSuggestion(withoutAskBack(rest)));
      if (s.title !== undefined && !meaningfulTitle(s.title)) delete s.title;
      break;
    }
    case 'rate': {
      id();
      const r = readRating(t);
      if (r) {
        s.rating = r.rating;
        // 满意 12 / 不满意 12 没有解决问题: the number after the rating is the suggestion's, not the comment.
        const rest = s.id !== undefined ? t.slice(r.end).replace(new RegExp(`^\\s*(?:第\\s*)?${s.id}(?!\\d)\\s*(?:号|件)?\\s*(?:建议)?`), '') : t.slice(r.end);
        const after = cleanFree(rest);
        if (after) s.comment = after;
      }
      break;
    }
    case 'leave':
      id();
      s.reason = residual(t, /(?:(?:下|这|本|上)?(?:周|星期|礼拜)[一二三四五六日天1-7]?|今天|明天|后天|月底|周末)的(?=\s|会)|我?(?:要|想)?请个?假|请假|去不了|来不了|参加不了|参加不成|出席不了|到不了|没法参加|不能参加|会议|(?<=^|\s|的)会(?=$|[\s，,我请])/g);
      break;
    case 'return':
      id();
      s.reason = residual(t, /申请退回|退回人大|退回去|退回|退办|退给人大|退给/g);
      break;
    case 'reject':
      id();
      s.reason = residual(t, /不予立案|不立案|作为参阅件|转参阅|参阅件|驳回|审查不通过|退给代表|(?<=^|\s)(?:这条|这件|该)?建议(?=[\s，,。：:]|$)/g);
      break;
    case 'extend': {
      id();
      const months = readMonths(t.replace(/\d+\s*号/g, ' '));
      if (months) s.months = months;
      s.reason = residual(t.replace(/\d{1,2}\s*个\s*月|(?<![\d年])\d\s*月(?!\s*\d)/g, ' '), /申请延期|申请延长|延期|延长|办理期限|期限|来不及了|延|吧/g);
      break;
    }
    case 'answer': {
      id();
      const c = readAnswerClass(t.replace(/\d+\s*号/g, (x) => ' '.repeat(x.length)));
      if (c) {
        s.answerClass = c.cls;
        const text = cleanFree(t.slice(c.end));
        if (text) s.text = text;
      }
      break;
    }
    case 'consult': {
      id();
      const date = readDate(t, now);
      if (date) s.date = date;
      const m = readMethod(t);
      if (m) s.method = m;
      // Clauses that say how, when or that it happened are not the summary: 12号已面商，昨天电话沟通，代表同意方案.
      s.summary = residual(
        t,
        /已经?面商了?|记录面商|登记面商|面商记录|面商|沟通过了|沟通了|沟通|联系了|联系|商量过|商量/g,
        /^$/,
        /^\d+$|\d+\s*号|第\s*\d+|面商|沟通|联系|商量|电话|通话|视频|微信|网上|线上|上门|走访|座谈|开会|会议|当面|面对面|登门|见面|实地|今天|昨天|前天|上周|这周|本周|周[一二三四五六日]|星期|\d+月\d+|^(?:记录|登记|记一下)$/,
      );
      break;
    }
    case 'opinion':
      id();
      s.text = residual(t, /协办单位意见|协办意见|协办|意见是|意见[:：]/g, /^(?:我们是|我单位是|提交|给|提)$/);
      break;
    case 'reassign': {
      id();
      s.departments = t.replace(ID_EXPR, ' ').replace(/改派|改交|改为|改由|改成|重新交办|交办|交给|分给|改到|应该|不对|主办改成|把/g, ' ').trim();
      break;
    }
    case 'cosign':
      s.people = readPeople(t);
      break;
    case 'ack': {
      const m = /收到\s*(\d{1,7})|(\d{1,7})\s*号?通知/.exec(t);
      if (m) s.id = Number(m[1] ?? m[2]);
      break;
    }
    case 'withdraw':
      id();
      s.reason = residual(t, /撤回来|撤回去|撤下来|撤回|撤销|撤掉|撤了|收回来|撤|不提了|申请|建议|刚提的|我想|我要|想|要|把|帮我|一下|吧|先/g);
      break;
    case 'answerCosign':
      id();
      s.accept = /不参加|不附议|谢绝|婉拒|拒绝|不同意|不愿意|就不|不联名/.test(t) ? 'no' : 'yes';
      break;
    case 'join':
    case 'showSuggestion':
    case 'sign':
    case 'confirm':
    case 'urge':
    case 'accept':
    case 'attend':
    case 'forward':
      id();
      break;
    case 'numbers':
      s.values = (t.match(/\d+/g) ?? []).map(Number);
      break;
  }
  for (const k of Object.keys(s) as (keyof Slots)[]) if (s[k] === undefined) delete s[k];
  return s;
}
