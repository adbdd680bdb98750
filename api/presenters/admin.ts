/** DTOs of the admin area and the audit log (see contracts/admin.ts). */
import type { AdminDepartment, AdminRegion, AdminStation, AdminUser, AuditEntry, AuditPage, UserPage } from '../../contracts/admin';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_FIELD_LABELS,
  AUDIT_OBJECT_LABELS,
  DEPARTMENT_KIND_LABELS,
  REGION_LEVEL_LABELS,
  ROLE_LABELS,
  SIGN_IN_METHOD_LABELS,
} from '../../contracts/labels';
import { chinaDate, chinaDateTime } from '../../contracts/format';
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

const WORDS_OF: Record<string, Record<string, string>> = {
  role: ROLE_LABELS,
  method: SIGN_IN_METHOD_LABELS,
  by: SIGN_IN_METHOD_LABELS,
  level: REGION_LEVEL_LABELS,
  kind: { ...DEPARTMENT_KIND_LABELS, station: '联络站', point: '联络点' },
  source: { official: '官方公布', package: '日历软件包', provisional: '按法定节假日推算' },
};
const YES_NO: Record<string, [string, string]> = { active: ['启用', '停用'], wechatLinked: ['已绑定', '未绑定'] };

/** One recorded value as people read it: codes in words, yes/no, days and instants in Beijing time, lists joined. */
export function auditValue(field: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return (YES_NO[field] ?? ['是', '否'])[v ? 0 : 1];
  if (Array.isArray(v)) return v.length ? v.map((x) => auditValue(field, x) ?? '').join('、') : '无';
  if (typeof v === 'object') return JSON.stringify(v);
  const s = String(v);
  if (WORDS_OF[field]?.[s]) return WORDS_OF[field][s];
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return chinaDateTime(s).replace(/^(\S+)/, (d) => chinaDate(d));
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return chinaDate(s);
  return s;
}

/** The fields of an audit row in words: what changed (before → after), or what a creation or sign-in recorded. */
export function auditChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditEntry['changes'] {
  const b = before ?? {};
  const a = after ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => f !== 'id');
  const same = (f: string) => JSON.stringify(b[f] ?? null) === JSON.stringify(a[f] ?? null);
  return fields
    .filter((f) => (before && after ? !same(f) : (after ?? before)![f] !== null && (after ?? before)![f] !== undefined))
    .map((f) => ({ field: f, label: AUDIT_FIELD_LABELS[f] ?? f, before: before ? auditValue(f, b[f]) : null, after: after ? auditValue(f, a[f]) : null }));
}

/** The object of an audit row in words: 账号 钱老师（citizen10）, 区域 审计街道, or the kind and its number. */
function auditObjectLabel(type: string | null, id: string | null, before: Record<string, unknown> | null, after: Record<string, unknown> | null, names: Map<number, string>): string | null {
  if (!type) return null;
  const kind = AUDIT_OBJECT_LABELS[type] ?? type;
  const snap = { ...(before ?? {}), ...(after ?? {}) };
  const name = typeof snap.name === 'string' ? snap.name : type === 'user' && id && /^\d+$/.test(id) ? (names.get(Number(id)) ?? null) : null;
  const username = typeof snap.username === 'string' ? snap.username : null;
  if (type === 'calendar' && id) return `${id} 年${kind}`;
  if (name && username) return `${kind} ${name}（${username}）`;
  if (name || username) return `${kind} ${name ?? username}`;
  return id ? `${kind}（编号 ${id}）` : kind;
}

/** One audit row. */
export function presentAuditEntry(a: AuditModel, names: Map<number, string>): AuditEntry {
  const before = parse(a.before);
  const after = parse(a.after);
  return {
    id: a.id,
    at: iso(a.createdAt)!,
    actor: { id: a.actorUserId, username: a.username, name: a.actorUserId ? (names.get(a.actorUserId) ?? null) : null },
    action: a.action,
    actionLabel: AUDIT_ACTION_LABELS[a.action] ?? a.action,
    object: a.objectType ? { type: a.objectType, id: a.objectId } : null,
    before,
    after,
    objectLabel: auditObjectLabel(a.objectType, a.objectId, before, after, names),
    changes: auditChanges(before, after),
    clientAddress: a.clientAddress,
  };
}

/** One page of the audit log. */
export function presentAuditPage(v: AuditPageView): AuditPage {
  return { items: v.rows.map((r) => presentAuditEntry(r, v.names)), total: v.total, page: v.page, pageSize: v.pageSize };
}
