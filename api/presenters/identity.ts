/** DTOs for accounts the office creates or imports. */
import { DEPUTY_LEVEL_LABELS, type DeputyLevel } from '../../contracts';
import type { UserView } from '../../contracts/identity';
import { presentAccount, stationRef } from './directory';
import type { PersonDetails } from '../../core/identity/people';

/** An account with its region, department, station and (for deputies) level and delegation; never its password or openid. */
export function presentUser(p: PersonDetails): UserView {
  const u = p.user;
  return {
    ...presentAccount(u, p.region, p.department),
    station: stationRef(p.station),
    phone: u.phone ?? null,
    post: u.post ?? null,
    deputy: p.deputy ? { level: p.deputy.level as DeputyLevel, levelLabel: DEPUTY_LEVEL_LABELS[p.deputy.level as DeputyLevel], delegation: p.deputy.delegation } : null,
    wechatLinked: Boolean(u.wechatOpenid),
    active: Boolean(u.active),
  };
}
