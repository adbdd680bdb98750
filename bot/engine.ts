/**
 * The bot engine, independent of transport: a chat message in, replies out. It parses the text into an
 * intent, calls the API as the person talking (a token the API issues for their bound chat identity), keeps
 * multi-turn drafts in the API's session store, and phrases results and API errors as short Chinese replies.
 * It never imports core/ or models/: every rule lives behind the API.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ApiError, createApiClient, type ApiClient, type QuestionnaireDetail } from '../contracts/client';
import { chinaTime } from '../contracts/format';
import { hasCommandPrefix, normalize, parseIntent, type Intent } from './intents';

export interface IncomingMessage {
  transport: string;
  /** The group id, or null in a private chat. */
  chatId: string | null;
  chatType: 'group' | 'single';
  senderId: string;
  senderName: string;
  text: string;
  mentionsBot: boolean;
}

export interface OutgoingMessage {
  /** The group id for a group reply, the sender's id for a private one. */
  to: string;
  chat: string | null;
  text: string;
}

export interface EngineOptions {
  apiUrl: string;
  serviceUsername: string;
  servicePassword: string;
  fetch?: typeof fetch;
  /** Called after each message with the total time and the part spent waiting for the API (ms). */
  onTiming?: (t: { totalMs: number; apiMs: number }) => void;
}

const apiTime = new AsyncLocalStorage<{ ms: number }>();

type Session =
  | { flow: 'suggest'; step: 'title' | 'body' | 'confirm'; title?: string; body?: string; cosigners?: string[]; lead?: string }
  | { flow: 'questionnaire'; id: number; index: number; answers: Record<string, string | number | number[]> }
  | { flow: 'pick-questionnaire'; ids: number[] }
  | { flow: 'answer'; id: number; step: 'class' | 'text' | 'confirm'; answerClass?: string; text?: string };

const HELP: Record<string, string> = {
  deputy: ['我可以帮你：', '· 提建议（或“提建议 标题｜内容”）', '· 我的建议 / 建议 12', '· 评价 12 满意（基本满意、不满意+理由）', '· 通知 / 收到', '· 问卷 / 票决', '· 会议 / 参加 3 / 请假 3 理由 / 签到 123456'].join('\n'),
  citizen: ['我可以帮你：', '· 我的建议（你反映的意见）/ 建议 12', '· 通知 / 收到'].join('\n'),
  staff: ['我可以帮你：', '· 我的任务（按期限排序，超期在前）', '· 签收 12 / 退回 12 理由', '· 答复 12 B 答复内容（先预览，回复“确认”后正式答复）', '· 延期 12 2个月 理由', '· 通知 / 收到'].join('\n'),
  office: ['我可以帮你：', '· 待分办（分办建议和依据词）', '· 确认 12 / 改派 12 住建局 财政局', '· 催办 12', '· 通知 / 收到 / 会议'].join('\n'),
  admin: '我可以帮你：通知 / 收到。',
};

const BIND_HELP = '你还没有绑定账号。请在“履职通”小程序“我的—绑定聊天账号”里获取 6 位绑定码，然后发给我：绑定 123456';

/** The engine: one per bot process, any number of conversations. */
export class BotEngine {
  private service: ApiClient;
  private serviceLoggedIn = false;
  private tokens = new Map<string, { token: string; role: string; name: string; at: number }>();
  private departments: { code: string; name: string }[] | null = null;

  private readonly options: EngineOptions;

  constructor(options: EngineOptions) {
    const base = options.fetch ?? fetch;
    // Every API call is timed, so that the bot's own processing can be told apart from waiting for the API.
    const timed: typeof fetch = async (input, init) => {
      const start = performance.now();
      try {
        return await base(input, init);
      } finally {
        const acc = apiTime.getStore();
        if (acc) acc.ms += performance.now() - start;
      }
    };
    this.options = { ...options, fetch: timed };
    this.service = createApiClient({ baseUrl: options.apiUrl, fetch: timed });
  }

  /** The API client of the bot's service account. */
  async serviceClient(): Promise<ApiClient> {
    if (!this.serviceLoggedIn) {
      await this.service.login(this.options.serviceUsername, this.options.servicePassword);
      this.serviceLoggedIn = true;
    }
    return this.service;
  }

  /** Handles one message; returns the replies (none when a group message is not for the bot). */
  async handle(msg: IncomingMessage): Promise<OutgoingMessage[]> {
    const acc = { ms: 0 };
    const start = performance.now();
    try {
      return await apiTime.run(acc, () => this.handleTimed(msg));
    } finally {
      this.options.onTiming?.({ totalMs: performance.now() - start, apiMs: acc.ms });
    }
  }

  private async handleTimed(msg: IncomingMessage): Promise<OutgoingMessage[]> {
    const inGroup = msg.chatType === 'group' && msg.chatId !== null;
    if (inGroup && !msg.mentionsBot && !hasCommandPrefix(msg.text)) return [];
    const out: OutgoingMessage[] = [];
    const say = (text: string, opts: { private?: boolean } = {}) => {
      if (!inGroup) out.push({ to: msg.senderId, chat: null, text });
      else if (opts.private) {
        out.push({ to: msg.senderId, chat: null, text });
        out.push({ to: msg.chatId!, chat: msg.chatId, text: `@${msg.senderName} 详情已私信发给你。` });
      } else out.push({ to: msg.chatId!, chat: msg.chatId, text: `@${msg.senderName} ${text}` });
    };
    try {
      try {
        await this.dispatch(msg, parseIntent(normalize(msg.text)), say);
      } catch (e) {
        // An expired service or user token: sign in again and try once more.
        if (!(e instanceof ApiError && e.status === 401)) throw e;
        this.serviceLoggedIn = false;
        this.tokens.delete(`${msg.transport}:${msg.senderId}`);
        await this.dispatch(msg, parseIntent(normalize(msg.text)), say);
      }
    } catch (e) {
      if (e instanceof ApiError) say(e.status >= 500 ? '系统暂时出了点问题，请稍后再试。' : e.message);
      else throw e;
    }
    // A group never gets two "sent privately" notes for one message.
    return out.filter((m, i) => !(m.chat && m.text.endsWith('详情已私信发给你。') && out.findIndex((x) => x.text === m.text) !== i));
  }

  private async userClient(msg: IncomingMessage): Promise<{ api: ApiClient; role: string; name: string } | null> {
    const key = `${msg.transport}:${msg.senderId}`;
    const cached = this.tokens.get(key);
    if (cached && Date.now() - cached.at < 10 * 60_000) return { api: createApiClient({ baseUrl: this.options.apiUrl, token: cached.token, fetch: this.options.fetch }), role: cached.role, name: cached.name };
    try {
      const t = await (await this.serviceClient()).chatToken(msg.transport, msg.senderId);
      this.tokens.set(key, { token: t.token, role: t.role, name: t.name, at: Date.now() });
      return { api: createApiClient({ baseUrl: this.options.apiUrl, token: t.token, fetch: this.options.fetch }), role: t.role, name: t.name };
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  private async dispatch(msg: IncomingMessage, intent: Intent, say: (text: string, o?: { private?: boolean }) => void): Promise<void> {
    if (intent.kind === 'bind') {
      const r = await (await this.serviceClient()).chatBind(msg.transport, msg.senderId, intent.code);
      this.tokens.delete(`${msg.transport}:${msg.senderId}`);
      return say(`绑定成功：${r.name}。发“帮助”看看我能做什么。`);
    }
    const user = await this.userClient(msg);
    if (!user) return say(BIND_HELP, { private: true });
    const { api, role } = user;
    const service = await this.serviceClient();
    const key = `${msg.transport}:${msg.senderId}`;
    const stored = await service.session(key);
    let session = stored.expired ? null : (stored.data as Session | null);
    if (stored.expired) say('你之前没有完成的内容已经过期（超过 30 分钟未回复），已为你清除，需要的话请重新开始。', { private: true });
    const save = (s: Session) => service.saveSession(key, s as unknown as Record<string, unknown>);
    const end = () => service.endSession(key);

    if (session && intent.kind === 'no') {
      await end();
      return say('好的，已取消。', { private: true });
    }
    if (session && ['yes', 'numbers', 'text', 'skip', 'cosign'].includes(intent.kind)) {
      return this.continueFlow(api, session, intent, say, save, end);
    }
    if (session && intent.kind !== 'help') {
      // A new command abandons the unfinished flow.
      await end();
      session = null;
    }

    switch (intent.kind) {
      case 'help':
        return say(HELP[role] ?? HELP.deputy);
      case 'suggest': {
        if (role !== 'deputy') return say('只有代表可以在这里提建议；群众请通过小程序向代表反映意见。');
        const s: Session = { flow: 'suggest', step: intent.title ? (intent.body ? 'confirm' : 'body') : 'title', title: intent.title, body: intent.body };
        if (s.step === 'confirm') return this.previewSuggestion(api, s, say, save);
        await save(s);
        return say(s.step === 'title' ? '好的，请发建议的标题（一句话说明建议什么）。随时回复“取消”可放弃。' : `标题：${s.title}\n请发建议的具体内容。`, { private: true });
      }
      case 'mySuggestions': {
        const page = await api.listSuggestions({ mine: role === 'deputy' ? true : undefined, pageSize: 10 });
        if (!page.items.length) return say('你还没有建议。发“提建议”开始写一条。', { private: true });
        const lines = page.items.map((s) => {
          const next = s.deadlines.next ? `，${s.deadlines.next.label} ${s.deadlines.next.date}` : '';
          return `${s.id}. ${s.title} —— ${s.stateLabel}${s.lead ? `（${s.lead.name}）` : ''}${next}`;
        });
        return say(`你的建议（共 ${page.total} 件）：\n${lines.join('\n')}\n发“建议 编号”看进度。`, { private: true });
      }
      case 'showSuggestion': {
        const s = await api.getSuggestion(intent.id);
        const timeline = s.timeline.slice(-6).map((e) => `${e.at.slice(5, 10)} ${e.actor.name} ${e.label}${e.note ? `：${e.note.slice(0, 40)}` : ''}`);
        const answer = s.answers.filter((a) => a.state === 'published').pop();
        return say(
          [`建议 ${s.id}《${s.title}》`, `状态：${s.stateLabel}${s.lead ? `，主办：${s.lead.name}` : ''}`, ...(s.deadlines.next ? [`${s.deadlines.next.label}：${s.deadlines.next.date}（还有 ${s.deadlines.next.workingDaysLeft} 个工作日）`] : []), ...(answer ? [`答复（${answer.answerClass} 类 ${answer.answerClassLabel}）：${answer.text}`] : []), '进展：', ...timeline, ...(s.actions.includes('rate') ? [`请评价：评价 ${s.id} 满意 / 基本满意 / 不满意 理由`] : [])].join('\n'),
          { private: true },
        );
      }
      case 'rate': {
        const s = await api.act(intent.id, 'rate', { rating: intent.rating, comment: intent.comment });
        return say(s.state === 'closed' ? `谢谢评价，建议 ${s.id} 已办结。` : `已记录你的意见，承办单位将重新办理，${s.deadlines.redoBy} 前再次答复。`);
      }
      case 'notices': {
        const inbox = await api.inbox(true);
        if (!inbox.items.length) return say('没有未读通知。', { private: true });
        const lines = inbox.items.slice(0, 8).map((n) => `[${n.id}] ${n.title}\n${n.body.slice(0, 80)}`);
        return say(`你有 ${inbox.unread} 条未读：\n${lines.join('\n')}\n回复“收到”全部标为已读，或“收到 编号”。`, { private: true });
      }
      case 'ack': {
        const r = await api.markRead(intent.id ?? 'all');
        return say(r.marked ? `已确认收到${intent.id ? '' : ` ${r.marked} 条`}。` : '没有需要确认的通知。');
      }
      case 'surveys':
      case 'ballots': {
        const kind = intent.kind === 'surveys' ? ['survey', 'evaluation'] : ['ballot'];
        const open = (await api.questionnaires()).items.filter((q) => kind.includes(q.kind) && q.open && !q.answered);
        if (!open.length) return say(intent.kind === 'surveys' ? '现在没有待填写的问卷。' : '现在没有待投的票决。', { private: true });
        if (open.length === 1) return this.startQuestionnaire(api, open[0].id, say, save);
        await save({ flow: 'pick-questionnaire', ids: open.map((q) => q.id) });
        return say(`有 ${open.length} 份待完成：\n${open.map((q, i) => `${i + 1}. ${q.kindLabel}：${q.title}`).join('\n')}\n回复序号开始。`, { private: true });
      }
      case 'meetings': {
        const items = (await api.meetings()).items.filter((m) => m.state === 'scheduled');
        if (!items.length) return say('近期没有会议或活动。', { private: true });
        const lines = items.slice(0, 8).map((m) => `${m.id}. ${m.title}（${m.kindLabel}）${chinaTime(m.startsAt)}，${m.place} —— ${m.mine?.rsvpLabel ?? ''}`);
        return say(`近期会议：\n${lines.join('\n')}\n回复“参加 编号”或“请假 编号 理由”；到场后发“签到 签到码”。`, { private: true });
      }
      case 'attend':
        await api.rsvp(intent.id, { attend: true });
        return say(`好的，已登记你参加会议 ${intent.id}。`);
      case 'leave':
        if (!intent.reason) return say(`请说明请假理由，例如：请假 ${intent.id} 在外地出差`);
        await api.rsvp(intent.id, { leave: intent.reason });
        return say(`已提交请假申请（会议 ${intent.id}），等待人大工作人员审批。`);
      case 'checkin': {
        const r = await api.checkIn(intent.code);
        return say(r.again ? `你已经签到过了：${r.title}。` : `签到成功：${r.title}。`);
      }
      case 'tasks': {
        const page = await api.listSuggestions({ pageSize: 50 });
        const open = page.items.filter((s) => ['assigned', 'handling'].includes(s.state));
        if (!open.length) return say('没有待办的建议。', { private: true });
        open.sort((a, b) => (a.deadlines.next?.workingDaysLeft ?? 999) - (b.deadlines.next?.workingDaysLeft ?? 999));
        const lines = open.map((s) => {
          const n = s.deadlines.next;
          const when = n ? (n.workingDaysLeft < 0 ? `已超期 ${-n.workingDaysLeft} 个工作日` : `${n.label} ${n.date}，剩 ${n.workingDaysLeft} 个工作日`) : '';
          return `${s.deadlines.overdue ? '【超期】' : ''}${s.id}. ${s.title} —— ${s.stateLabel}，${when}`;
        });
        return say(`待办建议 ${open.length} 件：\n${lines.join('\n')}`, { private: true });
      }
      case 'sign': {
        const s = await api.act(intent.id, 'sign');
        return say(`已签收建议 ${s.id}，答复期限 ${s.deadlines.answerBy}。`);
      }
      case 'return':
        if (!intent.reason) return say(`请写明退回理由，例如：退回 ${intent.id} 不属于本单位职责，建议由某某局办理`);
        await api.act(intent.id, 'return', { reason: intent.reason });
        return say(`已退回建议 ${intent.id}，人大将重新交办。`);
      case 'answer': {
        const s: Session = { flow: 'answer', id: intent.id, step: intent.answerClass ? (intent.text ? 'confirm' : 'text') : 'class', answerClass: intent.answerClass, text: intent.text };
        await api.getSuggestion(intent.id);
        if (s.step === 'confirm') return this.previewAnswer(api, s, say, save);
        await save(s);
        return say(s.step === 'class' ? '请选择答复类别：A 已解决或采纳，B 正在解决或列入计划，C 因条件限制暂难解决，D 留作参考。回复字母。' : '请发答复正文。', { private: true });
      }
      case 'extend': {
        if (!intent.reason) return say(`请写明延期理由，例如：延期 ${intent.id} 2个月 需等待预算批复`);
        const s = await api.act(intent.id, 'request-extension', { months: intent.months ?? 1, reason: intent.reason });
        const ext = s.extensions[s.extensions.length - 1];
        return say(`已申请延期至 ${ext.toDue}，等待人大审批。`);
      }
      case 'queue': {
        const page = await api.listSuggestions({ queue: 'routing', pageSize: 10 });
        if (!page.items.length) return say('没有待分办的建议。', { private: true });
        const lines = page.items.map((s) => {
          const r = s.routing;
          const lead = r?.lead ? `${r.lead.name}（${Math.round(r.confidence * 100)}%，依据：${r.lead.why.join('、')}）` : '无';
          return `${s.id}. ${s.title}\n  建议主办：${lead}${r?.co.length ? `；协办：${r.co.map((d) => d.name).join('、')}` : ''}${r?.needsReview ? '【需人工选择】' : ''}`;
        });
        return say(`待分办 ${page.total} 件：\n${lines.join('\n')}\n回复“确认 编号”按建议交办，或“改派 编号 单位名”。`, { private: true });
      }
      case 'confirm': {
        const s = await api.act(intent.id, 'confirm');
        return say(`已交办建议 ${s.id} 给${s.lead?.name}，答复期限 ${s.deadlines.answerBy}。`);
      }
      case 'reassign': {
        const codes = await this.departmentCodes(api, intent.departments);
        if (typeof codes === 'string') return say(codes);
        const cur = await api.getSuggestion(intent.id);
        if (cur.state === 'submitted') await api.act(intent.id, 'accept');
        const s = await api.act(intent.id, 'assign', { lead: codes[0], co: codes.slice(1) });
        return say(`已交办建议 ${s.id}：主办 ${s.lead?.name}${codes.length > 1 ? `，协办 ${codes.length - 1} 个单位` : ''}。`);
      }
      case 'urge':
        await api.act(intent.id, 'urge');
        return say(`已催办建议 ${intent.id}。`);
      case 'yes':
      case 'no':
      case 'skip':
      case 'numbers':
      case 'cosign':
      case 'text':
        return say('没太明白。发“帮助”看看我能做什么。');
    }
  }

  private async departmentCodes(api: ApiClient, names: string[]): Promise<string[] | string> {
    this.departments ??= (await api.departments()).items;
    const codes: string[] = [];
    for (const n of names) {
      const short = n.replace(/^淄博市/, '');
      const d = this.departments.find((x) => x.code === n || x.name === n || x.name.includes(short) || x.name.replace(/^淄博市/, '').replace(/局|委员会|中心|公司/g, '').startsWith(short.replace(/局|委|中心/g, '')));
      if (!d) return `没有找到“${n}”这个承办单位。`;
      codes.push(d.code);
    }
    return codes;
  }

  private async previewSuggestion(api: ApiClient, s: Extract<Session, { flow: 'suggest' }>, say: (t: string, o?: { private?: boolean }) => void, save: (s: Session) => Promise<unknown>) {
    const [p, similar] = await Promise.all([api.classify(s.title!, s.body), api.similar(s.title!, s.body)]);
    s.step = 'confirm';
    s.lead = p.lead?.name;
    await save(s);
    const routing = p.lead ? `建议由 ${p.lead.name} 主办（依据：${p.lead.why.join('、') || '无'}${p.needsReview ? '，需人大工作人员确认' : ''}）` : '暂无分办建议，将由人大工作人员分办';
    return say(
      [
        `请确认你的建议：`,
        `标题：${s.title}`,
        `内容：${s.body!.slice(0, 300)}`,
        routing,
        ...(similar.items.length ? ['已有相似建议（可考虑联名附议）：', ...similar.items.map((x) => `· ${x.id}. ${x.title}（${x.stateLabel}）`)] : []),
        ...(s.cosigners?.length ? [`附议：${s.cosigners.join('、')}`] : []), '回复“确认”提交，“取消”放弃；要邀请附议可回复“附议 deputy02 deputy03”。'].join('\n'),
      { private: true },
    );
  }

  private async previewAnswer(api: ApiClient, s: Extract<Session, { flow: 'answer' }>, say: (t: string, o?: { private?: boolean }) => void, save: (s: Session) => Promise<unknown>) {
    await api.act(s.id, 'draft-answer', { answerClass: s.answerClass as 'A', text: s.text! });
    s.step = 'confirm';
    await save(s);
    return say(`答复预览（建议 ${s.id}，${s.answerClass} 类）：\n${s.text}\n回复“确认”正式答复，“取消”暂不发布（草稿已保存）。`, { private: true });
  }

  private async startQuestionnaire(api: ApiClient, id: number, say: (t: string, o?: { private?: boolean }) => void, save: (s: Session) => Promise<unknown>) {
    const q = await api.questionnaire(id);
    const s: Session = { flow: 'questionnaire', id, index: 0, answers: {} };
    await save(s);
    say(`${q.kindLabel}：${q.title}（共 ${q.questions.length} 题，随时回复“取消”退出，进度会保留 30 分钟）`, { private: true });
    say(questionText(q, 0), { private: true });
  }

  private async continueFlow(api: ApiClient, s: Session, intent: Intent, say: (t: string, o?: { private?: boolean }) => void, save: (s: Session) => Promise<unknown>, end: () => Promise<unknown>): Promise<void> {
    const text = intent.kind === 'text' ? intent.text : intent.kind === 'numbers' ? intent.values.join(' ') : '';
    switch (s.flow) {
      case 'suggest':
        if (s.step === 'title') {
          if (!text) return say('请发建议的标题。', { private: true });
          s.title = text;
          s.step = 'body';
          await save(s);
          return say('请发建议的具体内容（现状、问题、建议怎么做）。', { private: true });
        }
        if (s.step === 'body') {
          if (!text) return say('请发建议的具体内容。', { private: true });
          s.body = text;
          return this.previewSuggestion(api, s, say, save);
        }
        if (intent.kind === 'cosign') {
          s.cosigners = intent.usernames;
          await save(s);
          return say(`已添加附议：${intent.usernames.join('、')}。回复“确认”提交。`, { private: true });
        }
        if (intent.kind === 'yes') {
          const created = await api.createSuggestion({ title: s.title!, body: s.body!, cosigners: s.cosigners, submit: true });
          await end();
          return say(`已提交，建议编号 ${created.id}（${created.number}），等待人大审查交办。发“建议 ${created.id}”随时查看进度。`);
        }
        return say('回复“确认”提交，或“取消”放弃。', { private: true });
      case 'pick-questionnaire': {
        const i = intent.kind === 'numbers' ? intent.values[0] - 1 : -1;
        if (i < 0 || i >= s.ids.length) return say(`请回复 1 到 ${s.ids.length} 之间的序号。`, { private: true });
        return this.startQuestionnaire(api, s.ids[i], say, save);
      }
      case 'questionnaire': {
        const q = await api.questionnaire(s.id);
        const question = q.questions[s.index];
        if (intent.kind === 'skip') {
          if (question.required) return say('这道题必须回答。', { private: true });
        } else {
          const value = answerValue(question, intent);
          if (typeof value === 'string' && value.startsWith('!')) return say(value.slice(1), { private: true });
          s.answers[question.id] = value;
        }
        s.index += 1;
        if (s.index < q.questions.length) {
          await save(s);
          return say(questionText(q, s.index), { private: true });
        }
        await api.answer(s.id, s.answers);
        await end();
        return say(q.kind === 'ballot' ? '投票成功，谢谢！' : '已提交，谢谢你的参与！');
      }
      case 'answer':
        if (s.step === 'class') {
          const c = text.trim().toUpperCase();
          if (!/^[ABCD]$/.test(c)) return say('请回复 A、B、C 或 D。', { private: true });
          s.answerClass = c;
          s.step = 'text';
          await save(s);
          return say('请发答复正文。', { private: true });
        }
        if (s.step === 'text') {
          if (!text) return say('请发答复正文。', { private: true });
          s.text = text;
          return this.previewAnswer(api, s, say, save);
        }
        if (intent.kind === 'yes') {
          const r = await api.act(s.id, 'publish-answer', {});
          await end();
          return say(`已正式答复建议 ${r.id}，代表将收到通知并测评。`);
        }
        return say('回复“确认”正式答复，或“取消”。', { private: true });
    }
  }
}

function questionText(q: QuestionnaireDetail, i: number): string {
  const x = q.questions[i];
  const head = `第 ${i + 1}/${q.questions.length} 题：${x.title}${x.required ? '' : '（可回复“跳过”）'}`;
  if (x.type === 'single') return `${head}\n${x.options!.map((o, k) => `${k + 1}. ${o}`).join('\n')}\n回复一个编号。`;
  if (x.type === 'multiple') return `${head}\n${x.options!.map((o, k) => `${k + 1}. ${o}`).join('\n')}\n回复编号，多个用空格分开${x.max ? `（最多 ${x.max} 项）` : ''}。`;
  if (x.type === 'rating') return `${head}\n回复 1 到 5 分。`;
  return `${head}\n直接回复文字。`;
}

/** The answer value for a question from a chat reply, or "!message" when it does not fit. */
function answerValue(x: QuestionnaireDetail['questions'][number], intent: Intent): string | number | number[] {
  const nums = intent.kind === 'numbers' ? intent.values : [];
  const n = x.options?.length ?? 0;
  if (x.type === 'single') return nums.length === 1 && nums[0] >= 1 && nums[0] <= n ? nums[0] - 1 : `!请回复 1 到 ${n} 之间的一个编号。`;
  if (x.type === 'multiple') {
    if (!nums.length || nums.some((v) => v < 1 || v > n)) return `!请回复 1 到 ${n} 之间的编号，多个用空格分开。`;
    if (x.max && new Set(nums).size > x.max) return `!最多只能选 ${x.max} 项，请重新选择。`;
    return [...new Set(nums)].map((v) => v - 1);
  }
  if (x.type === 'rating') return nums.length === 1 && nums[0] >= 1 && nums[0] <= 5 ? nums[0] : '!请回复 1 到 5 分。';
  const t = intent.kind === 'text' ? intent.text : intent.kind === 'numbers' ? intent.values.join(' ') : '';
  return t || '!请直接回复文字。';
}

export { normalize, parseIntent };
