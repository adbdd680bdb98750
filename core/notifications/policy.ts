/**
 * Notification rules in one place. Notices: who publishes (office, admin) and who may read a notice's receipts (the
 * shared scoping rule: the office whose region subtree holds the notice, and the admin). Deliveries: which push
 * channels a person can have, the quiet hours (22:00–07:00 Beijing time, chat and WeChat only; deliveries are
 * deferred to 07:00, never dropped; urgent items go through), and the defaults of a person who has never changed
 * their settings.
 */
import { NoticeModel, NotificationSettingModel } from '../../models/engagement';
import type { Actor } from '../context';
import { isOfficeOrAdmin, officeCovers } from '../directory/scope';
import { regionPathOf } from '../directory/regionPath';
import { idOf } from '../useCase';
import { inChina } from '../../contracts/format';

export const NOTICE_NOT_FOUND = '没有找到这条通知';

/** A notice with its region's path. */
export interface NoticeFacts {
  notice: NoticeModel;
  regionPath: string | null;
}

/** Loads notice `key`, or null. */
export async function loadNotice(key: unknown): Promise<NoticeFacts | null> {
  const id = idOf(key);
  const notice = id ? await NoticeModel.findByPk(id) : null;
  return notice ? { notice, regionPath: await regionPathOf(notice.regionId) } : null;
}

/** Whether the actor publishes notices and follows them up at all. */
export function publishes(actor: Actor): boolean {
  return isOfficeOrAdmin(actor);
}

/** An office outside the notice's region does not learn it exists (404); people outside the office are refused (403). */
export function canSeeNotice(actor: Actor, f: NoticeFacts): boolean {
  return !isOfficeOrAdmin(actor) || officeCovers(actor, f.regionPath);
}

/** The channels a notification can take. The inbox is always on. */
export const CHANNELS = ['inbox', 'chat', 'wechat'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channels that push to a person (and can be turned off or be quiet). */
export type PushChannel = Exclude<Channel, 'inbox'>;

/** Quiet hours in Beijing time: from 22:00 to 07:00. */
export const QUIET_FROM_HOUR = 22;
export const QUIET_TO_HOUR = 7;

/** A person's settings as the rules read them. */
export interface Settings {
  chat: boolean;
  wechat: boolean;
  quietHours: boolean;
}

export const DEFAULT_SETTINGS: Settings = { chat: true, wechat: true, quietHours: true };

/** The push channels a person can receive at all: chat for everyone who works in chats, WeChat once linked. */
export function availableChannels(user: { role: string; wechatOpenid: string | null }): PushChannel[] {
  return [...(user.role !== 'citizen' ? (['chat'] as const) : []), ...(user.wechatOpenid ? (['wechat'] as const) : [])];
}

/**
 * `availableChannels` as an SQL condition on a `users` row aliased `u`, for fan-outs that write outbox rows with
 * one INSERT … SELECT: the same rule, said once more for the database (test/notifications checks both agree).
 */
export const AVAILABLE_CHANNEL_SQL: Record<PushChannel, string> = {
  chat: "u.role <> 'citizen'",
  wechat: "(u.wechatOpenid IS NOT NULL AND u.wechatOpenid <> '')",
};

/** The settings of `userIds` (defaults for those without a row). */
export async function settingsOf(userIds: number[]): Promise<Map<number, Settings>> {
  const rows = userIds.length ? await NotificationSettingModel.findAll({ where: { userId: [...new Set(userIds)] } }) : [];
  const map = new Map<number, Settings>(userIds.map((id) => [id, DEFAULT_SETTINGS]));
  for (const r of rows) map.set(r.userId, { chat: r.chat, wechat: r.wechat, quietHours: r.quietHours });
  return map;
}

/** Whether `at` falls in the quiet hours (Beijing time). */
export function isQuiet(at: Date): boolean {
  const hour = inChina(at).getUTCHours();
  return hour >= QUIET_FROM_HOUR || hour < QUIET_TO_HOUR;
}

/** When a push planned for `at` may go out: `at` itself, or 07:00 Beijing time when `at` is in the quiet hours. */
export function pushTime(at: Date, settings: Settings, urgent: boolean): Date {
  if (urgent || !settings.quietHours || !isQuiet(at)) return at;
  const china = inChina(at);
  const morning = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), QUIET_TO_HOUR) - 8 * 3_600_000;
  return new Date(china.getUTCHours() >= QUIET_FROM_HOUR ? morning + 24 * 3_600_000 : morning);
}
