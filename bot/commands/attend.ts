/** 参加 3 / 3号会议我参加. */
import type { Turn } from '../turn';
import { needId } from './util';

/** Replies that the person attends a meeting. */
export async function attend(t: Turn): Promise<void> {
  const id = needId(t, '参加 3');
  if (id === undefined) return;
  await t.api.rsvp(id, { attend: true });
  t.say(`好的，已登记你参加会议 ${id}。`);
}
