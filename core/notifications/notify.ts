/**
 * Notifying people: one inbox entry per person (the in-app channel, delivered at once) and one outbox row
 * per further channel — chat for the people who work in chats, WeChat subscribe messages for those who signed
 * in with WeChat — as far as the message's channels and the person's settings allow (a channel turned off gets
 * no row; in quiet hours a non-urgent row waits until 07:00). Written in the caller's transaction, so a change
 * and its notices commit or vanish together; the same cause (`key`) never notifies the same person twice.
 * Use cases do not call this directly: they emit events, and the event table (`eventTable.ts`) says who hears.
 */
import { Op } from 'sequelize';
import { NotificationModel, OutboxModel } from '../../models/engagement';
import { RegionModel, UserModel } from '../../models/definitions';
import { inRegion } from '../directory/scope';
import { availableChannels, pushTime, settingsOf, type Channel } from './policy';

export interface Message {
  /** What happened, as a fixed code: `suggestion.assigned`, `notice`, `meeting.reminder` … */
  kind: string;
  title: string;
  body: string;
  refType?: string;
  refId?: number;
  /** The cause: the same key never reaches the same person twice. */
  key: string;
  /** The channels this message may take (default: all); the inbox entry is always written. */
  channels?: readonly Channel[];
  /** Urgent messages are pushed during quiet hours too. */
  urgent?: boolean;
}

/** How many people one round of statements notifies: the memory a fan-out holds stays flat whatever its size. */
export const NOTIFY_CHUNK = 1_000;

/**
 * Notifies `userIds`; returns how many were newly notified. Set-based: per chunk of people one statement finds who
 * was told already, one reads the people and one their settings, one multi-row INSERT writes the inbox entries and
 * one the outbox rows — all in the caller's transaction, so a crash (even kill -9) leaves all or nothing, and the
 * unique dedupe key keeps a second run from telling anyone twice.
 */
export async function notify(userIds: number[], msg: Message, now: Date): Promise<number> {
  const unique = [...new Set(userIds)];
  let count = 0;
  for (let i = 0; i < unique.length; i += NOTIFY_CHUNK) count += await notifyChunk(unique.slice(i, i + NOTIFY_CHUNK), msg, now);
  return count;
}

async function notifyChunk(ids: number[], msg: Message, now: Date): Promise<number> {
  const keyOf = (u: number) => `${msg.key}:${u}`.slice(0, 190);
  const done = new Set(
    (await NotificationModel.findAll({ where: { dedupeKey: { [Op.in]: ids.map(keyOf) } }, attributes: ['dedupeKey'], raw: true })).map((n) => n.dedupeKey),
  );
  const users = (await UserModel.findAll({ where: { id: ids }, attributes: ['id', 'role', 'wechatOpenid'], raw: true })).filter((u) => !done.has(keyOf(u.id)));
  if (!users.length) return 0;
  const settings = await settingsOf(users.map((u) => u.id));
  const urgent = msg.urgent ?? false;
  const qi = NotificationModel.sequelize!.getQueryInterface();
  await qi.bulkInsert(
    NotificationModel.getTableName() as string,
    users.map((u) => ({
      userId: u.id,
      kind: msg.kind,
      title: msg.title,
      body: msg.body,
      refType: msg.refType ?? null,
      refId: msg.refId ?? null,
      readAt: null,
      dedupeKey: keyOf(u.id),
      createdAt: now,
    })),
  );
  // The new entries' ids, by their unique keys (portable: no reliance on consecutive auto-increment values).
  const created = new Map(
    (await NotificationModel.findAll({ where: { dedupeKey: { [Op.in]: users.map((u) => keyOf(u.id)) } }, attributes: ['id', 'userId'], raw: true })).map((n) => [n.userId, n.id]),
  );
  const outbox: Record<string, unknown>[] = [];
  for (const user of users) {
    const id = created.get(user.id)!;
    const mine = settings.get(user.id)!;
    const channels = availableChannels(user).filter((c) => mine[c] && (!msg.channels || msg.channels.includes(c)));
    for (const channel of channels) {
      outbox.push({
        notificationId: id,
        userId: user.id,
        channel,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: pushTime(now, mine, urgent),
        urgent,
        claimedUntil: null,
        lastError: null,
        idempotencyKey: `${channel}:${id}`,
        createdAt: now,
        sentAt: null,
      });
    }
  }
  if (outbox.length) await qi.bulkInsert(OutboxModel.getTableName() as string, outbox);
  return users.length;
}

/** The ids of the active staff of the given departments. */
export async function staffOf(departmentIds: number[]): Promise<number[]> {
  if (!departmentIds.length) return [];
  return (await UserModel.findAll({ where: { role: 'staff', departmentId: departmentIds, active: true }, attributes: ['id'] })).map((u) => u.id);
}

/** The ids of the office accounts whose region covers `regionPath` (the city office covers everything). */
export async function officeFor(regionPath: string | null): Promise<number[]> {
  const offices = await UserModel.findAll({ where: { role: 'office', active: true, system: false } });
  const regions = new Map((await RegionModel.findAll({ where: { id: offices.map((o) => o.regionId).filter((x): x is number => x !== null) } })).map((r) => [r.id, r.path]));
  return offices
    .filter((o) => inRegion((o.regionId && regions.get(o.regionId)) || null, regionPath))
    .map((o) => o.id);
}
