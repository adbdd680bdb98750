/** Every text the bot says that is not a list built from data: help per role, prompts, notes, questions. */
import { chinaTime } from '../contracts/format';
import type { Slots } from './nlu/slots';

export const HELP: Record<string, string> = {
  deputy: [
    '我可以帮你（直接说就行，不用记格式）：',
    '· 提建议（或“提建议 标题｜内容”）；没写完的说“继续写建议”',
    '· 我的建议 / 12号建议办到哪了 / 撤回 12（交办前）',
    '· 附议：同意附议 12 / 谢绝附议 12 / 申请附议 12',
    '· 满意度测评：12号满意 / 基本满意 / 不满意 理由',
    '· 把15号群众意见转成建议',
    '· 通知 / 收到',
    '· 问卷 / 票决',
    '· 会议 / 参加 3 / 3号会议请假 理由 / 签到 123456',
  ].join('\n'),
  citizen: ['我可以帮你：', '· 我的意见（你向代表反映的问题）/ 12号处理到哪了', '· 评价 12 满意 / 基本满意 / 不满意 理由', '· 通知 / 收到'].join('\n'),
  staff: [
    '我可以帮你：',
    '· 我的任务（按答复期限排序，超期在前）',
    '· 签收 12 / 退回 12 理由',
    '· 面商：12号昨天电话面商，代表同意方案',
    '· 协办意见 12 意见内容',
    '· 答复 12 B 答复内容（先预览，回复“确认”后正式答复）',
    '· 延期 12 两个月 理由',
    '· 通知 / 收到 / 会议',
  ].join('\n'),
  office: [
    '我可以帮你：',
    '· 待分办（分办建议和依据词）',
    '· 立案 12 / 12号不予立案 理由',
    '· 确认 12（按推荐交办）/ 改派 12 住建局 财政局（第一个主办，其余协办）',
    '· 催办 12 / 督办12号建议',
    '· 通知 / 收到 / 会议',
  ].join('\n'),
  admin: '我可以帮你：通知 / 收到。',
};

export const BIND_HELP = '你还没有绑定账号。请在“履职通”小程序“我的—绑定聊天账号”里获取 6 位绑定码，然后发给我：绑定 123456';
export const SENT_PRIVATELY = '详情已私信发给你。';
export const EXPIRED = '你之前没有完成的内容已经过期（超过 30 分钟未回复），已为你清除，需要的话请重新开始。';
export const CANCELLED = '好的，已取消。';
export const SYSTEM_ERROR = '系统暂时出了点问题，请稍后再试。';
export const NOT_UNDERSTOOD = '我没看懂这句话。发“帮助”看看我能做什么。';

/** A reply to courtesy that is not a command (你好, 谢谢, 辛苦了), or null. */
export function courtesyReply(text: string): string | null {
  const t = text.replace(/[\s\p{P}~～]/gu, '');
  if (/^(?:(?:大家|各位|领导|老师)?(?:你|您|大家)?好(?:啊|呀)?|(?:早上|上午|中午|下午|晚上)好|早|在吗|在不在|哈喽|hello|hi)$/i.test(t)) return '你好！我是履职通助手。发“帮助”看看我能做什么。';
  if (/(?:谢谢|多谢|感谢|辛苦了?|辛苦啦|麻烦你了?|再见|拜拜)(?:你|您|了|啦|大家)?(?:啊|呀)?$/.test(t) && [...t].length <= 12) return '不客气！有事随时找我，发“帮助”看看我能做什么。';
  return null;
}

/** What an intent would do, for a question offering two guesses (“你是想 1 查看 12 号建议，还是 2 评价它？”). */
export function intentPhrase(intent: string, s: Slots, second = false): string {
  const id = s.id;
  // “查看 12 号建议” the first time, “评价它” when the second guess is about the same suggestion.
  const on = (verb: string, fallback = '') => (id === undefined ? `${verb}${fallback}` : second ? `${verb}它` : `${verb} ${id} 号建议`);
  const phrases: Record<string, string> = {
    help: '看看我能做什么',
    bind: '绑定账号',
    suggest: '提一条建议',
    resume: '继续写没写完的建议',
    mySuggestions: '看你的建议列表',
    showSuggestion: on('查看', '建议进度'),
    rate: on('评价', '答复'),
    notices: '看未读通知',
    ack: '确认收到通知',
    surveys: '填问卷',
    ballots: '投票',
    meetings: '看近期会议',
    attend: id === undefined ? '报名参加会议' : `报名参加 ${id} 号会议`,
    leave: id === undefined ? '请假' : `为 ${id} 号会议请假`,
    checkin: '会议签到',
    tasks: '看待办任务',
    sign: on('签收'),
    return: on('退回'),
    answer: on('答复'),
    extend: on('申请延期办理'),
    consult: on('记录面商：'),
    opinion: on('提交协办意见：'),
    queue: '看待分办的建议',
    accept: on('立案'),
    reject: on('不予立案'),
    confirm: on('按推荐交办'),
    reassign: on('改派'),
    urge: on('催办'),
    forward: id === undefined ? '把群众意见转成建议' : `把 ${id} 号群众意见转成建议`,
    cosign: '添加附议人',
    answerCosign: on('回复附议邀请：'),
    join: on('申请附议'),
    withdraw: on('撤回'),
  };
  return phrases[intent] ?? intent;
}

/** The question asked when two readings are close. */
export function clarifyQuestion(a: { intent: string; slots: Slots }, b: { intent: string; slots: Slots }): string {
  return `你是想 1 ${intentPhrase(a.intent, a.slots)}，还是 2 ${intentPhrase(b.intent, b.slots, a.slots.id !== undefined && a.slots.id === b.slots.id)}？回复 1 或 2。`;
}

/** A timeline instant as a chat line shows it, in Beijing time: 11-30 07:05. */
export function timelineTime(at: string): string {
  return chinaTime(at).replace(/^(\d+)月(\d+)日 /, (_, m: string, d: string) => `${m.padStart(2, '0')}-${d.padStart(2, '0')} `);
}

export const RATING_LABEL: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };
export const METHOD_LABEL: Record<string, string> = { visit: '上门走访', phone: '电话', meeting: '座谈', online: '网上' };
