/** The OpenAPI 3 document, generated from the same zod schemas the API validates with. */
import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ACTION_LABELS } from '../contracts/labels';
import { SUGGESTION_ACTIONS } from '../contracts/enums';
import * as S from '../contracts/schemas';
import * as E from '../contracts/engagement';
import * as C from '../contracts/calendar';
import * as A from '../contracts/admin';
import * as I from '../contracts/identity';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const err = (description: string) => ({ description, ...json(S.ErrorResponse) });
const errors = { 400: err('输入有误'), 401: err('未登录'), 403: err('无权操作'), 404: err('不存在'), 409: err('当前状态不允许') };
const idParam = z.object({ id: z.string().regex(/^\d+$/) });

let cached: object | null = null;

/** Builds (once) and returns the OpenAPI document. */
export function openApiDocument(): object {
  if (cached) return cached;
  const reg = new OpenAPIRegistry();
  const bearer = reg.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const secured = [{ [bearer.name]: [] }];

  for (const [path, body, summary] of [
    ['/api/auth/login', S.LoginRequest, '工作人员用户名密码登录'],
    ['/api/auth/wechat', S.WechatLoginRequest, '微信小程序登录（wx.login 的 code；带 invitation 邀请码时先把这个微信绑定到受邀的账号）'],
    ['/api/auth/dev', S.DevLoginRequest, '演示模式：代表和群众按用户名登录'],
  ] as const) {
    reg.registerPath({ method: 'post', path, summary, tags: ['登录'], request: { body: json(body) }, responses: { 200: { description: '登录成功', ...json(S.AuthResponse) }, 400: errors[400], 401: errors[401] } });
  }
  reg.registerPath({ method: 'get', path: '/api/me', summary: '当前用户', tags: ['登录'], security: secured, responses: { 200: { description: '当前用户', ...json(S.Me) }, 401: errors[401] } });

  reg.registerPath({
    method: 'get',
    path: '/api/suggestions',
    summary: '建议列表（按角色限定范围）',
    tags: ['建议'],
    security: secured,
    request: { query: S.ListSuggestionsQuery },
    responses: { 200: { description: '一页建议', ...json(S.SuggestionPage) }, 400: errors[400], 401: errors[401] },
  });
  reg.registerPath({
    method: 'post',
    path: '/api/suggestions',
    summary: '新建建议草稿，或 submit=true 直接提交',
    tags: ['建议'],
    security: secured,
    request: { body: json(S.CreateSuggestionRequest) },
    responses: { 201: { description: '建议详情', ...json(S.SuggestionDetail) }, 400: errors[400], 401: errors[401], 403: errors[403] },
  });
  reg.registerPath({
    method: 'get',
    path: '/api/suggestions/{id}',
    summary: '建议详情：时间线、期限、当前用户可做的操作',
    tags: ['建议'],
    security: secured,
    request: { params: idParam },
    responses: { 200: { description: '建议详情', ...json(S.SuggestionDetail) }, 401: errors[401], 404: errors[404] },
  });
  reg.registerPath({
    method: 'patch',
    path: '/api/suggestions/{id}',
    summary: '修改草稿',
    tags: ['建议'],
    security: secured,
    request: { params: idParam, body: json(S.UpdateDraftRequest) },
    responses: { 200: { description: '建议详情', ...json(S.SuggestionDetail) }, ...errors },
  });
  for (const action of SUGGESTION_ACTIONS) {
    reg.registerPath({
      method: 'post',
      path: `/api/suggestions/{id}/${action}`,
      summary: ACTION_LABELS[action],
      tags: ['建议办理'],
      security: secured,
      request: { params: idParam, body: json(S.ActionBodies[action]) },
      responses: { 200: { description: '操作后的建议详情', ...json(S.SuggestionDetail) }, ...errors },
    });
  }
  reg.registerPath({
    method: 'post',
    path: '/api/suggestions/{id}/reassign',
    summary: '改派：交办给指定的主办、协办单位（待审查的先立案），一次调用',
    tags: ['建议办理'],
    security: secured,
    request: { params: idParam, body: json(S.ActionBodies.assign) },
    responses: { 200: { description: '操作后的建议详情', ...json(S.SuggestionDetail) }, ...errors },
  });
  reg.registerPath({
    method: 'post',
    path: '/api/routing/classify',
    summary: '分办预览：推荐主办、协办单位及依据词',
    tags: ['分办'],
    security: secured,
    request: { body: json(S.ClassifyRequest) },
    responses: { 200: { description: '分办建议（把握程度高/中/低及理由；低于下限的单位不列出）', ...json(S.PresentedRouting) }, 400: errors[400], 401: errors[401] },
  });
  reg.registerPath({
    method: 'get',
    path: '/api/addressee',
    summary: '群众意见表的收件人（扫码进入时显示“写给谁”）：代表姓名、层级、代表团、联络站、区域——只含公开信息；已停用的代表、撤销的联络站为 404。参数四选一：deputy（用户名）、deputyId、station、scene（小程序码的 d=代表编号 或 s=联络站编号）',
    tags: ['目录'],
    request: { query: S.AddresseeQuery },
    responses: { 200: { description: '收件人；form 即提交意见时带上的字段，page/scene 为小程序页面及参数，link 为 H5 链接', ...json(S.Addressee) }, 400: errors[400], 404: errors[404] },
  });
  reg.registerPath({
    method: 'get',
    path: '/api/addressee/code',
    summary: '收件人意见表的小程序码（微信 getwxacodeunlimit 生成，服务器缓存），同时给出 H5 链接；参数同 /api/addressee，另可加 width=280–1280、env=release|trial|develop、format=png（直接返回图片）。微信出错为 502，连不上、繁忙或未配置 AppSecret 为 503',
    tags: ['目录'],
    security: secured,
    request: { query: S.AddresseeQuery.extend({ width: z.string().optional(), env: z.enum(['release', 'trial', 'develop']).optional(), format: z.enum(['png']).optional() }) },
    responses: {
      200: { description: '小程序码（data URL）和链接', ...json(S.AddresseeCode) },
      ...errors,
      502: err('微信返回错误（中文说明）'),
      503: err('暂时连不上微信、微信繁忙或未配置小程序 AppSecret'),
    },
  });
  reg.registerPath({
    method: 'get',
    path: '/api/deputies',
    summary: '代表名录（公开信息；只含在用账号）：按区域、联络站筛选，q 按姓名或用户名查找（姓名完全相同的排在前面），limit 最多返回条数',
    tags: ['目录'],
    request: { query: z.object({ region: z.string().optional(), station: z.string().optional(), q: z.string().max(20).optional(), limit: z.string().optional() }) },
    responses: { 200: { description: '代表', ...json(z.object({ items: z.array(S.DeputyListItem) })) }, 400: errors[400] },
  });
  for (const [path, schema, summary] of [
    ['/api/departments', S.Department, '承办单位'],
    ['/api/regions', S.Region, '区域'],
    ['/api/stations', S.Station, '代表联络站'],
  ] as const) {
    reg.registerPath({ method: 'get', path, summary, tags: ['目录'], responses: { 200: { description: summary, ...json(z.object({ items: z.array(schema) })) } } });
  }
  reg.registerPath({
    method: 'get',
    path: '/api/calendar',
    summary: '某年的放假日和调休上班日（?year=2027）；source：official 已录入官方安排、package 日历组件自带的官方安排、provisional 暂按法定节假日推算',
    tags: ['日历'],
    security: secured,
    request: { query: z.object({ year: z.string().optional() }) },
    responses: { 200: { description: '这一年的日历', ...json(C.CalendarYearResponse) }, 400: errors[400], 401: errors[401] },
  });
  reg.registerPath({
    method: 'put',
    path: '/api/calendar/{year}',
    summary: '管理员录入某年官方放假安排（放假日、调休上班日）；在办建议的期限随即重算并记入时间线',
    tags: ['日历'],
    security: secured,
    request: { params: z.object({ year: z.string().regex(/^\d{4}$/) }), body: json(C.CalendarScheduleRequest) },
    responses: { 200: { description: '录入后的日历（recounted：期限有变动的建议件数）', ...json(C.CalendarYearResponse.extend({ recounted: z.number() })) }, ...errors },
  });
  reg.registerPath({
    method: 'post',
    path: '/api/notices/audience',
    summary: '发送对象人数：按与发布通知、问卷、会议邀请相同的规则计算会收到的人数（人大工作人员只算本区域）',
    tags: ['通知'],
    security: secured,
    request: { body: json(E.AudienceCountRequest) },
    responses: { 200: { description: '会收到的人数，其中代表按层级', ...json(E.AudienceCount) }, ...errors },
  });
  const any = z.object({}).passthrough();
  const engagement: [method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: string, summary: string, tag: string, body: z.ZodType | null][] = [
    ['post', '/api/notices', '发布通知（对象：全体代表、层级、区域、联络站、代表团或指定人员）', '通知', E.PublishNoticeRequest],
    ['get', '/api/notices', '已发布的通知及已读人数（人大工作人员）', '通知', null],
    ['get', '/api/notices/{id}/receipts', '通知阅读回执：谁已读、谁未读', '通知', null],
    ['get', '/api/inbox', '我的消息（?unread=true 只看未读）', '通知', null],
    ['post', '/api/inbox/{id}/read', '标记已读（收到）', '通知', null],
    ['post', '/api/inbox/read-all', '全部标记已读', '通知', null],
    ['get', '/api/me/notification-settings', '我的消息设置：哪些渠道推送、免打扰时段（22:00–07:00，紧急事项除外）', '通知', null],
    ['put', '/api/me/notification-settings', '修改消息设置（站内消息始终开启；群聊、微信可关闭；免打扰可开关）', '通知', E.NotificationSettingsRequest],
    ['get', '/api/deliveries', '机器人领取待发的群聊推送（管理员账号）', '推送', null],
    ['post', '/api/deliveries/{id}/ack', '机器人确认推送结果', '推送', E.AckRequest],
    ['get', '/api/deliveries/dead', '投递失败的消息', '推送', null],
    ['post', '/api/questionnaires', '发布问卷、票决或测评', '问卷票决测评', E.QuestionnaireRequest],
    ['get', '/api/questionnaires', '我的问卷、票决、测评', '问卷票决测评', null],
    ['get', '/api/questionnaires/{id}', '题目和我的回答', '问卷票决测评', null],
    ['post', '/api/questionnaires/{id}/answers', '提交回答（问卷截止前可修改；票决每人一次）', '问卷票决测评', E.AnswerRequest],
    ['get', '/api/questionnaires/{id}/results', '结果统计（票决含法定人数和是否通过）', '问卷票决测评', null],
    ['get', '/api/questionnaires/{id}/export', '导出 ?format=csv|xlsx（匿名问卷不含姓名）', '问卷票决测评', null],
    ['post', '/api/meetings', '安排会议或活动并邀请', '会议活动', E.MeetingRequest],
    ['get', '/api/meetings', '我的会议（?past=true 含已结束）', '会议活动', null],
    ['get', '/api/meetings/{id}', '会议详情（组织者可见签到码和出勤）', '会议活动', null],
    ['patch', '/api/meetings/{id}', '修改会议（改时间地点会通知并顺延提醒）', '会议活动', E.MeetingUpdateRequest],
    ['post', '/api/meetings/{id}/cancel', '取消会议', '会议活动', E.CancelRequest],
    ['post', '/api/meetings/{id}/rsvp', '回复参加或请假', '会议活动', E.RsvpRequest],
    ['post', '/api/meetings/{id}/leave-decision', '审批请假', '会议活动', E.LeaveDecisionRequest],
    ['post', '/api/meetings/{id}/checkin', '签到（开始前后一小时内）', '会议活动', E.CheckinRequest],
    ['post', '/api/meetings/checkin', '只凭签到码签到（群聊里用）', '会议活动', E.CheckinRequest],
    ['get', '/api/meetings/{id}/ics', '会议日历文件 .ics', '会议活动', null],
    ['post', '/api/routing/similar', '相似建议预览（尚未提交的文字）', '分办', S.ClassifyRequest],
    ['get', '/api/suggestions/{id}/similar', '与这件建议相似的已有建议', '建议', null],
    ['get', '/api/routing/models', '分办模型各版本：训练数据概况、留出样本评分、当前版本', '分办', null],
    ['post', '/api/routing/models', '立即重新训练分办模型（留出评分不低于当前版本才启用）', '分办', S.RetrainRequest],
    ['post', '/api/routing/models/{id}/activate', '切换到指定版本（回滚）', '分办', null],
    ['post', '/api/photos', '上传照片（图片本身作请求体，JPG/PNG/WebP，≤3 MB），得到编号和链接；提交意见时在 photos 里带上编号', '照片', null],
    ['get', '/api/photos/{id}', '照片（用详情里的签名链接，一天内有效）', '照片', null],
    ['get', '/api/stats/suggestions', '建议统计：按状态、承办单位、月份、区县；按期答复率；测评和答复类别占比（?from=YYYY-MM&to=YYYY-MM）', '统计', null],
    ['get', '/api/stats/suggestions/export', '导出统计 ?format=xlsx|csv（可加 from、to）', '统计', null],
    ['post', '/api/routing/history', '导入历史建议（CSV 或 XLSX 文件作为请求体，列：标题、内容、承办单位；?retrain=false 只导入不训练）', '分办', null],
    ['post', '/api/chat/bind-code', '获取聊天账号绑定码（6 位，10 分钟内有效）', '聊天机器人', null],
    ['post', '/api/chat/bind', '机器人用绑定码绑定聊天账号', '聊天机器人', E.ChatBindRequest],
    ['post', '/api/chat/token', '机器人取得已绑定用户的令牌', '聊天机器人', E.ChatTokenRequest],
    ['get', '/api/chat/sessions/{key}', '读取机器人会话（多轮草稿）', '聊天机器人', null],
    ['put', '/api/chat/sessions/{key}', '保存机器人会话', '聊天机器人', E.ChatSessionRequest],
    ['delete', '/api/chat/sessions/{key}', '结束机器人会话', '聊天机器人', null],
  ];
  const admin: ['get' | 'post' | 'patch', string, string, z.ZodType | null, z.ZodType, z.ZodType | null][] = [
    ['post', '/api/regions', '新增区域（市、区县、镇街三级；人大工作人员只在本区域内）', A.CreateRegionRequest, A.AdminRegion, null],
    ['patch', '/api/regions/{code}', '修改区域名称', A.RenameRegionRequest, A.AdminRegion, z.object({ code: z.string() })],
    ['get', '/api/admin/stations', '可管理的联络站（含已停用）', null, z.object({ items: z.array(A.AdminStation) }), null],
    ['post', '/api/stations', '新增联络站', A.CreateStationRequest, A.AdminStation, null],
    ['patch', '/api/stations/{id}', '修改、停用或启用联络站', A.UpdateStationRequest, A.AdminStation, idParam],
    ['get', '/api/admin/departments', '全部承办单位（含已停用）', null, z.object({ items: z.array(A.AdminDepartment) }), null],
    ['post', '/api/departments', '新增承办单位（职责、别名、分类关键词）', A.CreateDepartmentRequest, A.AdminDepartment, null],
    ['patch', '/api/departments/{code}', '修改、停用或启用承办单位', A.UpdateDepartmentRequest, A.AdminDepartment, z.object({ code: z.string() })],
    ['get', '/api/users', '账号列表和搜索（分页；人大工作人员只看本区域）', null, A.UserPage, null],
    ['patch', '/api/users/{username}', '修改账号的姓名、角色、区域、单位、联络站', A.UpdateUserRequest, A.AdminUser, z.object({ username: z.string() })],
    ['post', '/api/users/{username}/deactivate', '停用账号（不能登录，令牌立即失效；不删除）', A.DeactivateUserRequest, A.AdminUser, z.object({ username: z.string() })],
    ['post', '/api/users/{username}/reactivate', '恢复账号', A.DeactivateUserRequest, A.AdminUser, z.object({ username: z.string() })],
    ['get', '/api/audit', '审计日志：管理操作和登录（仅系统管理员；新的在前）', null, A.AuditPage, null],
  ];
  const queries: Record<string, z.ZodType> = { '/api/users': A.ListUsersQuery, '/api/audit': A.AuditQuery };
  for (const [method, path, summary, body, response, params] of admin) {
    reg.registerPath({
      method,
      path,
      summary,
      tags: [path === '/api/audit' ? '审计日志' : '管理'],
      security: secured,
      request: {
        ...(params ? { params: params as z.ZodObject } : {}),
        ...(queries[path] ? { query: queries[path] as z.ZodObject } : {}),
        ...(body ? { body: json(body) } : {}),
      },
      responses: { [method === 'post' && !path.includes('activate') ? 201 : 200]: { description: '成功', ...json(response) }, ...errors },
    });
  }
  for (const [method, path, summary, tag, body] of engagement) {
    reg.registerPath({
      method,
      path,
      summary,
      tags: [tag],
      security: secured,
      request: {
        ...(path.includes('{id}') ? { params: idParam } : path.includes('{key}') ? { params: z.object({ key: z.string() }) } : {}),
        ...(body ? { body: json(body) } : {}),
      },
      responses: { 200: { description: '成功', ...json(any) }, ...errors },
    });
  }
  reg.registerPath({
    method: 'post',
    path: '/api/users',
    summary: '新建账号（代表、承办单位工作人员、人大工作人员、群众；区县人大只能建本区域的）',
    tags: ['账号与邀请'],
    security: secured,
    request: { body: json(I.CreateUserRequest) },
    responses: { 201: { description: '新账号', ...json(I.UserView) }, ...errors },
  });
  reg.registerPath({
    method: 'post',
    path: '/api/users/import',
    summary: '导入名单（CSV 或 XLSX 文件作请求体；?kind=deputies|staff|stations，省略时按列名判断）：逐行新建、更新、不变或拒收（附原因和行号）',
    tags: ['账号与邀请'],
    security: secured,
    request: { query: z.object({ kind: z.enum(I.ROSTER_KINDS).optional(), format: z.enum(['csv', 'xlsx']).optional() }) },
    responses: { 200: { description: '导入结果', ...json(I.RosterImportSummary) }, ...errors },
  });
  reg.registerPath({
    method: 'post',
    path: '/api/users/{username}/invitation',
    summary: '发邀请码（一次有效，7 天内；新码使旧码作废）：受邀人在小程序里扫码或输入邀请码绑定微信',
    tags: ['账号与邀请'],
    security: secured,
    request: { params: z.object({ username: z.string() }) },
    responses: { 201: { description: '邀请码（只显示这一次）、有效期、链接和二维码', ...json(I.InvitationResponse) }, ...errors },
  });
  cached = new OpenApiGeneratorV3(reg.definitions).generateDocument({
    openapi: '3.0.3',
    info: { title: '履职通 API', version: '0.1.0', description: '代表履职平台：建议的提交、审查、交办、办理、答复与测评。错误统一为 {"error":{"code","message"}}，message 为中文。' },
    servers: [{ url: '/' }],
  });
  return cached;
}
