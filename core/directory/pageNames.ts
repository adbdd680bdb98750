/**
 * The people, departments and regions a page names, read with only what a page shows them by: no password
 * hashes, no duty texts or routing keywords (kilobytes per department, decoded for nothing on every page).
 */
import { DepartmentModel, RegionModel, UserModel } from '../../models/definitions';
import { loadRelated } from '../../models/related';

export interface PageNames {
  users: Map<number, UserModel>;
  departments: Map<number, DepartmentModel>;
  regions: Map<number, RegionModel>;
}

/** Reads the users, departments and regions with these ids, all in one statement (none when every list is empty). */
export async function loadPageNames(ids: { users?: Iterable<number>; departments?: Iterable<number>; regions?: Iterable<number> }): Promise<PageNames> {
  const list = (xs?: Iterable<number>) => [...new Set(xs ?? [])];
  const [u, d, r] = [list(ids.users), list(ids.departments), list(ids.regions)];
  // One statement for the three (models/related.ts): a page's names cost one round trip, not three.
  const rows = await loadRelated(UserModel.sequelize!, { u, d, r }, {
    users: { model: UserModel, where: u.length ? 'id IN (:u)' : null, attributes: ['id', 'username', 'name', 'role'] },
    departments: { model: DepartmentModel, where: d.length ? 'id IN (:d)' : null, attributes: ['id', 'code', 'name'] },
    regions: { model: RegionModel, where: r.length ? 'id IN (:r)' : null, attributes: ['id', 'code', 'name', 'level'] },
  });
  const [users, departments, regions] = [rows.users as UserModel[], rows.departments as DepartmentModel[], rows.regions as RegionModel[]];
  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((x) => [x.id, x]));
  return { users: byId(users), departments: byId(departments), regions: byId(regions) };
}
