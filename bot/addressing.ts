/** Whether a chat message is for the bot: every private message; in a group only when addressed. */
import { hasCommandPrefix, mentionsBotName } from './nlu/normalize';

/**
 * A group message is for the bot when it @mentions the bot (the transport says so, or the text has `@履职通`),
 * starts with a command prefix (`/`, `#`, `履职通，…`), or comes from someone in the middle of a conversation
 * they started in this group (`continuing`): what they type next there is not lost.
 */
export function addressed(m: { text: string; inGroup: boolean; mentionsBot: boolean; continuing?: boolean }): boolean {
  if (!m.inGroup) return true;
  return m.mentionsBot || mentionsBotName(m.text) || hasCommandPrefix(m.text) || m.continuing === true;
}
