/** 3号会议请假，单位有接待任务. */
import type { Turn } from '../turn';
import { askFor, needId } from './util';

/** Asks for leave from a meeting (the reason is required). */
export async function leave(t: Turn): Promise<void> {
  const id = needId(t, '3号会议请假 在外地出差');
  if (id === undefined) return;
  const reason = t.u.slots.reason;
  if (!reason) return askFor(t, 'leave', t.u.slots, 'reason', `请说明请假理由，例如：在外地出差`);
  await t.api.rsvp(id, { leave: reason });
  t.say(`已提交请假申请（会议 ${id}，理由：${reason}），等待人大工作人员审批。`);
}
