/**
 * Two ways to talk to the bot in tests: straight into the engine, or as a WeChat contact through the real
 * Wechaty runtime with wechaty-puppet-mock. `restart` replaces the engine, as a bot process restart would.
 */
import { WechatyBuilder, type Wechaty } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { BotEngine } from '../../bot/engine';
import { attachWechaty } from '../../bot/wechaty';
import { until } from './jobs';

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
  const proxy = { handle: (m: Parameters<BotEngine['handle']>[0]) => engine.handle(m), serviceClient: () => engine.serviceClient() } as unknown as BotEngine;
  const mocker = new mock.Mocker();
  const bot: Wechaty = WechatyBuilder.build({ puppet: new PuppetMock({ mocker }) });
  attachWechaty(bot, proxy);
  const loggedIn = new Promise((r) => bot.once('login', r));
  await bot.start();
  const botUser = mocker.createContact({ id: 'lvzhi-bot', name: '履职通' });
  mocker.login(botUser);
  await loggedIn;
  const contacts = new Map<string, { contact: mock.ContactMock; heard: string[] }>();
  const contactFor = (id: string) => {
    let c = contacts.get(id);
    if (!c) {
      const entry = { contact: mocker.createContact({ id, name: id }), heard: [] as string[] };
      entry.contact.on('message', (m: mock.MessageMock) => {
        if (m.payload.talkerId === botUser.id) entry.heard.push(m.payload.text ?? '');
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
      c.contact.say(text).to(botUser);
      await until(() => c.heard.length > before, 15_000);
      // A message may get more than one reply (a note, then the answer): wait until the bot is quiet.
      let seen = c.heard.length;
      for (;;) {
        await new Promise((r) => setTimeout(r, 150));
        if (c.heard.length === seen) break;
        seen = c.heard.length;
      }
      return c.heard.slice(before).join('\n');
    },
    restart() {
      engine = newEngine(apiUrl);
    },
    close: () => bot.stop(),
  };
}
