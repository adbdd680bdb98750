/** 通知: unread notices. */
import type { Turn } from '../turn';

/** Lists unread notices. */
export async function notices(t: Turn): Promise<void> {
  const inbox = await t.api.inbox(true);
  if (!inbox.items.length) return t.say('没有未读通知。', { private: true });
  const lines = inbox.items.slice(0, 8).map((n) => `[${n.id}] ${n.title}\n${n.body.slice(0, 80)}`);
  t.say(`你有 ${inbox.unread} 条未读：\n${lines.join('\n')}\n回复“收到”全部标为已读，或“收到 编号”。`, { private: true });
}
