/** A department's name and aliases are unique among all departments' names and aliases (active or not). */
import { DepartmentModel } from '../../models/definitions';
import { parseAliases } from '../directory/departmentWords';

/** The 409 reason when one of `names` is already another department's name or alias (`exceptId` is the one edited). */
export async function nameTaken(names: string[], exceptId: number | null): Promise<string | null> {
  const all = await DepartmentModel.findAll({ attributes: ['id', 'name', 'aliases'] });
  for (const d of all) {
    if (d.id === exceptId) continue;
    const theirs = new Set([d.name, ...parseAliases(d.aliases)]);
    const clash = names.find((n) => theirs.has(n));
    if (clash) return `“${clash}”已是“${d.name}”的名称或别名`;
  }
  return null;
}
