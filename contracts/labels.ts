/** Chinese display labels for every code in `enums.ts` — the one place they live. */
import type {
  AnswerClass,
  ConsultMethod,
  CosignKind,
  CosignStatus,
  DeputyLevel,
  Rating,
  Role,
  SuggestionEventKind,
  SuggestionSource,
  SuggestionState,
  DepartmentKind,
  RegionLevel,
  Viewer,
  ConfidenceLevel,
  ProgressStepKey,
  SuggestionAction,
} from './enums';

export const ROLE_LABELS: Record<Role, string> = {
  citizen: '群众',
  deputy: '代表',
  staff: '承办单位',
  office: '人大工作人员',
  admin: '系统管理员',
  service: '机器人服务账号',
};

export const DEPUTY_LEVEL_LABELS: Record<DeputyLevel, string> = {
  national: '全国人大代表',
  provincial: '省人大代表',
  city: '市人大代表',
  county: '区县人大代表',
  township: '乡镇人大代表',
};

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = { city: '市', district: '区县', town: '镇街' };

export const SOURCE_LABELS: Record<SuggestionSource, string> = {
  deputy: '代表建议',
  citizen: '群众意见',
  station: '联络站收集',
};

export const STATE_LABELS: Record<SuggestionState, string> = {
  draft: '草稿',
  received: '待代表处理',
  submitted: '待审查',
  accepted: '已立案待交办',
  referenced: '不予立案（留作参考）',
  withdrawn: '已撤回',
  replied: '代表已直接答复',
  assigned: '已交办待签收',
  handling: '办理中',
  answered: '已答复待测评',
  awaiting_office: '再次不满意，待人大决定',
  closed: '已办结',
};

export const ACTION_LABELS: Record<SuggestionEventKind, string> = {
  create: '创建',
  edit: '修改',
  submit: '提交',
  withdraw: '撤回',
  forward: '转为建议',
  reply: '直接答复',
  accept: '立案',
  reject: '不予立案',
  assign: '交办',
  confirm: '确认分办',
  sign: '签收',
  return: '退回',
  opinion: '提交协办意见',
  consult: '面商',
  'request-extension': '申请延期',
  'decide-extension': '审批延期',
  'draft-answer': '保存答复草稿',
  'publish-answer': '正式答复',
  rate: '测评',
  'decide-redo': '决定办结或重新办理',
  cosign: '答复附议邀请',
  join: '申请附议',
  'decide-join': '答复附议申请',
  close: '办结',
  urge: '催办',
  order: '责令书',
  reschedule: '期限调整',
};

export const COSIGN_KIND_LABELS: Record<CosignKind, string> = { invited: '领衔代表邀请', request: '本人申请加入' };
export const COSIGN_STATUS_LABELS: Record<CosignStatus, string> = { pending: '待答复', accepted: '已同意附议', declined: '已谢绝' };

export const ANSWER_CLASS_LABELS: Record<AnswerClass, string> = {
  A: '已解决或采纳',
  B: '正在解决或列入计划',
  C: '因条件限制暂难解决',
  D: '留作参考',
};

export const RATING_LABELS: Record<Rating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export const CONSULT_METHOD_LABELS: Record<ConsultMethod, string> = {
  visit: '走访',
  phone: '电话',
  meeting: '座谈会',
  online: '网上沟通',
  none: '无法面商',
};

export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  government: '政府部门',
  public_institution: '事业单位',
  court: '法院',
  procuratorate: '检察院',
  utility: '公用事业单位',
};

/** Chinese names of request fields, used to phrase validation messages. */
export const FIELD_LABELS: Record<string, string> = {
  holidays: '放假日期',
  workdays: '调休上班日期',
  title: '标题',
  body: '内容',
  submit: '是否提交',
  cosigners: '附议代表',
  deputy: '代表',
  station: '联络站',
  reason: '理由',
  note: '说明',
  lead: '主办单位',
  co: '协办单位',
  departments: '承办单位',
  opinion: '协办意见',
  method: '面商方式',
  happenedOn: '面商日期',
  summary: '面商情况',
  months: '延期月数',
  approve: '审批结果',
  answerClass: '答复类别',
  text: '答复正文',
  rating: '测评结果',
  comment: '测评意见',
  redo: '是否重新办理',
  accept: '是否同意附议',
  user: '代表',
  username: '用户名',
  password: '密码',
  code: '代码|登录凭证',
  page: '页码',
  pageSize: '每页条数',
  state: '状态',
  department: '承办单位',
  region: '区域',
  overdue: '是否超期',
  q: '关键词',
  queue: '队列',
  name: '名称',
  parent: '上级区域',
  kind: '类别',
  address: '地址',
  duties: '职责',
  aliases: '别名',
  keywords: '分类关键词',
  role: '角色',
  active: '是否启用',
  actor: '操作人',
  action: '操作',
  object: '对象',
  from: '开始日期',
  to: '结束日期',
  invitation: '邀请码',
  level: '代表层级',
  delegation: '代表团',
  electoralUnit: '选区',
  workUnit: '工作单位',
  post: '职务',
  phone: '手机号',
};

export const MAJORITY_BASE_LABELS = { eligible: '全体应投票人数', valid: '有效票数' } as const;
export const QUESTIONNAIRE_KIND_LABELS = { survey: '问卷', ballot: '票决', evaluation: '测评' } as const;
export const MEETING_KIND_LABELS = { session: '人代会', committee: '常委会会议', inspection: '视察调研', reception: '联络站接待日', other: '其他活动' } as const;
export const RSVP_LABELS = { pending: '未回复', attend: '参加', leave: '请假' } as const;
export const EVALUATION_OPTIONS = ['满意', '基本满意', '不满意'] as const;

/** Routing model versions: status and why the version was trained. */
export const ROUTING_MODEL_STATUS_LABELS: Record<string, string> = { current: '当前使用', retired: '已停用', rejected: '未采用（留出评分更低）' };
export const ROUTING_MODEL_REASON_LABELS: Record<string, string> = {
  initial: '初始训练',
  retrain: '手动重新训练',
  nightly: '夜间自动重训',
  import: '导入历史建议后训练',
};

/** The audit log's action codes as the admin reads them (an unknown code is shown as it is). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  signin: '登录成功',
  'signin.failed': '登录失败',
  'regions.create': '新增区域',
  'regions.rename': '修改区域名称',
  'stations.create': '新增联络站',
  'stations.update': '修改联络站',
  'departments.create': '新增承办单位',
  'departments.update': '修改承办单位',
  'users.create': '新增用户',
  'users.update': '修改用户',
  'users.deactivate': '停用账号',
  'users.reactivate': '恢复账号',
};

export const VIEWER_LABELS: Record<Viewer, string> = { citizen: '群众', deputy: '代表', department: '承办单位', office: '人大机关' };
export const CONFIDENCE_LABELS: Record<ConfidenceLevel, string> = { high: '高', medium: '中', low: '低' };
export const PROGRESS_STEP_LABELS: Record<ProgressStepKey, string> = { submit: '提交', assign: '交办', handle: '办理', answer: '答复', rate: '测评' };

/**
 * Suggestion actions that cannot be undone, with the question a front end asks before doing them. A front end
 * shows this text in a confirmation and acts only after the person agrees.
 */
export const IRREVERSIBLE_ACTIONS: Partial<Record<SuggestionAction, string>> = {
  submit: '提交后不能再修改内容，确定提交吗？',
  withdraw: '撤回后这件不再办理，确定撤回吗？',
  forward: '转为建议后将交人大机关审查，确定转交吗？',
  reply: '直接答复后这条意见就办结了，确定答复吗？',
  reject: '不予立案后这件建议只留作参考，不再交办，确定吗？',
  assign: '交办后承办单位会立即收到任务，确定交办吗？',
  confirm: '将按分办建议交办，承办单位会立即收到任务，确定吗？',
  sign: '签收后由本单位负责办理，答复期限从交办那天算起，确定签收吗？',
  return: '退回后这件建议将由人大机关重新交办，确定退回吗？',
  'publish-answer': '正式答复发布后不能撤回，代表和群众会立即看到，确定发布吗？',
  rate: '测评提交后不能修改，确定提交吗？',
  'decide-redo': '这个决定提交后不能更改，确定吗？',
  close: '办结后这件建议不再办理，确定办结吗？',
  urge: '催办会立即通知承办单位，确定催办吗？',
  order: '责令书会立即发给承办单位，确定发出吗？',
  'decide-extension': '审批结果会立即通知承办单位，确定吗？',
};

/** What an action button says where the plain action label would mislead (立案 beside 立案并交办). */
export const ACTION_BUTTON_LABELS: Partial<Record<SuggestionState, Partial<Record<SuggestionAction, string>>>> = {
  submitted: { accept: '立案（稍后交办）', confirm: '立案并按分办建议交办', reject: '不予立案' },
  accepted: { confirm: '按分办建议交办', assign: '选择承办单位交办' },
};

/**
 * What pressing an action button does, in one plain sentence shown beside the button (ACTION_EFFECTS_IN_STATE says
 * it differently where the state changes its meaning).
 */
export const ACTION_EFFECTS: Record<SuggestionAction, string> = {
  submit: '交人大机关审查；提交后不能再修改。',
  withdraw: '不再办理这一件，可写明原因。',
  forward: '把群众的意见转为您的建议，交人大机关审查。',
  reply: '直接答复群众，这条意见就此办结。',
  accept: '同意立案，之后再选定承办单位交办。',
  reject: '不立案，只留作工作参考；需要写明理由。',
  assign: '自己选定主办和协办单位，承办单位会立即收到任务。',
  confirm: '按推荐的承办单位交办，承办单位会立即收到任务。',
  sign: '确认由本单位办理，随后开始办理；答复期限从交办那天算起。',
  return: '不属于本单位职责时退回，由人大机关重新交办；需要写明理由。',
  opinion: '把本单位的意见写给主办单位，供其答复时采用。',
  consult: '记下与代表沟通的情况（见面、电话等）；正式答复前必须有这条记录。',
  'request-extension': '申请把答复期限延后 1 至 3 个月，由人大机关审批。',
  'decide-extension': '同意或不同意承办单位的延期申请，结果会通知承办单位。',
  'draft-answer': '先存为草稿，可以反复修改；代表和群众此时看不到。',
  'publish-answer': '把草稿作为正式答复发出，代表和群众随即可以看到并测评。',
  rate: '对答复选择满意、基本满意或不满意；不满意将重新办理。',
  'decide-redo': '代表仍不满意时，决定就此办结还是再办一轮。',
  cosign: '同意或谢绝作为附议代表联名。',
  join: '申请作为附议代表联名，由领衔代表决定。',
  'decide-join': '同意或谢绝其他代表的附议申请。',
  close: '结束办理，这一件不再办理。',
  urge: '向承办单位发出催办通知，并记入办理经过。',
  order: '向承办单位发出责令书，并记入办理经过。',
};

/** Where an action does something different in a given state, what it says there instead. */
export const ACTION_EFFECTS_IN_STATE: Partial<Record<SuggestionState, Partial<Record<SuggestionAction, string>>>> = {
  submitted: {
    accept: '同意立案，稍后再选定承办单位交办。',
    confirm: '立案，并按推荐的承办单位交办，承办单位会立即收到任务。',
  },
};

/** Where an action means something else to one audience (a citizen's rating does not reopen the case). */
export const ACTION_EFFECTS_FOR_VIEWER: Partial<Record<Viewer, Partial<Record<SuggestionAction, string>>>> = {
  citizen: { rate: '告诉人大机关您对这次答复是否满意，可以写几句意见。' },
};

/** What the audit log's recorded fields are called on screen (fields not listed keep their own name). */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  name: '名称',
  role: '角色',
  regionId: '区域编号',
  departmentId: '承办单位编号',
  stationId: '联络站编号',
  parentId: '上级区域编号',
  active: '状态',
  wechatLinked: '微信绑定',
  method: '登录方式',
  by: '方式',
  reason: '原因',
  code: '代码',
  level: '层级',
  kind: '类别',
  address: '地址',
  duties: '职责',
  aliases: '别名',
  keywords: '关键词',
  invitationExpiresAt: '邀请码有效期至',
  closedSelfRegistration: '关闭自行注册的账号',
  total: '总数',
  created: '新增',
  updated: '更新',
  unchanged: '未变',
  refused: '未导入',
  source: '来源',
  holidays: '放假日期',
  workdays: '调休上班日期',
};

/** What kind of object an audit row is about. */
export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  user: '账号',
  region: '区域',
  station: '联络站',
  department: '承办单位',
  roster: '名册导入',
  calendar: '节假日安排',
};

/** How someone signed in or linked an account. */
export const SIGN_IN_METHOD_LABELS: Record<string, string> = { password: '密码', wechat: '微信', dev: '演示登录', invitation: '邀请码' };
