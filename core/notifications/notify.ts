/**
 * Notifying people: one inbox entry per person (the in-app channel, delivered at once) and one outbox row
 * per further channel — chat for the people who work in chats, WeChat subscribe messages for those who signed
 * in with WeChat — as far as the message's channels and the person's settings allow (a channel turned off gets
 * no row; in quiet hours a non-urgent row waits until 07:00). Written in the caller's transaction, so a change
 * and its notices commit or vanish together; the same cause (`key`) never notifies the same person twice.
 * Use cases do not call this directly: they emit events, and the event table (`eventTable.ts`) says who hears.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Op, QueryTypes } from 'sequelize';
import { NotificationModel, OutboxModel } from '../../models/engagement';
import { RegionModel, UserModel } from '../../models/definitions';
import { inRegion } from '../directory/scope';
import { AVAILABLE_CHANNEL_SQL, availableChannels, DEFAULT_SETTINGS, pushTime, settingsOf, type Channel, type PushChannel } from './policy';

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
export const NOTIFY_CHUNK = 5_000;

/**
 * Notifies `userIds`; returns how many were newly notified. Set-based: per chunk of people one statement finds who
 * was told already, one `INSERT … SELECT` writes their inbox entries from the users table and one writes the outbox
 * rows from those entries joined with the people's settings — the rows are made by the database, not sent from
 * here — all in the caller's transaction, so a crash (even kill -9) leaves all or nothing, and the unique dedupe
 * key keeps a second run from telling anyone twice.
 */
export async function notify(userIds: number[], msg: Message, now: Date): Promise<number> {
  const unique = [...new Set(userIds)].filter((id) => Number.isSafeInteger(id));
  // Who was told of this cause already: on MySQL one range read of the key's prefix on the unique index (when no key can
  // be clipped); on SQLite, in the process, a lookup per chunk costs no round trips.
  const told = NotificationModel.sequelize!.getDialect() === 'mysql' && `${msg.key}:`.length + 10 <= 190 ? await toldOf(msg.key) : null;
  let count = 0;
  for (let i = 0; i < unique.length; i += NOTIFY_CHUNK) count += await notifyChunk(unique.slice(i, i + NOTIFY_CHUNK), msg, now, told);
  return count;
}

/**
 * The people who have an inbox entry of cause `key` (their dedupe keys all start with `key:`). A `%` or `_` in the key
 * only widens the LIKE; the exact key is compared here.
 */
async function toldOf(key: string): Promise<Set<number>> {
  const rows = await NotificationModel.findAll({ where: { dedupeKey: { [Op.like]: `${key}:%` } }, attributes: ['userId', 'dedupeKey'], raw: true });
  return new Set(rows.filter((n) => n.dedupeKey === `${key}:${n.userId}`).map((n) => n.userId));
}

async function notifyChunk(ids: number[], msg: Message, now: Date, told: Set<number> | null): Promise<number> {
  const sequelize = NotificationModel.sequelize!;
  const mysql = sequelize.getDialect() === 'mysql';
  const keyOf = (u: number) => `${msg.key}:${u}`.slice(0, 190);
  const done =
    told ??
    new Set((await NotificationModel.findAll({ where: { dedupeKey: { [Op.in]: ids.map(keyOf) } }, attributes: ['userId'], raw: true })).map((n) => n.userId));
  const fresh = ids.filter((id) => !done.has(id));
  if (!fresh.length) return 0;
  // The dedupe key as the database writes it: the same text as keyOf (ids are integers, so no quoting is involved).
  const dedupe = (col: string) => `SUBSTR(${mysql ? `CONCAT(:prefix, ${col})` : `(:prefix || ${col})`}, 1, 190)`;
  const idList = fresh.map(Number).join(',');
  const [, inserted] = (await sequelize.query(
    `INSERT INTO notifications (userId, kind, title, body, refType, refId, readAt, dedupeKey, createdAt)
     SELECT u.id, :kind, :title, :body, :refType, :refId, NULL, ${dedupe('u.id')}, :now FROM users u WHERE u.id IN (${idList})`,
    { type: QueryTypes.INSERT, replacements: { kind: msg.kind, title: msg.title, body: msg.body, refType: msg.refType ?? null, refId: msg.refId ?? null, prefix: `${msg.key}:`, now } },
  )) as unknown as [unknown, number];
  // One outbox row per further channel the person can have, allows and the message may take; in quiet hours it waits.
  const urgent = msg.urgent ?? false;
  const quietAt = pushTime(now, { ...DEFAULT_SETTINGS, quietHours: true }, urgent);
  const channelRows = (channel: PushChannel, can: string) => `
    SELECT n.id, n.userId, '${channel}', 'pending', 0, CASE WHEN COALESCE(s.quietHours, 1) <> 0 THEN :quietAt ELSE :now END, :urgent, NULL, NULL,
           ${mysql ? `CONCAT('${channel}:', n.id)` : `('${channel}:' || n.id)`}, :now, NULL
    FROM notifications n JOIN users u ON u.id = n.userId LEFT JOIN notification_settings s ON s.userId = n.userId
    WHERE n.dedupeKey IN (:keys) AND ${can} AND COALESCE(s.${channel}, 1) <> 0`;
  const selects = (['chat', 'wechat'] as const)
    .filter((c) => !msg.channels || msg.channels.includes(c))
    .map((c) => channelRows(c, AVAILABLE_CHANNEL_SQL[c]));
  if (selects.length && inserted > 0) {
    await sequelize.query(
      `INSERT INTO outbox (notificationId, userId, channel, status, attempts, nextAttemptAt, urgent, claimedUntil, lastError, idempotencyKey, createdAt, sentAt) ${selects.join(' UNION ALL ')}`,
      { type: QueryTypes.INSERT, replacements: { keys: fresh.map(keyOf), quietAt, now, urgent: urgent ? 1 : 0 } },
    );
  }
  return inserted;
}

/** Above this many people a message is fanned out on its own, set-based (`notify`); smaller ones are written together. */
const TOGETHER_UP_TO = 200;

/**
 * Notifies each message's people, in order; returns how many were newly notified. The small messages of a batch (a
 * sweep's reminders, an event's few audiences) are written together: one statement finds who was told already, one
 * reads the people, one their settings, and multi-row INSERTs write every inbox entry and outbox row of the batch.
 * As with `notify`, the same cause never reaches the same person twice, within the batch or across runs.
 */
export async function notifyMany(messages: { userIds: number[]; msg: Message; now: Date }[]): Promise<number> {
  let count = 0;
  let pending: typeof messages = [];
  for (const m of messages) {
    if (new Set(m.userIds).size <= TOGETHER_UP_TO) {
      pending.push(m);
      continue;
    }
    count += await notifyTogether(pending);
    pending = [];
    count += await notify(m.userIds, m.msg, m.now);
  }
  return count + (await notifyTogether(pending));
}

async function notifyTogether(messages: { userIds: number[]; msg: Message; now: Date }[]): Promise<number> {
  if (!messages.length) return 0;
  const rows: { userId: number; msg: Message; now: Date; key: string }[] = [];
  const seen = new Set<string>();
  for (const { userIds, msg, now } of messages) {
    for (const userId of new Set(userIds)) {
      if (!Number.isSafeInteger(userId)) continue;
      const key = `${msg.key}:${userId}`.slice(0, 190);
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ userId, msg, now, key });
    }
  }
  const chunks = <T>(xs: T[], n = NOTIFY_CHUNK) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));
  const done = new Set<string>();
  for (const keys of chunks([...seen])) {
    for (const n of await NotificationModel.findAll({ where: { dedupeKey: { [Op.in]: keys } }, attributes: ['dedupeKey'], raw: true })) done.add(n.dedupeKey);
  }
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const users = new Map<number, { id: number; role: string; wechatOpenid: string | null }>();
  for (const ids of chunks(userIds)) {
    for (const u of await UserModel.findAll({ where: { id: ids }, attributes: ['id', 'role', 'wechatOpenid'], raw: true })) users.set(u.id, u);
  }
  const fresh = rows.filter((r) => !done.has(r.key) && users.has(r.userId));
  if (!fresh.length) return 0;
  const qi = NotificationModel.sequelize!.getQueryInterface();
  for (const part of chunks(fresh, 1_000)) {
    await qi.bulkInsert(
      NotificationModel.getTableName() as string,
      part.map((r) => ({ userId: r.userId, kind: r.msg.kind, title: r.msg.title, body: r.msg.body, refType: r.msg.refType ?? null, refId: r.msg.refId ?? null, readAt: null, dedupeKey: r.key, createdAt: r.now })),
    );
  }
  // The new entries' ids, by their unique keys (portable: no reliance on consecutive auto-increment values).
  const created = new Map<string, number>();
  for (const keys of chunks(fresh.map((r) => r.key))) {
    for (const n of await NotificationModel.findAll({ where: { dedupeKey: { [Op.in]: keys } }, attributes: ['id', 'dedupeKey'], raw: true })) created.set(n.dedupeKey, n.id);
  }
  const settings = await settingsOf([...new Set(fresh.map((r) => r.userId))]);
  const outbox: Record<string, unknown>[] = [];
  for (const r of fresh) {
    const id = created.get(r.key)!;
    const mine = settings.get(r.userId)!;
    const urgent = r.msg.urgent ?? false;
    for (const channel of availableChannels(users.get(r.userId)!).filter((c) => mine[c] && (!r.msg.channels || r.msg.channels.includes(c)))) {
      outbox.push({
        notificationId: id,
        userId: r.userId,
        channel,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: pushTime(r.now, mine, urgent),
        urgent,
        claimedUntil: null,
        lastError: null,
        idempotencyKey: `${channel}:${id}`,
        createdAt: r.now,
        sentAt: null,
      });
    }
  }
  for (const part of chunks(outbox, 1_000)) await qi.bulkInsert(OutboxModel.getTableName() as string, part);
  return fresh.length;
}

/** Within `audienceMemo`, the staff of every department and the office accounts are read once and shared. */
const memo = new AsyncLocalStorage<{ staff?: Promise<Map<number, number[]>>; offices?: Promise<{ id: number; path: string | null }[]> }>();

/** Runs `fn` with the audiences' staff and office lists read at most once (a sweep's batch: nothing changes them meanwhile). */
export function audienceMemo<T>(fn: () => Promise<T>): Promise<T> {
  return memo.run({}, fn);
}

/** The ids of the active staff of the given departments. */
export async function staffOf(departmentIds: number[]): Promise<number[]> {
  if (!departmentIds.length) return [];
  const m = memo.getStore();
  if (m) {
    m.staff ??= UserModel.findAll({ where: { role: 'staff', active: true }, attributes: ['id', 'departmentId'], raw: true }).then((rows) => {
      const by = new Map<number, number[]>();
      for (const u of rows) if (u.departmentId !== null) by.set(u.departmentId, [...(by.get(u.departmentId) ?? []), u.id]);
      return by;
    });
    const by = await m.staff;
    return [...new Set(departmentIds.flatMap((d) => by.get(d) ?? []))].sort((a, b) => a - b);
  }
  return (await UserModel.findAll({ where: { role: 'staff', departmentId: departmentIds, active: true }, attributes: ['id'] })).map((u) => u.id);
}

/** The ids of the office accounts whose region covers `regionPath` (the city office covers everything). */
export async function officeFor(regionPath: string | null): Promise<number[]> {
  const m = memo.getStore();
  const offices = m ? await (m.offices ??= officeAccounts()) : await officeAccounts();
  return offices.filter((o) => inRegion(o.path, regionPath)).map((o) => o.id);
}

/** Every active office account with its region's path. */
async function officeAccounts(): Promise<{ id: number; path: string | null }[]> {
  const offices = await UserModel.findAll({ where: { role: 'office', active: true, system: false } });
  const regions = new Map((await RegionModel.findAll({ where: { id: offices.map((o) => o.regionId).filter((x): x is number => x !== null) } })).map((r) => [r.id, r.path]));
  return offices.map((o) => ({ id: o.id, path: (o.regionId && regions.get(o.regionId)) || null }));
}
