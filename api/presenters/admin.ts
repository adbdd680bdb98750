/** DTOs of the admin area and the audit log (see contracts/admin.ts). */
import type { AdminDepartment, AdminRegion, AdminStation, AdminUser, AuditEntry, AuditPage, UserPage } from '../../contracts/admin';
import { AUDIT_ACTION_LABELS, REGION_LEVEL_LABELS } from '../../contracts/labels';
import type { RegionLevel } from '../../contracts/enums';
import type { UserListView } from '../../core/admin/listUsers';
import type { AuditPageView } from '../../core/audit/listAudit';
import type { AuditModel } from '../../models/audit';
import type { DepartmentModel, RegionModel, StationModel, UserModel } from '../../models/definitions';
import { iso } from './format';

import { presentAccount, presentDepartment, regionRef, stationRef } from './directory';

/** A region as the admin area shows it. */
export function presentAdminRegion(r: RegionModel): AdminRegion {
  return { id: r.id, code: r.code, name: r.name, level: r.level as RegionLevel, levelLabel: REGION_LEVEL_LABELS[r.level as RegionLevel] ?? r.level, parentId: r.parentId };
}

/** A station with its region and whether it is in use. */
export function presentAdminStation(s: StationModel, region: RegionModel | null | undefined): AdminStation {
  return { id: s.id, name: s.name, kind: s.kind, address: s.address, region: regionRef(region) ?? { id: s.regionId, code: '', name: '' }, active: s.active !== false };
}

/** A department with its duty text, aliases, routing keywords and whether it is in use. */
export function presentAdminDepartment(d: DepartmentModel): AdminDepartment {
  return { ...presentDepartment(d), active: d.active !== false };
}

/** A user account with its region, department and station (never its password hash or openid). */
export function presentAdminUser(
  u: UserModel,
  refs: { region?: RegionModel | null; department?: DepartmentModel | null; station?: StationModel | null },
): AdminUser {
  return {
    ...presentAccount(u, refs.region, refs.department),
    active: u.active !== false,
    station: stationRef(refs.station),
    wechatLinked: Boolean(u.wechatOpenid),
  };
}

/** One page of accounts. */
export function presentUserPage(v: UserListView): UserPage {
  return {
    items: v.users.map((u) =>
      presentAdminUser(u, {
        region: u.regionId ? v.regions.get(u.regionId) : null,
        department: u.departmentId ? v.departments.get(u.departmentId) : null,
        station: u.stationId ? v.stations.get(u.stationId) : null,
      }),
    ),
    total: v.total,
    page: v.page,
    pageSize: v.pageSize,
  };
}

const parse = (raw: string | null) => (raw ? (JSON.parse(raw) as Record<string, unknown>) : null);

/** One audit row. */
export function presentAuditEntry(a: AuditModel, names: Map<number, string>): AuditEntry {
  return {
    id: a.id,
    at: iso(a.createdAt)!,
    actor: { id: a.actorUserId, username: a.username, name: a.actorUserId ? (names.get(a.actorUserId) ?? null) : null },
    action: a.action,
    actionLabel: AUDIT_ACTION_LABELS[a.action] ?? a.action,
    object: a.objectType ? { type: a.objectType, id: a.objectId } : null,
    before: parse(a.before),
    after: parse(a.after),
    clientAddress: a.clientAddress,
  };
}

/** One page of the audit log. */
export function presentAuditPage(v: AuditPageView): AuditPage {
  return { items: v.rows.map((r) => presentAuditEntry(r, v.names)), total: v.total, page: v.page, pageSize: v.pageSize };
}
