/**
 * Chat text → intent, as pure functions: tolerant of colloquial phrasing, full-width digits and punctuation,
 * the bot's @name and a command prefix. No I/O here; the engine decides what an intent does.
 */

export type Intent =
  | { kind: 'help' }
  | { kind: 'bind'; code: string }
  | { kind: 'suggest'; title?: string; body?: string }
  | { kind: 'mySuggestions' }
  | { kind: 'showSuggestion'; id: number }
  | { kind: 'rate'; id: number; rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied'; comment?: string }
  | { kind: 'notices' }
  | { kind: 'ack'; id?: number }
  | { kind: 'surveys' }
  | { kind: 'ballots' }
  | { kind: 'meetings' }
  | { kind: 'attend'; id: number }
  | { kind: 'leave'; id: number; reason?: string }
  | { kind: 'checkin'; code: string }
  | { kind: 'tasks' }
  | { kind: 'sign'; id: number }
  | { kind: 'return'; id: number; reason?: string }
  | { kind: 'answer'; id: number; answerClass?: 'A' | 'B' | 'C' | 'D'; text?: string }
  | { kind: 'extend'; id: number; months?: number; reason?: string }
  | { kind: 'queue' }
  | { kind: 'confirm'; id: number }
  | { kind: 'reassign'; id: number; departments: string[] }
  | { kind: 'urge'; id: number }
  | { kind: 'cosign'; usernames: string[] }
  | { kind: 'yes' }
  | { kind: 'no' }
  | { kind: 'skip' }
  | { kind: 'numbers'; values: number[] }
  | { kind: 'text'; text: string };

const CN_DIGITS: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * Normalises chat text for parsing: full-width digits, letters and spaces → ASCII (Chinese punctuation stays, so
 * the words people write are kept as written), the bot's @name and command prefixes removed, spaces folded.
 */
export function normalize(raw: string, botNames: string[] = ['履职通', '履职通机器人', '小履']): string {
  let t = raw
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0f\uff03\uff01\uff1f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u2005\u00a0]/g, ' ');
  for (const name of botNames) t = t.split(`@${name}`).join(' ');
  t = t.replace(/^\s*(?:[/#!]|履职通[,，:：]?)\s*/, '');
  return t.replace(/[ \t]+/g, ' ').trim();
}

/** Whether a group message addresses the bot by a command prefix. */
export function hasCommandPrefix(raw: string): boolean {
  return /^\s*(?:[/#!／＃！]|履职通)/.test(raw);
}

/** A number written in digits or simple Chinese numerals (一 … 九十九). */
export function num(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const d = (c: string | undefined) => (c ? Number(CN_DIGITS[c] ?? NaN) : NaN);
  const ten = s.indexOf('十');
  if (ten < 0) return Number(s.replace(/[零〇一二两三四五六七八九]/g, (c) => CN_DIGITS[c]));
  const tens = ten === 0 ? 1 : d(s[0]);
  const ones = ten === s.length - 1 ? 0 : d(s[ten + 1]);
  return tens * 10 + ones;
}
const ID = '(?:第\\s*)?(\\d+|[一二两三四五六七八九十]{1,2})\\s*(?:号|条|件|个)?';
const rest = (s: string | undefined) => {
  const v = (s ?? '').replace(/^[\s,，:：、;；-]+/, '').trim();
  return v || undefined;
};

function ratingOf(word: string): 'satisfied' | 'basically_satisfied' | 'dissatisfied' {
  if (/不满意|不太满意|差评/.test(word)) return 'dissatisfied';
  if (/基本满意|还行|一般/.test(word)) return 'basically_satisfied';
  return 'satisfied';
}

function splitSuggestion(text: string): { title?: string; body?: string } {
  const t = text.trim();
  if (!t) return {};
  const labelled = /标题[:：]\s*([\s\S]+?)\s*(?:\n|[,，;；]\s*)?(?:内容|正文)[:：]\s*([\s\S]+)$/.exec(t);
  if (labelled) return { title: labelled[1].trim(), body: labelled[2].trim() };
  const lines = t.split(/\n+/);
  if (lines.length > 1) return { title: lines[0].replace(/^标题[:：]\s*/, '').trim(), body: lines.slice(1).join('\n').trim() };
  const bar = t.split(/\s*[|｜]\s*/);
  if (bar.length > 1) return { title: bar[0], body: bar.slice(1).join(' ') };
  return { title: t.replace(/^标题[:：]\s*/, '') };
}

/** Parses normalised text into an intent. */
export function parseIntent(input: string): Intent {
  const t = normalize(input);
  const rules: [RegExp, (m: RegExpExecArray) => Intent][] = [
    [/^(?:帮助|菜单|help|\?|怎么用|如何使用|使用说明|能做什么|你能做什么|你会什么|有哪些功能|功能)[?？!！。]*$/i, () => ({ kind: 'help' })],
    [/^(?:绑定|綁定|bind)\s*(?:账号|帐号)?\s*(\d{6})$/i, (m) => ({ kind: 'bind', code: m[1] })],
    [/^(?:我要|我想|帮我|请帮我)?(?:提|写|交|提交|发)(?:一?个|一条|一件|条|件)?建议(?:吧|了)?[:：,，\s]*([\s\S]*)$/, (m) => ({ kind: 'suggest', ...splitSuggestion(m[1]) })],
    [/^(?:我的建议|查建议|建议列表|查看我的建议|我提的建议|建议进度|我的建议进度|建议办得怎么样了?|看看我的建议)[?？。]*$/, () => ({ kind: 'mySuggestions' })],
    [new RegExp(`^(?:查看|看看|看下|查一下|查|打开)?\\s*建议\\s*${ID}\\s*(?:怎么样了?|进度)?[?？。]*$`), (m) => ({ kind: 'showSuggestion', id: num(m[1]) })],
    [new RegExp(`^(?:评价|测评|打分|评)\\s*(?:建议)?\\s*${ID}\\s*(非常满意|很满意|满意|基本满意|还行|一般|不太满意|不满意|差评)\\s*([\\s\\S]*)$`), (m) => ({ kind: 'rate', id: num(m[1]), rating: ratingOf(m[2]), comment: rest(m[3]) })],
    [/^(?:通知|看通知|未读通知|有什么通知|有没有通知|最新通知|公告|通知公告|消息|我的消息)[?？。]*$/, () => ({ kind: 'notices' })],
    [/^(?:收到|已收到|已阅|知道了|收到了)\s*(\d+)?[!！。]*$/, (m) => ({ kind: 'ack', id: m[1] ? Number(m[1]) : undefined })],
    [/^(?:问卷|填问卷|调查问卷|答问卷|做问卷|问卷调查)[?？。]*$/, () => ({ kind: 'surveys' })],
    [/^(?:票决|投票|去投票|我要投票)[?？。]*$/, () => ({ kind: 'ballots' })],
    [/^(?:会议|开会|我的会议|近期会议|活动|会议通知|有什么会|最近有什么会|会议安排)[?？。]*$/, () => ({ kind: 'meetings' })],
    [new RegExp(`^(?:参加|参会|出席|报名参加|我参加)\\s*(?:会议)?\\s*${ID}`), (m) => ({ kind: 'attend', id: num(m[1]) })],
    [new RegExp(`^(?:请假|我请假)\\s*(?:会议)?\\s*${ID}\\s*([\\s\\S]*)$`), (m) => ({ kind: 'leave', id: num(m[1]), reason: rest(m[2]) })],
    [/^(?:签到|打卡|会议签到)\s*(?:码)?\s*[:：]?\s*(\d{4,8})$/, (m) => ({ kind: 'checkin', code: m[1] })],
    [/^(?:我的任务|任务|待办|待办事项|我的待办|待签收|办理任务|任务列表)[?？。]*$/, () => ({ kind: 'tasks' })],
    [new RegExp(`^(?:签收)\\s*(?:建议)?\\s*${ID}$`), (m) => ({ kind: 'sign', id: num(m[1]) })],
    [new RegExp(`^(?:退回|退办)\\s*(?:建议)?\\s*${ID}\\s*([\\s\\S]*)$`), (m) => ({ kind: 'return', id: num(m[1]), reason: rest(m[2]) })],
    [new RegExp(`^(?:答复|回复建议|答复建议)\\s*${ID}\\s*(?:([ABCDabcd])\\s*类?)?\\s*([\\s\\S]*)$`), (m) => ({ kind: 'answer', id: num(m[1]), answerClass: m[2] ? (m[2].toUpperCase() as 'A') : undefined, text: rest(m[3]) })],
    [new RegExp(`^(?:延期|申请延期)\\s*(?:建议)?\\s*${ID}\\s*(?:(\\d)\\s*个?月)?\\s*([\\s\\S]*)$`), (m) => ({ kind: 'extend', id: num(m[1]), months: m[2] ? Number(m[2]) : undefined, reason: rest(m[3]) })],
    [/^(?:待分办|分办|待交办|审查队列|待审查|待处理建议)[?？。]*$/, () => ({ kind: 'queue' })],
    [new RegExp(`^(?:确认|确认分办|同意分办)\\s*(?:建议)?\\s*${ID}$`), (m) => ({ kind: 'confirm', id: num(m[1]) })],
    [new RegExp(`^(?:改派|改交|改为|交办)\\s*(?:建议)?\\s*${ID}\\s*(?:给|到|由)?\\s*(.+)$`), (m) => ({ kind: 'reassign', id: num(m[1]), departments: m[2].split(/[\s,，、和及]+/).filter(Boolean) })],
    [new RegExp(`^(?:催办|催一下|催促)\\s*(?:建议)?\\s*${ID}`), (m) => ({ kind: 'urge', id: num(m[1]) })],
    [/^(?:附议|邀请附议|附议人)[:：\s]*(.+)$/, (m) => ({ kind: 'cosign', usernames: m[1].split(/[\s,，、]+/).filter(Boolean) })],
    [/^(?:确认|确定|是|是的|好|好的|可以|提交|没问题|对|行|ok|okay|y|yes|确认提交)[!！。]*$/i, () => ({ kind: 'yes' })],
    [/^(?:取消|算了|不要了|不提了|退出|否|不|不用了|no|n|cancel)[!！。]*$/i, () => ({ kind: 'no' })],
    [/^(?:跳过|略过|skip)$/i, () => ({ kind: 'skip' })],
    [/^\d+(?:[\s,，、]+\d+)*$/, (m) => ({ kind: 'numbers', values: m[0].split(/[\s,，、]+/).map(Number) })],
  ];
  for (const [re, make] of rules) {
    const m = re.exec(t);
    if (m) return make(m);
  }
  return { kind: 'text', text: t };
}
