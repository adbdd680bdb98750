/**
 * Notice rules in one place: who publishes (office, admin) and who may read a notice's receipts (the shared scoping
 * rule: the office whose region subtree holds the notice, and the admin).
 */
import { NoticeModel } from '../../models/engagement';
import type { Actor } from '../context';
import { isOfficeOrAdmin, officeCovers } from '../directory/scope';
import { regionPathOf } from '../directory/regionPath';
import { idOf } from '../useCase';

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
