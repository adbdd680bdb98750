/**
 * Chat text as people type it → one canonical form, as pure functions: full-width → half-width, the bot's
 * @name and command prefixes removed, Chinese numerals → digits where they count something (两个月, 第十二件),
 * `12号` / `第12件` / `#12` / `12号建议` kept as a number the slot readers find, common typos fixed and filler
 * words (那个, 就是, 啊, 吧, 呗, 哈 …) dropped. Chinese punctuation stays, so what people wrote is kept as written.
 */

export const BOT_NAMES = ['履职通机器人', '履职通', '小履'];

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A number written in digits or Chinese numerals (一 … 九千九百九十九, 两, 十二, 二十五, 一百零三). */
export function num(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let cur = 0;
  let seen = false;
  for (const c of s) {
    if (c in CN_DIGITS) {
      cur = CN_DIGITS[c];
      seen = true;
    } else if (c === '十' || c === '百' || c === '千') {
      const unit = c === '十' ? 10 : c === '百' ? 100 : 1000;
      total += (seen || c !== '十' ? cur || 1 : 1) * unit;
      cur = 0;
      seen = false;
    } else return NaN;
  }
  return total + cur;
}

/** Typos and variants people type, mapped to the word meant (a short list; the classifier copes with the rest). */
const TYPOS: [RegExp, string][] = [
  [/提件议|提建意|题建议|提健议|提见议/g, '提建议'],
  [/建意|健议|见议/g, '建议'],
  [/綁定/g, '绑定'],
  [/签道|前到/g, '签到'],
  [/满义|蛮意/g, '满意'],
  [/问倦|问眷/g, '问卷'],
  [/催半/g, '催办'],
  [/帮主/g, '帮助'],
];

/** Filler words that carry no meaning in a command (never inside the words people dictate as content). */
const FILLERS = /(?:^|(?<=[\s，,。]))(?:那个|就是说?|嗯+|呃+|额+|哎|唉|喂|麻烦你?|请问|你好|您好)[，,、\s]*|[啊呀吧呗哈啦嘛呢哦噢喔哟]+(?=[\s，,。！!？?~～]*$)/g;

/** Full-width digits, letters, spaces and ＃／！？＠ → half-width (Chinese punctuation stays as written). */
export function halfWidth(raw: string): string {
  return raw.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0f\uff03\uff01\uff1f\uff20]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\u3000\u2005\u00a0\u200b]/g, ' ');
}

/** Whether a group message addresses the bot by a command prefix (`/`, `#`, `！`, or the bot's name). */
export function hasCommandPrefix(raw: string): boolean {
  const t = halfWidth(raw).trimStart();
  return /^[/#!]\s*\D/.test(t) || BOT_NAMES.some((n) => t.startsWith(n));
}

/** Whether the text mentions the bot by @name. */
export function mentionsBotName(raw: string): boolean {
  const t = halfWidth(raw);
  return BOT_NAMES.some((n) => t.includes(`@${n}`));
}

/**
 * The light normalisation kept for content (titles, reasons): half-width, @name and prefixes removed, spaces
 * folded. Chinese punctuation and everything the person wrote stay.
 */
export function normalize(raw: string, botNames: string[] = BOT_NAMES): string {
  let t = halfWidth(raw);
  for (const name of botNames) t = t.split(`@${name}`).join(' ');
  t = t.replace(/^\s*(?:[/#!](?=\s*\D)|(?:履职通机器人|履职通|小履)[,，:：]?)\s*/, '');
  return t.replace(/[ \t]+/g, ' ').trim();
}

/** Chinese numerals before a counter (个月, 号, 件, 条, 分 …) or after 第 / 编号 → digits. */
function numeralsToDigits(t: string): string {
  const N = '[零〇一二两俩三四五六七八九十百千]+';
  return t
    .replace(new RegExp(`第\\s*(${N})`, 'g'), (_, n: string) => `第${num(n)}`)
    .replace(new RegExp(`(${N})\\s*(?=个?月|号|件|条|份|个工作日|天|周|分(?!办|钟)|项|类)`, 'g'), (m, n: string) => {
      const v = num(n);
      return Number.isNaN(v) ? m : String(v);
    })
    .replace(new RegExp(`(建议|意见|问题|会议|问卷|编号|评价|测评|签收|退回|催办|督办|答复|延期|确认|改派|参加|请假|立案|面商)\\s*(${N})(?![\\u4e00-\\u9fa5])`, 'g'), (m, w: string, n: string) => {
      const v = num(n);
      return Number.isNaN(v) ? m : `${w} ${v}`;
    });
}

/**
 * The canonical form the classifier and the slot readers see: `normalize`, then typos fixed, numerals as digits,
 * `#12` → `12`, filler words and trailing particles dropped, spaces folded.
 */
export function canonical(raw: string): string {
  let t = normalize(raw);
  for (const [re, to] of TYPOS) t = t.replace(re, to);
  t = numeralsToDigits(t);
  t = t.replace(/#\s*(\d+)/g, ' $1 ').replace(/(?:NO|No|no)\.?\s*(\d+)/g, ' $1 ');
  t = t.replace(/俺|咱/g, '我');
  for (let i = 0; i < 2; i++) t = t.replace(FILLERS, '');
  return t.replace(/[ \t]+/g, ' ').trim();
}
