/** DTOs for accounts the office creates or imports. */
import { DEPUTY_LEVEL_LABELS, ROLE_LABELS, type DeputyLevel, type Role } from '../../contracts';
import type { UserView } from '../../contracts/identity';
import type { PersonDetails } from '../../core/identity/people';

/** An account with its region, department, station and (for deputies) level and delegation; never its password or openid. */
export function presentUser(p: PersonDetails): UserView {
  const u = p.user;
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    role: u.role as Role,
    roleLabel: ROLE_LABELS[u.role as Role],
    region: p.region ? { id: p.region.id, code: p.region.code, name: p.region.name } : null,
    department: p.department ? { id: p.department.id, code: p.department.code, name: p.department.name } : null,
    station: p.station ? { id: p.station.id, name: p.station.name } : null,
    phone: u.phone ?? null,
    post: u.post ?? null,
    deputy: p.deputy ? { level: p.deputy.level as DeputyLevel, levelLabel: DEPUTY_LEVEL_LABELS[p.deputy.level as DeputyLevel], delegation: p.deputy.delegation } : null,
    wechatLinked: Boolean(u.wechatOpenid),
    active: Boolean(u.active),
  };
}
