/**
 * The outbox's delivery bookkeeping, shared by every channel: claiming due rows (so two workers never send the
 * same row; rows of a channel the person has turned off since are cancelled, not sent), and recording the
 * result — sent, retry later with backoff (a retry falling in the person's quiet hours waits until 07:00 unless
 * urgent), or dead after too many attempts.
 */
import { Op } from 'sequelize';
import { OutboxModel } from '../../models/engagement';
import { pushTime, settingsOf, type PushChannel } from './policy';

export const MAX_ATTEMPTS = 5;
const CLAIM_MS = 60_000;

/** Backoff before attempt `n + 1`: 1, 2, 4, 8 … minutes. */
export function backoffMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

/** Claims up to `limit` due rows of `channel` for `CLAIM_MS`; returns them. */
export async function claimDue(channel: string, now: Date, limit: number): Promise<OutboxModel[]> {
  const due = await OutboxModel.findAll({
    where: {
      channel,
      status: 'pending',
      nextAttemptAt: { [Op.lte]: now },
      [Op.or]: [{ claimedUntil: null }, { claimedUntil: { [Op.lt]: now } }],
    },
    order: [['id', 'ASC']],
    limit,
  });
  const claimed: OutboxModel[] = [];
  const until = new Date(now.getTime() + CLAIM_MS);
  for (const row of due) {
    // Conditional update: only one claimer wins a row.
    const [n] = await OutboxModel.update(
      { claimedUntil: until },
      { where: { id: row.id, status: 'pending', [Op.or]: [{ claimedUntil: null }, { claimedUntil: { [Op.lt]: now } }] } },
    );
    if (n === 1) {
      row.claimedUntil = until;
      claimed.push(row);
    }
  }
  const settings = await settingsOf(claimed.map((r) => r.userId));
  const off = claimed.filter((r) => settings.get(r.userId)?.[r.channel as PushChannel] === false);
  if (off.length) await OutboxModel.update({ status: 'cancelled', claimedUntil: null, lastError: '接收人已关闭这个渠道' }, { where: { id: off.map((r) => r.id) } });
  return claimed.filter((r) => !off.includes(r));
}

/** Records one delivery attempt's result. `permanent` failures go dead at once. */
export async function recordAttempt(row: OutboxModel, now: Date, result: { ok: true } | { ok: false; error: string; permanent?: boolean }): Promise<void> {
  row.attempts += 1;
  row.claimedUntil = null;
  if (result.ok) {
    row.status = 'sent';
    row.sentAt = now;
    row.lastError = null;
  } else {
    row.lastError = result.error.slice(0, 2000);
    if (result.permanent || row.attempts >= MAX_ATTEMPTS) row.status = 'dead';
    else row.nextAttemptAt = pushTime(new Date(now.getTime() + backoffMs(row.attempts)), (await settingsOf([row.userId])).get(row.userId)!, row.urgent);
  }
  await row.save();
}
