/**
 * zod schemas for every request and response of the API. The API validates with them, the OpenAPI document
 * is generated from them, and the bot and mini-program type their calls with the inferred types.
 */
import { z } from 'zod';
import {
  ANSWER_CLASSES,
  CONSULT_METHODS,
  RATINGS,
  ROLES,
  SUGGESTION_ACTIONS,
  SUGGESTION_EVENT_KINDS,
  SUGGESTION_SOURCES,
  SUGGESTION_STATES,
  DEPUTY_LEVELS,
  ASSIGNMENT_ROLES,
  EXTENSION_STATES,
  COSIGN_KINDS,
  COSIGN_STATUSES,
  VIEWERS,
  CONFIDENCE_LEVELS,
  PROGRESS_STEPS,
  PROGRESS_STATUSES,
} from './enums';

z.config(z.locales.zhCN());

export const TITLE_MAX = 200;
export const BODY_MAX = 20000;
export const NOTE_MAX = 2000;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);
const optionalNote = z.string({ error: '说明必须是文字' }).trim().max(NOTE_MAX, `说明不能超过 ${NOTE_MAX} 字`).optional();
const username = z.string({ error: '用户名必须是文字' }).trim().min(1, '请填写用户名').max(64, '用户名过长');

/** A department as a person gives it: its code or any of its names (住建局, 市住房和城乡建设局). */
const deptRef = (label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}必须是文字`) })
    .trim()
    .min(1, `请填写${label}`)
    .max(64, `${label}名称过长`)
    .regex(/^[^\p{Cc}]*$/u, `${label}名称里有不能使用的字符`);

/** The years a date sent to the API may fall in: anything outside is a typo (or an attack), never a plan. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const YEARS = `${MIN_YEAR}–${MAX_YEAR} 年`;
const yearInRange = (t: number) => !Number.isNaN(t) && new Date(t).getUTCFullYear() >= MIN_YEAR && new Date(t).getUTCFullYear() <= MAX_YEAR;

/** A calendar day, YYYY-MM-DD, that exists and lies in the accepted years. */
export const isoDate = z
  .string({ error: '日期必须是文字' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => yearInRange(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `日期不存在或不在 ${YEARS}之间`);

/** A month, YYYY-MM, in the accepted years. */
export const isoMonth = z
  .string({ error: '月份必须是文字' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .refine((s) => yearInRange(Date.parse(`${s}-01T00:00:00Z`)), `月份应在 ${YEARS}之间`);

/** An instant (ISO 8601 with a time, e.g. 2026-03-05T09:00:00+08:00) in the accepted years. */
export const instant = (label: string) =>
  z
    .string({ error: `${label}必须是时间文字` })
    .max(64, `${label}不是合法的时间（例如 2026-03-05T09:00:00+08:00）`)
    .refine((s) => !Number.isNaN(Date.parse(s)), `${label}不是合法的时间（例如 2026-03-05T09:00:00+08:00）`)
    .refine((s) => Number.isNaN(Date.parse(s)) || yearInRange(Date.parse(s)), `${label}应在 ${YEARS}之间`);

// ---------- auth ----------
export const LoginRequest = z.object({ username, password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(200) });
export const WechatLoginRequest = z.object({
  code: z.string({ error: '请提供登录凭证' }).trim().min(1, '请提供登录凭证').max(200),
  /** The invitation code from a scanned QR code or typed in: links this WeChat account to the invited person. */
  invitation: z.string({ error: '邀请码必须是文字' }).max(64, '邀请码过长').optional(),
});
export const DevLoginRequest = z.object({ username });

export const RegionRef = z.object({ id: z.number(), code: z.string(), name: z.string() });
export const DepartmentRef = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const DeputyProfile = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string(),
  ethnicity: z.string(),
  /** Null when the roster did not say (stored as 0). */
  birthYear: z.number().nullable(),
  party: z.string(),
  education: z.string(),
  level: z.enum(DEPUTY_LEVELS),
  levelLabel: z.string(),
  delegation: z.string(),
  electoralUnit: z.string(),
  occupation: z.string(),
  workUnit: z.string(),
  post: z.string(),
  phone: z.string().nullable(),
  term: z.string(),
  station: z.object({ id: z.number(), name: z.string() }).nullable(),
  region: RegionRef.nullable(),
});

export const Me = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  region: RegionRef.nullable(),
  department: DepartmentRef.nullable(),
  deputy: DeputyProfile.nullable(),
});
export const AuthResponse = z.object({ token: z.string(), user: Me });

// ---------- suggestions: requests ----------
/** A deputy picked from the directory: user id, username or name (姓名). */
const deputyRef = z.union([z.number().int().positive(), z.string().trim().min(1, '请填写代表姓名或用户名').max(64, '代表姓名或用户名过长')], {
  error: '附议代表应填写姓名、用户名或用户编号',
});
const cosignerRefs = z.array(deputyRef, { error: '附议代表应为姓名或用户名列表' }).max(50, '附议代表最多 50 人');
export const CreateSuggestionRequest = z.object({
  title: text('标题', TITLE_MAX),
  body: text('内容', BODY_MAX),
  submit: z.boolean({ error: '是否提交必须是 true 或 false' }).optional(),
  /** Co-signers to ask, by name (李秀英), username (deputy02) or user id. */
  cosigners: cosignerRefs.optional(),
  deputy: username.optional(),
  station: z.number({ error: '联络站编号必须是数字' }).int().positive().optional(),
  source: z.enum(SUGGESTION_SOURCES, { error: '来源只能是 deputy、citizen 或 station' }).optional(),
  /** Photos uploaded before (POST /api/photos), by their ids. */
  photos: z.array(z.number({ error: '照片编号必须是数字' }).int().positive(), { error: '照片应为编号列表' }).max(9, '照片最多 9 张').optional(),
});
export const UpdateDraftRequest = z.object({
  title: text('标题', TITLE_MAX).optional(),
  body: text('内容', BODY_MAX).optional(),
  cosigners: cosignerRefs.optional(),
});

const boolish = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])], { error: '只能是 true 或 false' })
  .transform((v) => v === true || v === 'true' || v === '1');
/** A list's page number and page size in a query string (every paged list). */
export const page = z.coerce.number({ error: '页码必须是数字' }).int('页码必须是整数').min(1, '页码从 1 开始').max(100000, '页码太大').default(1);
export const pageSize = z.coerce.number({ error: '每页条数必须是数字' }).int('每页条数必须是整数').min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20);

export const ListSuggestionsQuery = z.object({
  state: z.enum(SUGGESTION_STATES, { error: '状态代码不存在' }).optional(),
  department: deptRef('承办单位').optional(),
  /** Only suggestions this department leads (主办), as the dashboard counts them. */
  lead: deptRef('主办单位').optional(),
  region: z.string().trim().max(32).optional(),
  /** Submitted in this month (YYYY-MM, Beijing time), as the dashboard's trend counts them. */
  month: isoMonth.optional(),
  overdue: boolish.optional(),
  q: z.string().trim().max(100, '关键词不能超过 100 字').optional(),
  queue: z.enum(['routing', 'review', 'confirm'], { error: '队列只能是 routing、review 或 confirm' }).optional(),
  mine: boolish.optional(),
  sort: z.enum(['updated', 'deadline'], { error: '排序只能是 updated 或 deadline' }).optional(),
  page,
  pageSize,
});

export const ActionBodies = {
  submit: z.object({}),
  withdraw: z.object({ reason: optionalNote }),
  forward: z.object({ note: optionalNote }),
  reply: z.object({ text: text('答复内容', BODY_MAX) }),
  accept: z.object({ note: optionalNote }),
  reject: z.object({ reason: text('不予立案理由', NOTE_MAX) }),
  assign: z.object({
    lead: deptRef('主办单位'),
    co: z.array(deptRef('协办单位'), { error: '协办单位应为单位列表' }).max(10, '协办单位最多 10 个').optional(),
    note: optionalNote,
  }),
  confirm: z.object({ note: optionalNote }),
  sign: z.object({ note: optionalNote }),
  return: z.object({ reason: text('退回理由', NOTE_MAX) }),
  opinion: z.object({ opinion: text('协办意见', BODY_MAX) }),
  consult: z
    .object({
      method: z.enum(CONSULT_METHODS, { error: '面商方式只能是 visit、phone、meeting、online 或 none（无法面商）' }),
      /** Required for a consultation that took place; for `none` the day it is recorded. */
      happenedOn: isoDate.optional(),
      /** What was said; for `none`, why no consultation was possible. */
      summary: z.string({ error: '面商情况必须是文字' }).trim().max(BODY_MAX, `面商情况不能超过 ${BODY_MAX} 字`).optional(),
    })
    .superRefine((v, c) => {
      if (v.method === 'none' && !v.summary) c.addIssue({ code: 'custom', path: ['summary'], message: '选择“无法面商”时请写明无法面商的原因' });
      if (v.method !== 'none' && !v.summary) c.addIssue({ code: 'custom', path: ['summary'], message: '请填写面商情况' });
      if (v.method !== 'none' && !v.happenedOn) c.addIssue({ code: 'custom', path: ['happenedOn'], message: '请填写面商日期' });
    }),
  'request-extension': z.object({
    months: z.number({ error: '延期月数必须是数字' }).int('延期月数必须是整数').min(1, '延期至少 1 个月').max(3, '一次最多延期 3 个月'),
    reason: text('延期理由', NOTE_MAX),
  }),
  'decide-extension': z.object({ approve: z.boolean({ error: '请说明同意（true）还是不同意（false）' }), note: optionalNote }),
  'draft-answer': z.object({
    answerClass: z.enum(ANSWER_CLASSES, { error: '答复类别只能是 A、B、C、D' }),
    text: text('答复正文', BODY_MAX),
  }),
  'publish-answer': z.object({
    answerClass: z.enum(ANSWER_CLASSES, { error: '答复类别只能是 A、B、C、D' }).optional(),
    text: text('答复正文', BODY_MAX).optional(),
  }),
  rate: z.object({
    rating: z.enum(RATINGS, { error: '测评结果只能是 satisfied、basically_satisfied 或 dissatisfied' }),
    comment: z.string({ error: '测评意见必须是文字' }).trim().max(NOTE_MAX, `测评意见不能超过 ${NOTE_MAX} 字`).optional(),
  }),
  'decide-redo': z.object({
    redo: z.boolean({ error: '请说明是再次交办重新办理（true）还是办结（false）' }),
    note: text('决定理由', NOTE_MAX),
  }),
  cosign: z.object({ accept: z.boolean({ error: '请说明同意附议（true）还是谢绝（false）' }), note: optionalNote }),
  join: z.object({ note: optionalNote }),
  'decide-join': z.object({
    user: z.union([z.number().int().positive(), username], { error: '请指明申请附议的代表（用户名或用户编号）' }),
    approve: z.boolean({ error: '请说明同意（true）还是谢绝（false）' }),
    note: optionalNote,
  }),
  close: z.object({ note: optionalNote }),
  urge: z.object({ note: optionalNote }),
  order: z.object({ note: optionalNote }),
} satisfies Record<(typeof SUGGESTION_ACTIONS)[number], z.ZodType>;
export type ActionBody<A extends keyof typeof ActionBodies> = z.input<(typeof ActionBodies)[A]>;

export const ClassifyRequest = z.object({
  title: text('标题', TITLE_MAX),
  body: z.string({ error: '内容必须是文字' }).max(BODY_MAX, `内容不能超过 ${BODY_MAX} 字`).optional(),
});

/** Retraining the department routing model by hand: an optional note on why. */
export const RetrainRequest = z
  .object({ note: z.string({ error: '说明必须是文字' }).max(255, '说明不能超过 255 字').optional() })
  .strict();

// ---------- suggestions: responses ----------
export const RoutedDepartment = z.object({ code: z.string(), name: z.string(), score: z.number(), why: z.array(z.string()) });
export const RoutingProposal = z.object({
  lead: RoutedDepartment.nullable(),
  co: z.array(RoutedDepartment),
  departments: z.array(RoutedDepartment),
  confidence: z.number(),
  threshold: z.number(),
  needsReview: z.boolean(),
  modelVersion: z.string(),
});
/**
 * The routing proposal as a person reads it (suggestion lists and details, the intake preview): departments
 * below the floor are left out, deciding words (`why`) are whole words of the letter, and the confidence comes
 * as a level with reasons. Show `confidenceLabel` (高/中/低), not the raw `confidence` number.
 */
export const PresentedRouting = RoutingProposal.extend({
  confidenceLevel: z.enum(CONFIDENCE_LEVELS),
  /** 高, 中 or 低. */
  confidenceLabel: z.string(),
  /** Why, in plain Chinese sentences (the office gets all of them; deputies and departments the first). */
  reasons: z.array(z.string()),
});

/** One step of the progress stepper: 提交, 交办, 办理, 答复, 测评. */
export const ProgressStep = z.object({
  key: z.enum(PROGRESS_STEPS),
  label: z.string(),
  /** done; current (in progress now); todo; skipped (it ended before this step, or the deputy answered directly). */
  status: z.enum(PROGRESS_STATUSES),
  /** When the step was reached (done or current steps), ISO instant; null when not yet. */
  at: z.string().nullable(),
  /** For the current step: what is happening now, in plain words (承办单位办理中). */
  hint: z.string().nullable(),
});
/** Who acts next on a suggestion and by when, as this reader should read it. */
export const NextStep = z.object({
  /** Who: 您, a department's or a deputy's name, 人大机关. */
  who: z.string(),
  /** Whether the reader is the one to act now (their actions move it on). */
  you: z.boolean(),
  /** What they do next, in plain words (签收并开始办理). */
  what: z.string(),
  /** The China calendar day (YYYY-MM-DD) it is due, when a clock runs. */
  due: z.string().nullable(),
  /** Working days left until `due` (negative: overdue by that many). */
  workingDaysLeft: z.number().nullable(),
  /** The whole sentence: 下一步：淄博市住房和城乡建设局答复，2026年6月2日（星期二）前，还剩 62 个工作日。 */
  text: z.string(),
});
export const SuggestionProgress = z.object({
  steps: z.array(ProgressStep),
  /** Where it is, in one plain sentence worded for this reader. */
  summary: z.string(),
  /** Who acts next and by when; null once nothing more will happen. */
  next: NextStep.nullable(),
  current: z.enum(PROGRESS_STEPS).nullable(),
  /** Nothing more will happen (closed, or ended early). */
  finished: z.boolean(),
  /** How it ended early: 不予立案（留作参考）, 已撤回, 代表已直接答复. */
  ended: z.object({ label: z.string(), at: z.string().nullable() }).nullable(),
});

export const PersonRef = z.object({ id: z.number(), username: z.string(), name: z.string() });
export const Deadlines = z.object({
  returnBy: z.string().nullable(),
  coOpinionBy: z.string().nullable(),
  answerBy: z.string().nullable(),
  redoBy: z.string().nullable(),
  /** `provisional`: this date itself was counted through a year whose holiday schedule is not published yet. */
  next: z.object({ kind: z.string(), label: z.string(), date: z.string(), workingDaysLeft: z.number(), provisional: z.boolean() }).nullable(),
  overdue: z.boolean(),
  /** Counted through a year whose official holiday schedule is not published yet (recomputed once it is entered). */
  provisional: z.boolean(),
  provisionalNote: z.string().nullable(),
});

export const SuggestionSummary = z.object({
  id: z.number(),
  number: z.string(),
  title: z.string(),
  source: z.enum(SUGGESTION_SOURCES),
  state: z.enum(SUGGESTION_STATES),
  stateLabel: z.string(),
  author: PersonRef,
  deputy: PersonRef.nullable(),
  region: RegionRef.nullable(),
  lead: DepartmentRef.nullable(),
  round: z.number(),
  submittedAt: z.string().nullable(),
  deadlines: Deadlines,
  /** Null for citizens, and before the router has proposed anything. */
  routing: PresentedRouting.nullable(),
  updatedAt: z.string(),
});

export const TimelineEvent = z.object({
  id: z.number(),
  action: z.enum(SUGGESTION_EVENT_KINDS),
  label: z.string(),
  from: z.enum(SUGGESTION_STATES).nullable(),
  to: z.enum(SUGGESTION_STATES).nullable(),
  actor: z.object({ id: z.number(), name: z.string(), role: z.enum(ROLES) }),
  note: z.string().nullable(),
  at: z.string(),
});

export const SuggestionDetail = SuggestionSummary.extend({
  body: z.string(),
  /** Co-signers: those asked who have not declined, and those whose request to join the lead author approved. */
  cosigners: z.array(PersonRef),
  /** Every invitation and request to co-sign, with who has accepted, declined or not answered yet. */
  cosigning: z.array(
    z.object({
      person: PersonRef,
      kind: z.enum(COSIGN_KINDS),
      kindLabel: z.string(),
      status: z.enum(COSIGN_STATUSES),
      statusLabel: z.string(),
      note: z.string().nullable(),
      respondedAt: z.string().nullable(),
    }),
  ),
  citizen: PersonRef.nullable(),
  addressedDeputy: PersonRef.nullable(),
  addressedStation: z.object({ id: z.number(), name: z.string() }).nullable(),
  rejectReason: z.string().nullable(),
  photos: z.array(z.object({ id: z.number(), url: z.string() })),
  /** The caller may edit the text (the author's draft): PATCH /api/suggestions/:id. */
  editable: z.boolean(),
  assignments: z.array(
    z.object({
      department: DepartmentRef,
      role: z.enum(ASSIGNMENT_ROLES),
      assignedAt: z.string(),
      signedAt: z.string().nullable(),
      opinion: z.string().nullable(),
      opinionAt: z.string().nullable(),
    }),
  ),
  consultations: z.array(
    z.object({ id: z.number(), department: DepartmentRef, method: z.enum(CONSULT_METHODS), happenedOn: z.string(), summary: z.string(), by: z.string() }),
  ),
  extensions: z.array(
    z.object({
      id: z.number(),
      months: z.number(),
      reason: z.string(),
      state: z.enum(EXTENSION_STATES),
      fromDue: z.string(),
      toDue: z.string(),
      note: z.string().nullable(),
      requestedAt: z.string(),
      decidedAt: z.string().nullable(),
    }),
  ),
  answers: z.array(
    z.object({
      id: z.number(),
      round: z.number(),
      department: DepartmentRef,
      answerClass: z.enum(ANSWER_CLASSES),
      answerClassLabel: z.string(),
      text: z.string(),
      state: z.enum(['draft', 'published']),
      publishedAt: z.string().nullable(),
    }),
  ),
  ratings: z.array(
    z.object({ round: z.number(), rating: z.enum(RATINGS), ratingLabel: z.string(), comment: z.string().nullable(), by: PersonRef, at: z.string() }),
  ),
  /** The timeline as the caller's audience reads it: plain steps for citizens and deputies, the full record otherwise. */
  timeline: z.array(TimelineEvent),
  /** Who the caller reads this as (what the timeline and routing were cut for). */
  viewer: z.enum(VIEWERS),
  /** The stepper: 提交 → 交办 → 办理 → 答复 → 测评, with done/current and dates. */
  progress: SuggestionProgress,
  /** Today in China (YYYY-MM-DD) as the API counts it: days left, and the latest date a 面商 may be recorded on. */
  today: z.string(),
  actions: z.array(z.enum(SUGGESTION_ACTIONS)),
  /**
   * The same actions as buttons: the label to show (立案（稍后交办） beside 立案并按分办建议交办), whether it cannot
   * be undone, and then the question to ask before doing it.
   */
  actionDetails: z.array(
    z.object({
      action: z.enum(SUGGESTION_ACTIONS),
      label: z.string(),
      /** What pressing it does, in one plain sentence for this reader. */
      effect: z.string(),
      irreversible: z.boolean(),
      confirm: z.string().nullable(),
    }),
  ),
});

export const SuggestionPage = z.object({
  items: z.array(SuggestionSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

// ---------- the office dashboard ----------
export const StatsQuery = z.object({ from: isoMonth.optional(), to: isoMonth.optional() });
export const Share = z.object({ code: z.string(), label: z.string(), count: z.number(), percent: z.number() });
export const DepartmentRow = z.object({
  code: z.string(),
  name: z.string(),
  total: z.number(),
  answered: z.number(),
  onTime: z.number(),
  overdue: z.number(),
  /** Answered on time out of those answered and those overdue without an answer (percent). */
  onTimeRate: z.number().nullable(),
  /** Suggestions whose latest answer a deputy rated, and the share of them rated 满意 or 基本满意 (percent). */
  rated: z.number(),
  satisfactionRate: z.number().nullable(),
});
/** Rating and answer-class shares of one department, month or district. */
export const ShareBreakdownRow = z.object({
  code: z.string(),
  name: z.string(),
  ratings: z.array(Share),
  answerClasses: z.array(Share),
});
export const SuggestionStats = z.object({
  total: z.number(),
  /** Answered at least once; overdue is what `GET /api/suggestions?overdue=true` lists (open, answer deadline passed). */
  answered: z.number(),
  overdue: z.number(),
  byState: z.array(Share),
  byDepartment: z.array(DepartmentRow),
  byMonth: z.array(z.object({ month: z.string(), submitted: z.number(), answered: z.number() })),
  byRegion: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
  onTimeRate: z.number().nullable(),
  /** Rated 满意 or 基本满意 out of the latest ratings (percent). */
  satisfactionRate: z.number().nullable(),
  ratings: z.array(Share),
  answerClasses: z.array(Share),
  /** Things the office should act on, such as next year's holiday schedule still missing after 1 November. */
  warnings: z.array(z.string()),
  /** The same shares by lead department, by month of submission and by district (市本级 for the city's own). */
  breakdown: z.object({
    department: z.array(ShareBreakdownRow),
    month: z.array(ShareBreakdownRow),
    district: z.array(ShareBreakdownRow),
  }),
});

export const ErrorResponse = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const Department = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  duties: z.string(),
  /** Other names people use for it (住建局, 市住建 …): a chat message or an import may name it by any of them. */
  aliases: z.array(z.string()),
  keywords: z.array(z.string()),
});
export const Region = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentId: z.number().nullable(),
});
export const Station = z.object({ id: z.number(), name: z.string(), kind: z.string(), address: z.string(), region: RegionRef });
export const DeputyListItem = z.object({
  username: z.string(),
  name: z.string(),
  level: z.enum(DEPUTY_LEVELS),
  levelLabel: z.string(),
  delegation: z.string(),
  region: RegionRef.nullable(),
  station: z.object({ id: z.number(), name: z.string() }).nullable(),
});

/**
 * The addressee of a citizen's opinion form (GET /api/addressee): only what is public. `form` is what to send
 * with POST /api/suggestions; `page` and `scene` are the mini-program page and its scene, `link` the H5 form.
 */
export const Addressee = z.object({
  kind: z.enum(['deputy', 'station']),
  /** Whom the form says it goes to: the deputy's or the station's name. */
  name: z.string(),
  deputy: z
    .object({ username: z.string(), name: z.string(), level: z.enum(DEPUTY_LEVELS), levelLabel: z.string(), delegation: z.string() })
    .nullable(),
  /** The station: the addressed one, or the deputy's own station. */
  station: z.object({ id: z.number(), name: z.string(), kind: z.string(), address: z.string() }).nullable(),
  region: RegionRef.nullable(),
  form: z.object({ deputy: z.string().optional(), station: z.number().optional() }),
  page: z.string(),
  scene: z.string(),
  link: z.string(),
});
/** GET /api/addressee/code: the real mini-program code (PNG data URL) and, for H5, the link. */
export const AddresseeCode = z.object({
  addressee: Addressee,
  page: z.string(),
  scene: z.string(),
  link: z.string(),
  /** data:image/…;base64 — the 小程序码 from WeChat's getwxacodeunlimit. */
  image: z.string(),
  /** Served from the API's cache (WeChat was not asked again). */
  cached: z.boolean(),
});
export const AddresseeQuery = z.object({
  deputy: z.string().optional(),
  deputyId: z.string().optional(),
  station: z.string().optional(),
  scene: z.string().optional(),
});

export type LoginRequest = z.infer<typeof LoginRequest>;
export type Addressee = z.infer<typeof Addressee>;
export type AddresseeCode = z.infer<typeof AddresseeCode>;
export type AuthResponse = z.infer<typeof AuthResponse>;
export type Me = z.infer<typeof Me>;
export type CreateSuggestionRequest = z.input<typeof CreateSuggestionRequest>;
export type UpdateDraftRequest = z.input<typeof UpdateDraftRequest>;
export type ListSuggestionsQuery = z.input<typeof ListSuggestionsQuery>;
export type SuggestionSummary = z.infer<typeof SuggestionSummary>;
export type SuggestionDetail = z.infer<typeof SuggestionDetail>;
export type SuggestionPage = z.infer<typeof SuggestionPage>;
export type RoutingProposal = z.infer<typeof RoutingProposal>;
export type PresentedRouting = z.infer<typeof PresentedRouting>;
export type ProgressStep = z.infer<typeof ProgressStep>;
export type SuggestionProgress = z.infer<typeof SuggestionProgress>;
export type NextStep = z.infer<typeof NextStep>;
export type RoutedDepartment = z.infer<typeof RoutedDepartment>;
export type Deadlines = z.infer<typeof Deadlines>;
export type TimelineEvent = z.infer<typeof TimelineEvent>;
export type Department = z.infer<typeof Department>;
export type Region = z.infer<typeof Region>;
export type Station = z.infer<typeof Station>;
export type DeputyListItem = z.infer<typeof DeputyListItem>;
export type Share = z.infer<typeof Share>;
export type DepartmentRow = z.infer<typeof DepartmentRow>;
export type SuggestionStats = z.infer<typeof SuggestionStats>;
export type ShareBreakdownRow = z.infer<typeof ShareBreakdownRow>;
