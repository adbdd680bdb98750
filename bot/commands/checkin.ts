/** 签到 123456. */
import type { Turn } from '../turn';

/** Checks in at a meeting with its code. */
export async function checkin(t: Turn): Promise<void> {
  const code = t.u.slots.code;
  if (!code) return t.say('请发会议现场公布的签到码，例如：签到 123456');
  const r = await t.api.checkIn(code);
  t.say(r.again ? `你已经签到过了：${r.title}。` : `签到成功：${r.title}。`);
}
