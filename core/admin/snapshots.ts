/**
 * What the audit log keeps of each administered object: its fields listed explicitly (never a password hash,
 * never a WeChat openid — only whether one is linked).
 */
import type { DepartmentModel, RegionModel, StationModel, UserModel } from '../../models/definitions';
import { parseAliases, parseKeywords } from '../directory/departmentWords';

/** A region's audited fields. */
export function regionSnapshot(r: RegionModel) {
  return { id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parentId };
}

/** A station's audited fields. */
export function stationSnapshot(s: StationModel) {
  return { id: s.id, name: s.name, kind: s.kind, regionId: s.regionId, address: s.address, active: s.active !== false };
}


/** A department's audited fields. */
export function departmentSnapshot(d: DepartmentModel) {
  return { id: d.id, code: d.code, name: d.name, kind: d.kind, duties: d.duties, aliases: parseAliases(d.aliases), keywords: parseKeywords(d.keywords), active: d.active !== false };
}

/** A user account's audited fields. */
export function userSnapshot(u: UserModel) {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role,
    regionId: u.regionId,
    departmentId: u.departmentId,
    stationId: u.stationId,
    active: u.active !== false,
    wechatLinked: Boolean(u.wechatOpenid),
  };
}
