/** 收到 / 好的收到 / 收到 15: read receipts. */
import type { Turn } from '../turn';

/** Marks one notice, or all, as read. */
export async function ack(t: Turn): Promise<void> {
  const id = t.u.slots.id;
  const r = await t.api.markRead(id ?? 'all');
  t.say(r.marked ? `已确认收到${id ? '' : ` ${r.marked} 条`}。` : '没有需要确认的通知。');
}
