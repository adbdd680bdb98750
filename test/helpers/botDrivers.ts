/**
 * Two ways to talk to the bot in tests: straight into the engine, or as a WeChat contact through the real
 * Wechaty runtime with wechaty-puppet-mock. `restart` replaces the engine, as a bot process restart would.
 */
import { WechatyBuilder, type Wechaty } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { BotEngine } from '../../bot/engine';
import { attachWechaty } from '../../bot/wechaty';

export interface BotDriver {
  name: string;
  transport: string;
  /** Sends one private message and returns the bot's replies, joined by newlines. */
  say(from: string, text: string): Promise<string>;
  restart(): void;
  close(): Promise<void>;
}

const newEngine = (apiUrl: string) => new BotEngine({ apiUrl, serviceUsername: 'bot', servicePassword: 'lvzhi-demo' });

/** Messages go straight into a BotEngine (transport `console`). */
export function engineDriver(apiUrl: string): BotDriver {
  let engine = newEngine(apiUrl);
  return {
    name: 'engine',
    transport: 'console',
    async say(from, text) {
      const replies = await engine.handle({ transport: 'console', chatId: null, chatType: 'single', senderId: from, senderName: from, text, mentionsBot: false });
      return replies.map((r) => r.text).join('\n');
    },
    restart() {
      engine = newEngine(apiUrl);
    },
    close: async () => undefined,
  };
}

/** Messages are said by mock WeChat contacts to the bot's account, through the Wechaty runtime. */
export async function wechatyDriver(apiUrl: string): Promise<BotDriver> {
  let engine = newEngine(apiUrl);
  // Each sender's messages the engine has been handed, in order: `say` learns from it how many replies to wait for.
  const handled = new Map<string, ((replies: number) => void)[]>();
  const proxy = {
    handle: async (m: Parameters<BotEngine['handle']>[0]) => {
      const replies = await engine.handle(m);
      handled.get(m.senderId)?.shift()?.(replies.length);
      return replies;
    },
    serviceClient: () => engine.serviceClient(),
  } as unknown as BotEngine;
  const mocker = new mock.Mocker();
  const bot: Wechaty = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) });
  attachWechaty(bot, proxy);
  const loggedIn = new Promise((r) => bot.once('login', r));
  await bot.start();
  const botUser = mocker.createContact({ id: 'lvzhi-bot', name: '履职通' });
  mocker.login(botUser);
  await loggedIn;
  const contacts = new Map<string, { contact: mock.ContactMock; heard: string[]; wake: () => void }>();
  const contactFor = (id: string) => {
    let c = contacts.get(id);
    if (!c) {
      const entry = { contact: mocker.createContact({ id, name: id }), heard: [] as string[], wake: (): void => undefined };
      entry.contact.on('message', (m: mock.MessageMock) => {
        if (m.payload.talkerId !== botUser.id) return;
        entry.heard.push(m.payload.text ?? '');
        entry.wake();
      });
      contacts.set(id, entry);
      c = entry;
    }
    return c;
  };
  return {
    name: 'wechaty',
    transport: 'wechaty',
    async say(from, text) {
      const c = contactFor(from);
      const before = c.heard.length;
      // A message may get more than one reply (a note, then the answer): the engine says how many, and all of
      // them must reach the contact through Wechaty — no quiet period guessed by sleeping.
      const replies = new Promise<number>((resolve) => handled.set(from, [...(handled.get(from) ?? []), resolve]));
      c.contact.say(text).to(botUser);
      const expected = await withTimeout(replies, 15_000, `the bot never handled ${from}'s message`);
      await withTimeout(
        new Promise<void>((resolve) => {
          c.wake = () => c.heard.length >= before + expected && resolve();
          c.wake();
        }),
        15_000,
        `${from} heard ${c.heard.length - before} of the bot's ${expected} replies`,
      );
      c.wake = () => undefined;
      // Nothing more arrives for this message (the engine's replies are all there), and at least one did.
      expect(expected).toBeGreaterThan(0);
      return c.heard.slice(before).join('\n');
    },
    restart() {
      engine = newEngine(apiUrl);
    },
    close: () => bot.stop(),
  };
}

/** `p`, or a failure saying `what` after `ms`. */
async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
