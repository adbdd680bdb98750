/**
 * The Wechaty transport: any puppet named in configuration (tests use wechaty-puppet-mock). One handler for the
 * `message` event; group messages count as addressed when they @mention the bot. Note: puppets for personal
 * WeChat accounts may break WeChat's terms of service — WeCom is the supported path.
 */
import type { Message, Wechaty } from 'wechaty';
import type { BotEngine } from './engine';
import { Pusher } from './pusher';

/** Wires `engine` to a Wechaty instance's messages; returns a pusher that sends deliveries to contacts. */
export function attachWechaty(bot: Wechaty, engine: BotEngine, options: { perMinute?: number } = {}): Pusher {
  bot.on('message', async (m: Message) => {
    if (m.self() || m.type() !== bot.Message.Type.Text) return;
    const room = m.room();
    const talker = m.talker();
    const replies = await engine.handle({
      transport: 'wechaty',
      chatId: room ? room.id : null,
      chatType: room ? 'group' : 'single',
      senderId: talker.id,
      senderName: talker.name(),
      text: m.text(),
      mentionsBot: room ? await m.mentionSelf() : false,
    });
    for (const r of replies) {
      if (r.chat && room) await room.say(r.text);
      else await talker.say(r.text);
    }
  });
  return new Pusher(() => engine.serviceClient(), {
    transport: 'wechaty',
    perMinute: options.perMinute ?? 20,
    send: async (to, text) => {
      const contact = await bot.Contact.find({ id: to });
      if (!contact) throw new Error(`找不到微信联系人 ${to}`);
      await contact.say(text);
    },
  });
}
