/** 驳回 1 … from a deputy, 撤回 5 from a department: whose act that is, and how to follow the suggestion instead. */
import { ACTION_LABELS, ROLE_LABELS, type Role } from '../../contracts';
import type { Turn } from '../turn';

/** Each act the bot knows, with the role that does it. */
const ACTS: Record<string, [label: string, by: Role]> = {
  accept: [ACTION_LABELS.accept, 'office'],
  reject: [`${ACTION_LABELS.reject}（驳回）`, 'office'],
  confirm: [ACTION_LABELS.confirm, 'office'],
  reassign: ['改派', 'office'],
  urge: [ACTION_LABELS.urge, 'office'],
  sign: [ACTION_LABELS.sign, 'staff'],
  return: [ACTION_LABELS.return, 'staff'],
  extend: [ACTION_LABELS['request-extension'], 'staff'],
  consult: [`记录${ACTION_LABELS.consult}`, 'staff'],
  opinion: [ACTION_LABELS.opinion, 'staff'],
  withdraw: [ACTION_LABELS.withdraw, 'deputy'],
  forward: [`把群众意见${ACTION_LABELS.forward}`, 'deputy'],
  leave: ['会议请假', 'deputy'],
  answerCosign: [ACTION_LABELS.cosign, 'deputy'],
  join: [ACTION_LABELS.join, 'deputy'],
  rate: [`${ACTION_LABELS.rate}答复`, 'deputy'],
};

/** Says that the act belongs to another role and offers what this person can do with the suggestion. */
export async function othersAct(t: Turn): Promise<void> {
  const { act = '', id } = t.u.slots;
  const [label, by] = ACTS[act] ?? ['这个操作', 'office'];
  const mine = ROLE_LABELS[t.role as Role] ?? '你的';
  const instead = act === 'return' && t.role === 'deputy' ? `如果是想撤回自己的建议，发“撤回 ${id}”；` : '';
  t.say(`${label}由${ROLE_LABELS[by]}办理，${mine}账号不能这样做。${instead}想看${id}号建议的进展，发“${id}号建议办到哪了”。`);
}
