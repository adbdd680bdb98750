/** zod schemas for notices, questionnaires (survey, ballot, evaluation), meetings and deliveries. */
import { z } from 'zod';
import { DEPUTY_LEVELS, MAJORITY_BASES, MEETING_KINDS, QUESTION_TYPES, QUESTIONNAIRE_KINDS } from './enums';
import { instant } from './schemas';

const text = (label: string, max: number) =>
  z.string({ error: `${label}必须是文字` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`);

/** Who receives a notice, questionnaire or invitation: deputies filtered by level, region, station, delegation; plus named users. */
export const Audience = z
  .object({
    all: z.boolean().optional(),
    levels: z.array(z.enum(DEPUTY_LEVELS, { error: '代表层级不存在' })).max(5).optional(),
    regions: z.array(z.string().trim().max(32)).max(50).optional(),
    stations: z.array(z.number().int().positive()).max(200).optional(),
    delegations: z.array(z.string().trim().max(64)).max(50).optional(),
    users: z.array(z.string().trim().max(64)).max(2000).optional(),
  }, { error: '发送对象格式不对' })
  .refine((a) => a.all || a.levels?.length || a.regions?.length || a.stations?.length || a.delegations?.length || a.users?.length, '请选择发送对象');
export type Audience = z.infer<typeof Audience>;

/** POST /api/notices/audience: how many people an audience reaches before publishing to it. */
export const AudienceCountRequest = z.object({ audience: Audience });
export const AudienceCount = z.object({
  /** Everyone who would receive it (one inbox entry each). */
  count: z.number(),
  /** Of whom deputies, and everyone else named in `users` (staff, office). */
  deputies: z.number(),
  others: z.number(),
  /** Deputies by level (only levels with anyone). */
  byLevel: z.array(z.object({ level: z.enum(DEPUTY_LEVELS), label: z.string(), count: z.number() })),
});
export type AudienceCount = z.infer<typeof AudienceCount>;

export const PublishNoticeRequest = z.object({ title: text('标题', 200), body: text('正文', 20000), audience: Audience });

export const Question = z.object({
  id: z.string().trim().regex(/^[a-zA-Z0-9_-]{1,32}$/, '题目编号只能是字母数字'),
  type: z.enum(QUESTION_TYPES, { error: '题型只能是 single、multiple、text、longtext、rating' }),
  title: text('题目', 500),
  options: z.array(text('选项', 200)).max(100).optional(),
  required: z.boolean().optional(),
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(1).optional(),
});
export type Question = z.infer<typeof Question>;

export const QuestionnaireRequest = z.object({
  kind: z.enum(QUESTIONNAIRE_KINDS, { error: '类型只能是 survey、ballot 或 evaluation' }),
  title: text('标题', 200),
  description: z.string().trim().max(5000).optional(),
  audience: Audience,
  opensAt: instant('开始时间').optional(),
  closesAt: instant('截止时间'),
  anonymous: z.boolean().optional(),
  /** Survey: the questions. */
  questions: z.array(Question).max(100).optional(),
  /** Ballot: the candidates, how many one may choose, quorum and pass threshold (shares of 1). */
  candidates: z.array(text('候选项', 200)).min(2, '票决至少要有 2 个候选项').max(100).optional(),
  maxChoices: z.number({ error: '可选数目必须是数字' }).int().min(1).optional(),
  quorum: z.number().min(0).max(1).optional(),
  passThreshold: z.number().min(0).max(1).optional(),
  /** Ballot: a candidate passes with strictly more than `passThreshold` (default ½: 过半数) of everyone asked (`eligible`, default) or of the valid ballots (`valid`). */
  majorityOf: z.enum(MAJORITY_BASES, { error: '过半数的基数只能是 eligible（全体应投票人数）或 valid（有效票数）' }).optional(),
});

export const AnswerRequest = z.object({
  answers: z.record(z.string(), z.union([z.string().max(5000, '回答不能超过 5000 字'), z.number(), z.array(z.number().int())]), { error: '回答格式不对' }),
});

export const MeetingRequest = z.object({
  kind: z.enum(MEETING_KINDS, { error: '会议类型不存在' }),
  title: text('会议名称', 200),
  agenda: z.string().trim().max(20000).optional(),
  place: text('地点', 200),
  startsAt: instant('开始时间'),
  endsAt: instant('结束时间'),
  invitees: Audience,
});
export const MeetingUpdateRequest = z.object({
  title: text('会议名称', 200).optional(),
  agenda: z.string().trim().max(20000).optional(),
  place: text('地点', 200).optional(),
  startsAt: instant('开始时间').optional(),
  endsAt: instant('结束时间').optional(),
});
export const RsvpRequest = z.union([
  z.object({ attend: z.literal(true) }),
  z.object({ leave: text('请假理由', 500) }),
], { error: '请回复参加（{"attend":true}）或请假（{"leave":"理由"}）' });
export const LeaveDecisionRequest = z.object({ user: z.string().trim().min(1).max(64), approve: z.boolean({ error: '请说明同意还是不同意' }) });
export const CheckinRequest = z.object({ code: z.string({ error: '请输入签到码' }).trim().min(1, '请输入签到码').max(16) });
export const AckRequest = z.object({ ok: z.boolean({ error: 'ok 必须是 true 或 false' }), error: z.string().max(2000).optional(), permanent: z.boolean().optional() });
export const CancelRequest = z.object({ reason: z.string().trim().max(500).optional() });

const chatIdentity = {
  transport: z.enum(['wecom', 'wechaty', 'console', 'web'], { error: '渠道只能是 wecom、wechaty、console 或 web' }),
  chatUserId: z.string({ error: '请提供聊天账号' }).trim().min(1, '请提供聊天账号').max(128),
};
export const ChatBindRequest = z.object({ ...chatIdentity, code: z.string({ error: '请提供绑定码' }).trim().regex(/^\d{6}$/, '绑定码是 6 位数字') });
export const ChatTokenRequest = z.object({
  ...chatIdentity,
  session: z.string().trim().min(1).max(190).optional(),
  /** The transport's id of the message being handled: a second call with the same id is refused (409), so a replay is dropped. */
  messageId: z.string({ error: '消息编号必须是文字' }).trim().min(1, '消息编号不能为空').max(128, '消息编号最长 128 个字符').optional(),
  /** The envelope's nonce (WeCom), also refused when seen again. */
  nonce: z.string({ error: 'nonce 必须是文字' }).trim().min(1, 'nonce 不能为空').max(64, 'nonce 最长 64 个字符').optional(),
});
export const ChatSessionRequest = z.object({ data: z.record(z.string(), z.unknown(), { error: '会话内容应为对象' }), ttlSeconds: z.number().int().min(60).max(7 * 86400).optional() });

/** The bot's pull of chat deliveries: how many at most (a whole number, 1–200) and on which transport. */
export const DeliveriesQuery = z.object({
  limit: z.coerce.number({ error: '条数必须是数字' }).int('条数必须是整数').min(1, '条数至少为 1').max(200, '条数最多 200').default(50),
  transport: z.string({ error: '渠道必须是文字' }).trim().min(1).max(32).default('console'),
});

const onOff = (label: string) => z.boolean({ error: `${label}只能是 true（开）或 false（关）` }).optional();

/** A person's notification settings as the API shows them. */
export const NotificationSettings = z.object({
  inbox: z.literal(true),
  chat: z.boolean(),
  wechat: z.boolean(),
  quietHours: z.boolean(),
  quietFrom: z.string(),
  quietTo: z.string(),
  available: z.object({ chat: z.boolean(), wechat: z.boolean() }),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** Changing one's notification settings: push channels on or off, quiet hours (22:00–07:00) on or off. */
export const NotificationSettingsRequest = z.strictObject(
  {
    inbox: z.literal(true, { error: '站内消息始终开启，不能关闭' }).optional(),
    chat: onOff('群聊推送'),
    wechat: onOff('微信推送'),
    quietHours: onOff('免打扰时段'),
  },
  { error: '请提交要修改的设置，例如 {"wechat": false}' },
);
