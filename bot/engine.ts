/**
 * The bot engine, independent of transport: a chat message in, replies out. It understands the text (bot/nlu),
 * calls the API as the person talking (a token the API issues for their bound chat identity, which also brings
 * their conversation state, so that a message usually costs one API call), runs the command for the intent
 * (bot/commands) or the next step of an open conversation (bot/flows), and phrases API errors as short Chinese
 * replies. It never imports core/ or models/: every rule lives behind the API.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { ApiError, createApiClient, type ApiClient } from '../contracts/client';
import { addressed } from './addressing';
import { COMMANDS } from './commands';
import { describe } from './commands/describe';
import { Directory } from './directory';
import { continueFlow } from './flows';
import { defaultUnderstander, type Understander, type Understanding } from './nlu/understand';
import { BIND_HELP, clarifyQuestion, courtesyReply, EXPIRED, NOT_UNDERSTOOD, SENT_PRIVATELY, SYSTEM_ERROR } from './replies';
import { SessionStore, type ChatSession, type Flow } from './session';
import type { Turn } from './turn';

export interface IncomingMessage {
  transport: string;
  /** The group id, or null in a private chat. */
  chatId: string | null;
  chatType: 'group' | 'single';
  senderId: string;
  senderName: string;
  text: string;
  mentionsBot: boolean;
  /** The transport's id of the message (WeCom msgid); with it the API refuses a second delivery of the same message. */
  messageId?: string;
  /** The envelope's nonce, recorded with the message id. */
  nonce?: string;
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
  /** The understanding layer (trained from the corpus at start-up when not given). */
  understander?: Understander;
  /** Called after each message with the total time, the part spent waiting for the API (ms) and the API calls made. */
  onTiming?: (t: { totalMs: number; apiMs: number; apiCalls: number }) => void;
}

/** Thrown when the API has already seen a message's id: the message is dropped without a reply. */
class ReplayedMessage extends Error {}

/** Per message: wall time with at least one API call in flight (overlapping calls count once), and the calls made. */
type ApiTime = { ms: number; calls: number; inFlight: number; since: number };
const apiTime = new AsyncLocalStorage<ApiTime>();
const TOKEN_TTL_MS = 10 * 60_000;

/** Two readings closer than this (and the best below CONFIDENT) make the bot ask which one was meant. */
const CONFIDENT = 0.5;
const CLOSE = 0.15;
const NEVER_ASK = new Set(['none', 'yes', 'no', 'skip', 'numbers']);

/** The engine: one per bot process, any number of conversations. */
export class BotEngine {
  private service: ApiClient;
  private serviceLoggedIn = false;
  private tokens = new Map<string, { token: string; role: string; name: string; at: number }>();
  private readonly sessions: SessionStore;
  private readonly directory = new Directory();
  private readonly nlu: Understander;
  private readonly options: EngineOptions;
  /** The API's clock minus ours (ms), learnt with each token: relative dates are read by the API's day. */
  private clockOffset = 0;
  /** Messages whose id the API has recorded (a retry after a 401 does not claim them again). */
  private readonly claimed = new WeakSet<IncomingMessage>();

  constructor(options: EngineOptions) {
    const base = options.fetch ?? fetch;
    // Every API call is timed and counted, so that the bot's own processing can be told apart from the API's.
    const timed: typeof fetch = async (input, init) => {
      const acc = apiTime.getStore();
      if (acc && acc.inFlight++ === 0) acc.since = performance.now();
      try {
        return await base(input, init);
      } finally {
        if (acc) {
          acc.calls += 1;
          if (--acc.inFlight === 0) acc.ms += performance.now() - acc.since;
        }
      }
    };
    this.options = { ...options, fetch: timed };
    this.service = createApiClient({ baseUrl: options.apiUrl, fetch: timed });
    this.sessions = new SessionStore(() => this.serviceClient());
    this.nlu = options.understander ?? defaultUnderstander();
  }

  /** The API client of the bot's service account. */
  async serviceClient(): Promise<ApiClient> {
    if (!this.serviceLoggedIn) {
      await this.service.login(this.options.serviceUsername, this.options.servicePassword);
      this.serviceLoggedIn = true;
    }
    return this.service;
  }

  /** Handles one message; returns the replies (none when a group message is not for the bot, or the API has seen its id). */
  async handle(msg: IncomingMessage): Promise<OutgoingMessage[]> {
    const acc: ApiTime = { ms: 0, calls: 0, inFlight: 0, since: 0 };
    const start = performance.now();
    try {
      return await apiTime.run(acc, () => this.handleTimed(msg));
    } finally {
      this.options.onTiming?.({ totalMs: performance.now() - start, apiMs: acc.ms, apiCalls: acc.calls });
    }
  }

  private keyOf(msg: IncomingMessage): string {
    return `${msg.transport}:${msg.senderId}`;
  }

  private async handleTimed(msg: IncomingMessage): Promise<OutgoingMessage[]> {
    const inGroup = msg.chatType === 'group' && msg.chatId !== null;
    const key = this.keyOf(msg);
    const held = this.sessions.get(key);
    const continuing = inGroup && Boolean(held.active) && held.origin === msg.chatId;
    if (!addressed({ text: msg.text, inGroup, mentionsBot: msg.mentionsBot, continuing })) return [];
    const out: OutgoingMessage[] = [];
    let movedToPrivate = false;
    const say = (text: string, opts: { private?: boolean } = {}) => {
      if (!inGroup) out.push({ to: msg.senderId, chat: null, text });
      else if (opts.private) {
        out.push({ to: msg.senderId, chat: null, text });
        movedToPrivate = true;
      } else out.push({ to: msg.chatId!, chat: msg.chatId, text: `@${msg.senderName} ${text}` });
    };
    try {
      try {
        await this.dispatch(msg, say);
      } catch (e) {
        // An expired service or user token: sign in again and try once more.
        if (!(e instanceof ApiError && e.status === 401)) throw e;
        this.serviceLoggedIn = false;
        this.tokens.delete(key);
        await this.dispatch(msg, say);
      }
    } catch (e) {
      // A message the API has already seen (a replay, another bot process, the platform's retry): no reply at all.
      if (e instanceof ReplayedMessage) return [];
      if (e instanceof ApiError) say(e.status >= 500 ? SYSTEM_ERROR : e.message);
      else throw e;
    }
    if (movedToPrivate) {
      const now = this.sessions.get(key);
      const startedHere = !continuing && inGroup && now.active && now.origin === msg.chatId;
      const note = startedHere
        ? `@${msg.senderName} 我们到私聊里继续（请看我发给你的私聊消息）；在这个群里直接接着回复也可以，不会丢。`
        : continuing
          ? `@${msg.senderName} 收到，已在私聊里继续。`
          : `@${msg.senderName} ${SENT_PRIVATELY}`;
      out.push({ to: msg.chatId!, chat: msg.chatId, text: note });
    }
    return out;
  }

  /** The user's API client, role and name; their conversation state comes with a fresh token. */
  private async userClient(msg: IncomingMessage, say: (t: string, o?: { private?: boolean }) => void): Promise<{ api: ApiClient; role: string; name: string } | null> {
    const key = this.keyOf(msg);
    const cached = this.tokens.get(key);
    // A message with a transport id is claimed with the token call (the one call it costs anyway), never from the cache.
    const claim = Boolean(msg.messageId) && !this.claimed.has(msg);
    if (!claim && cached && Date.now() - cached.at < TOKEN_TTL_MS && this.sessions.known(key)) {
      return { api: createApiClient({ baseUrl: this.options.apiUrl, token: cached.token, fetch: this.options.fetch }), role: cached.role, name: cached.name };
    }
    try {
      const t = await (await this.serviceClient()).chatToken(msg.transport, msg.senderId, key, claim ? { messageId: msg.messageId!, nonce: msg.nonce } : undefined);
      if (claim) this.claimed.add(msg);
      this.tokens.set(key, { token: t.token, role: t.role, name: t.name, at: Date.now() });
      if (t.now) this.clockOffset = Date.parse(t.now) - Date.now();
      if (t.session?.expired) {
        say(EXPIRED, { private: true });
        this.sessions.adopt(key, null);
      } else if (claim || !this.sessions.known(key) || !cached) this.sessions.adopt(key, t.session?.data ?? null);
      return { api: createApiClient({ baseUrl: this.options.apiUrl, token: t.token, fetch: this.options.fetch }), role: t.role, name: t.name };
    } catch (e) {
      if (claim && e instanceof ApiError && e.status === 409) throw new ReplayedMessage('message already handled');
      if (e instanceof ApiError && e.status === 404) {
        if (claim) this.claimed.add(msg);
        return null;
      }
      throw e;
    }
  }

  private async dispatch(msg: IncomingMessage, say: (text: string, o?: { private?: boolean }) => void): Promise<void> {
    const first = this.nlu.understand(msg.text);
    // A message with a transport id is claimed before anything is done, a binding included.
    const early = msg.messageId && !this.claimed.has(msg) ? await this.userClient(msg, say) : undefined;
    const bind = async (code: string) => {
      const r = await (await this.serviceClient()).chatBind(msg.transport, msg.senderId, code);
      this.tokens.delete(this.keyOf(msg));
      this.sessions.forget(this.keyOf(msg));
      say(`绑定成功：${r.name}。发“帮助”看看我能做什么。`);
    };
    if (first.intent === 'bind' && first.slots.code) return bind(first.slots.code);
    const user = early !== undefined ? early : await this.userClient(msg, say);
    // Someone not yet bound who sends just the six digits they were given means their binding code.
    if (!user && /^\d{6}$/.test(first.canonical)) return bind(first.canonical);
    if (!user) return say(BIND_HELP, { private: true });
    const u = this.nlu.understand(msg.text, user.role, new Date(Date.now() + this.clockOffset));
    await this.runMessage(msg, u, user, say);
  }

  /** One message for a known user: the open conversation first, else the command. */
  private async runMessage(msg: IncomingMessage, u: Understanding, user: { api: ApiClient; role: string; name: string }, say: (text: string, o?: { private?: boolean }) => void): Promise<void> {
    const key = this.keyOf(msg);
    const session = this.sessions.get(key);
    let expired = false;
    const commit = async (next: ChatSession | null) => {
      if (expired) return false;
      const fresh = await this.sessions.commit(key, next);
      if (!fresh) {
        // What the bot held had expired in the API: tell the person, clear it, act on nothing of it.
        expired = true;
        say(EXPIRED, { private: true });
        await this.sessions.commit(key, null);
      }
      return fresh;
    };
    const origin = msg.chatType === 'group' ? msg.chatId : null;
    const turn: Turn = {
      msg,
      u,
      api: user.api,
      role: user.role,
      name: user.name,
      session,
      say,
      commit,
      start: (flow: Flow) => {
        const cur = this.sessions.get(key);
        return commit({ active: flow, parked: cur.parked && cur.parked !== cur.active ? cur.parked : undefined, origin: cur.active ? cur.origin : (origin ?? undefined) });
      },
      finish: () => {
        const cur = this.sessions.get(key);
        return commit(cur.parked ? { parked: cur.parked, origin: cur.origin } : null);
      },
      rerun: (intent, slots) => this.runCommand({ ...turn, u: { ...u, intent, slots, confidence: 1 }, session: this.sessions.get(key) }),
      directory: this.directory,
      now: () => new Date(Date.now() + this.clockOffset),
    };
    if (session.active) {
      const next = await continueFlow(turn, session);
      if (expired || !next) return;
      if ('run' in next) {
        const again = this.nlu.understand(next.run, user.role, turn.now());
        return this.runCommand({ ...turn, u: again, session: this.sessions.get(key) });
      }
    }
    if (expired) return;
    return this.runCommand({ ...turn, session: this.sessions.get(key) });
  }

  /** Runs the command for an intent, or asks which of two close readings was meant. */
  private async runCommand(t: Turn): Promise<void> {
    const u = t.u;
    const actionable = u.alternatives.filter((a) => !NEVER_ASK.has(a.intent) && COMMANDS[a.intent] && a.intent !== u.intent);
    // Unsure between two commands, or not even sure it is a command: ask with the two best guesses.
    const guesses =
      u.confidence < CONFIDENT && !NEVER_ASK.has(u.intent) && actionable[0]?.p >= CLOSE
        ? [u.intent, actionable[0].intent]
        : u.intent === 'none' && u.confidence < CONFIDENT && actionable[0]?.p >= CLOSE && actionable[1]?.p >= CLOSE / 2
          ? [actionable[0].intent, actionable[1].intent]
          : null;
    if (guesses && u.confidence < 1) {
      const options = guesses.map((intent) => ({ intent, slots: intent === u.intent ? u.slots : this.nlu.slotsFor(intent, u, t.now()) }));
      if (!(await t.start({ flow: 'clarify', options }))) return;
      return t.say(clarifyQuestion(options[0], options[1]));
    }
    const command = COMMANDS[u.intent];
    if (command) return command(t);
    if (u.intent === 'yes' || u.intent === 'no') return t.say(u.intent === 'no' ? '现在没有需要取消的内容。' : '现在没有需要确认的内容。发“帮助”看看我能做什么。');
    if (await describe(t)) return;
    return t.say(courtesyReply(t.u.text) ?? NOT_UNDERSTOOD);
  }
}

export { normalize, parseIntent } from './intents';
