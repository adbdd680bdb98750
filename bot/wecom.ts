/**
 * The WeCom 智能机器人 transport (the supported, official path): URL verification, the encrypted JSON message
 * callback with a timing-safe signature check, decryption with @wecom/crypto, receive-id check and replay
 * protection: a numeric, fresh timestamp, a nonce not seen in this process, and the message id (and nonce) recorded
 * by the API so that a restarted bot, another bot process or the platform's retry never handles a message twice; replies go back encrypted as a finished stream message. Pushes go through
 * the group robot webhook as markdown with <@userid>.
 */
import { timingSafeEqual } from 'node:crypto';
import Router from '@koa/router';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import type { Context } from 'koa';
import type { BotEngine, IncomingMessage } from './engine';

export interface WecomOptions {
  token: string;
  encodingAESKey: string;
  /** Empty for an enterprise-internal 智能机器人. */
  receiveId?: string;
  path?: string;
  /** How far a callback's timestamp may be from now (seconds). */
  maxSkewSeconds?: number;
  now?: () => number;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Remembers nonces for the skew window, so that a replayed callback is refused. */
class NonceCache {
  private seen = new Map<string, number>();
  constructor(private readonly ttlMs: number) {}
  /** True when the nonce is new (and records it). */
  fresh(nonce: string, now: number): boolean {
    for (const [k, t] of this.seen) if (now - t > this.ttlMs) this.seen.delete(k);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }
}

interface WecomMessage {
  msgid?: string;
  aibotid?: string;
  chatid?: string;
  chattype?: 'single' | 'group';
  from?: { userid?: string };
  msgtype?: string;
  text?: { content?: string };
}

/** The callback routes for one robot, answering through `engine`. */
export function wecomRoutes(engine: BotEngine, o: WecomOptions): Router {
  const r = new Router();
  const path = o.path ?? '/wecom/callback';
  const skew = (o.maxSkewSeconds ?? 300) * 1000;
  const now = o.now ?? Date.now;
  const nonces = new NonceCache(2 * skew);
  const receiveId = o.receiveId ?? '';

  const verify = (ctx: Context, cipher: string): string | null => {
    const { msg_signature: sig, timestamp, nonce } = ctx.query as Record<string, string>;
    if (!sig || !timestamp || !nonce) return '缺少签名参数';
    // A timestamp is whole seconds; anything else (abc, 1e9, empty) is refused before the freshness check.
    if (!/^\d{1,12}$/.test(String(timestamp))) return '时间戳不是数字';
    if (!safeEqual(getSignature(o.token, timestamp, nonce, cipher), String(sig))) return '签名不对';
    if (Math.abs(now() - Number(timestamp) * 1000) > skew) return '时间戳过期';
    if (!nonces.fresh(String(nonce), now())) return '重复的请求';
    return null;
  };
  const open = (cipher: string): string | null => {
    try {
      const { message, id } = decrypt(o.encodingAESKey, cipher);
      return id === receiveId ? message : null;
    } catch {
      return null;
    }
  };
  const refuse = (ctx: Context, status: number, message: string) => {
    ctx.status = status;
    ctx.body = { error: { code: status === 401 ? 'unauthorized' : 'invalid', message } };
  };

  r.get(path, (ctx) => {
    const echostr = String(ctx.query.echostr ?? '');
    const bad = verify(ctx, echostr);
    if (bad) return refuse(ctx, 401, bad);
    const plain = open(echostr);
    if (plain === null) return refuse(ctx, 401, '无法解密或接收方不符');
    ctx.type = 'text/plain';
    ctx.body = plain;
  });

  r.post(path, async (ctx) => {
    const body = ctx.request.body as { encrypt?: unknown } | undefined;
    if (!body || typeof body.encrypt !== 'string') return refuse(ctx, 400, '请求体应为 {"encrypt": "..."}');
    const bad = verify(ctx, body.encrypt);
    if (bad) return refuse(ctx, 401, bad);
    const plain = open(body.encrypt);
    if (plain === null) return refuse(ctx, 401, '无法解密或接收方不符');
    let msg: WecomMessage;
    try {
      msg = JSON.parse(plain);
    } catch {
      return refuse(ctx, 400, '消息不是合法的 JSON');
    }
    const userId = msg.from?.userid;
    if (msg.msgtype !== 'text' || !userId) {
      ctx.body = '';
      return;
    }
    const group = msg.chattype === 'group' && msg.chatid;
    const incoming: IncomingMessage = {
      transport: 'wecom',
      chatId: group ? msg.chatid! : null,
      chatType: group ? 'group' : 'single',
      senderId: userId,
      senderName: userId,
      text: msg.text?.content ?? '',
      // WeCom calls a robot in a group only when it is @mentioned.
      mentionsBot: true,
      // Recorded by the API (shared by every bot process, kept across restarts): a retry or replay is handled once.
      messageId: msg.msgid,
      nonce: String(ctx.query.nonce),
    };
    const replies = await engine.handle(incoming);
    if (!replies.length) {
      // Nothing to say (a replay the API has already seen, or a group message not for the bot): an empty answer.
      ctx.body = '';
      return;
    }
    // The passive reply goes back to where the message came from; a private part goes as a push.
    const here = replies.filter((x) => (group ? x.chat === msg.chatid : x.chat === null)).map((x) => x.text.replace(/^@\S+ /, ''));
    const reply = JSON.stringify({ msgtype: 'stream', stream: { id: msg.msgid ?? String(now()), finish: true, content: here.join('\n\n') } });
    const timestamp = String(Math.floor(now() / 1000));
    const nonce = Math.random().toString(36).slice(2, 12);
    const cipher = encrypt(o.encodingAESKey, reply, receiveId);
    ctx.body = { encrypt: cipher, msgsignature: getSignature(o.token, timestamp, nonce, cipher), timestamp: Number(timestamp), nonce };
  });
  return r;
}

/** Sends a markdown push through a WeCom group robot webhook (`<@userid>` mentions the recipient). */
export async function wecomWebhookSend(webhookUrl: string, userId: string, text: string): Promise<void> {
  const res = await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ msgtype: 'markdown', markdown: { content: `<@${userId}> ${text}` } }),
    signal: AbortSignal.timeout(5000),
  });
  const body = (await res.json()) as { errcode?: number; errmsg?: string };
  if (body.errcode) throw new Error(`企业微信返回 ${body.errcode} ${body.errmsg ?? ''}`);
}
