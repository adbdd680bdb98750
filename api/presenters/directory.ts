/** DTOs for people, departments, regions and stations. */
import { DEPARTMENT_KIND_LABELS, DEPUTY_LEVEL_LABELS, ROLE_LABELS, type DepartmentKind, type DeputyLevel, type Role } from '../../contracts';
import type { Addressee, Me } from '../../contracts/schemas';
import type { Config } from '../../core/config';
import type { AddresseeView } from '../../core/directory/getAddressee';
import { ADDRESSEE_PAGE, addresseeLink, addresseeScene } from '../../core/directory/addresseeCode';
import type { ProfileView } from '../../core/directory/getProfile';
import type { DeputyListView } from '../../core/directory/listDeputies';
import { parseAliases, parseKeywords } from '../../core/directory/departmentWords';
import type { DepartmentModel, RegionModel, StationModel, UserModel } from '../../models/definitions';

/** A region as other objects refer to it. */
export const regionRef = (r: RegionModel | null | undefined) => (r ? { id: r.id, code: r.code, name: r.name } : null);
/** A department as other objects refer to it. */
export const departmentRef = (d: DepartmentModel | null | undefined) => (d ? { id: d.id, code: d.code, name: d.name } : null);
/** A station as other objects refer to it. */
export const stationRef = (s: StationModel | null | undefined) => (s ? { id: s.id, name: s.name } : null);

/** What every view of an account shows: who, the role, the region and the department (never a password or an openid). */
export function presentAccount(u: UserModel, region?: RegionModel | null, department?: DepartmentModel | null) {
  return { id: u.id, username: u.username, name: u.name, role: u.role as Role, roleLabel: ROLE_LABELS[u.role as Role] ?? u.role, region: regionRef(region), department: departmentRef(department) };
}

/** The signed-in user with region, department and (for deputies) the deputy profile. */
export function presentMe(v: ProfileView): Me {
  const u = v.user;
  const d = v.deputy;
  return {
    ...presentAccount(u, v.region, v.department),
    deputy: d
      ? {
          id: d.id,
          name: d.name,
          gender: d.gender,
          ethnicity: d.ethnicity,
          birthYear: d.birthYear || null,
          party: d.party,
          education: d.education,
          level: d.level as DeputyLevel,
          levelLabel: DEPUTY_LEVEL_LABELS[d.level as DeputyLevel],
          delegation: d.delegation,
          electoralUnit: d.electoralUnit,
          occupation: d.occupation,
          workUnit: d.workUnit,
          post: d.post,
          phone: d.phone,
          term: d.term,
          station: v.deputyStation ? { id: v.deputyStation.id, name: v.deputyStation.name } : null,
          region: regionRef(v.deputyRegion),
        }
      : null,
  };
}

/** A department with its duties and routing keywords. */
export function presentDepartment(d: DepartmentModel) {
  return { id: d.id, code: d.code, name: d.name, kind: d.kind, kindLabel: DEPARTMENT_KIND_LABELS[d.kind as DepartmentKind] ?? d.kind, duties: d.duties, aliases: parseAliases(d.aliases), keywords: parseKeywords(d.keywords) };
}

/** A region of the tree. */
export function presentRegion(r: RegionModel) {
  return { id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parentId };
}

/** A liaison station with its region. */
export function presentStation(s: StationModel, regions: Map<number, RegionModel>) {
  return { id: s.id, name: s.name, kind: s.kind, address: s.address, region: regionRef(regions.get(s.regionId))! };
}

/** Deputies as the public directory shows them (no phone numbers). */
export function presentDeputies(v: DeputyListView) {
  return v.deputies.map((d) => ({
    username: v.users.get(d.userId)?.username ?? '',
    name: d.name,
    level: d.level as DeputyLevel,
    levelLabel: DEPUTY_LEVEL_LABELS[d.level as DeputyLevel],
    delegation: d.delegation,
    region: regionRef(d.regionId ? v.regions.get(d.regionId) : null),
    station: d.stationId && v.stations.get(d.stationId) ? { id: d.stationId, name: v.stations.get(d.stationId)!.name } : null,
  }));
}

/** The addressee of an opinion form: the public part only (never a phone number or work unit). */
export function presentAddressee(v: AddresseeView, config: Config): Addressee {
  const d = v.deputy;
  return {
    kind: v.kind,
    name: d ? d.name : v.station!.name,
    deputy: d ? { username: v.user!.username, name: d.name, level: d.level as DeputyLevel, levelLabel: DEPUTY_LEVEL_LABELS[d.level as DeputyLevel], delegation: d.delegation } : null,
    station: v.station ? { id: v.station.id, name: v.station.name, kind: v.station.kind, address: v.station.address } : null,
    region: regionRef(v.region),
    form: v.kind === 'deputy' ? { deputy: v.user!.username } : { station: v.station!.id },
    page: ADDRESSEE_PAGE,
    scene: addresseeScene(v),
    link: addresseeLink(config, v),
  };
}
