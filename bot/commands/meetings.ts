/** 会议 / 最近有什么会: scheduled meetings with the person's reply (Beijing time). */
import { chinaTime } from '../../contracts/format';
import type { Turn } from '../turn';

/** Lists scheduled meetings. */
export async function meetings(t: Turn): Promise<void> {
  const items = (await t.api.meetings()).items.filter((m) => m.state === 'scheduled');
  if (!items.length) return t.say('近期没有会议或活动。', { private: true });
  const lines = items.slice(0, 8).map((m) => `${m.id}. ${m.title}（${m.kindLabel}）${chinaTime(m.startsAt)}，${m.place} —— ${m.mine?.rsvpLabel ?? ''}`);
  t.say(`近期会议：\n${lines.join('\n')}\n回复“参加 编号”或“3号会议请假 理由”；到场后发“签到 签到码”。`, { private: true });
}
