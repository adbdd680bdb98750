/**
 * Finding a department by what a person writes for it — its code, its full name, its name without the city's
 * name in front, an everyday form or a short name one department alone has (住建局, 市住建, 交警, 教育) — for everything that takes a
 * department from a person: a roster row, a new account, the office's assignment.
 */
import { Op } from 'sequelize';
import { DepartmentModel, RegionModel } from '../../models/definitions';
import { departmentNameForms, departmentShortNames, parseAliases } from './departmentWords';

/**
 * Indexes departments by every name a person may write for them, and by two of one department's forms written
 * together; a form two departments share finds neither.
 */
export function indexDepartments(departments: DepartmentModel[], cityName: string | null): (text: string) => DepartmentModel | null {
  const byName = new Map<string, DepartmentModel>();
  for (const d of departments) {
    byName.set(d.code.toLowerCase(), d);
    byName.set(d.name, d);
    if (cityName && d.name.startsWith(cityName)) byName.set(d.name.slice(cityName.length), d);
  }
  // Each form mapped to the one department that has it; a form two departments share maps to null (finds neither).
  const owners = (formsOf: (d: DepartmentModel) => string[]) => {
    const m = new Map<string, DepartmentModel | null>();
    for (const d of departments) for (const f of formsOf(d)) m.set(f, m.has(f) && m.get(f) !== d ? null : d);
    return m;
  };
  const forms = owners((d) => departmentNameForms(d.name, parseAliases(d.aliases)));
  for (const [f, d] of forms) if (d && !byName.has(f)) byName.set(f, d);
  // Where a department is asked for, its short name alone names it too (教育, 住建), when one department has it.
  const short = owners((d) => departmentShortNames(d.name, parseAliases(d.aliases)));
  for (const [f, d] of short) if (d && !byName.has(f) && !forms.has(f)) byName.set(f, d);
  const direct = (t: string) => byName.get(t.toLowerCase()) ?? byName.get(t) ?? null;
  // Two forms of one department written together name it (公安交警, 市公安交警支队); of two departments, neither.
  const joined = (t: string): DepartmentModel | null => {
    for (let i = 2; i <= t.length - 2; i++) {
      const head = direct(t.slice(0, i));
      if (!head) continue;
      const tail = direct(t.slice(i)) ?? joined(t.slice(i));
      if (tail === head) return head;
    }
    return null;
  };
  const find = (t: string) => direct(t) ?? (t.length <= 24 ? joined(t) : null);
  return (text) => {
    const t = text.normalize('NFKC').trim();
    // The city's name in front of any form (淄博市住建局) names the same unit.
    return find(t) ?? (cityName && t.startsWith(cityName) && t.length > cityName.length ? find(t.slice(cityName.length)) : null);
  };
}

/**
 * The active departments for `refs` (codes or names, in order), or the Chinese message naming the ones not found.
 * Codes are looked up directly; only a name makes it read the whole list.
 */
export async function resolveDepartments(refs: string[]): Promise<DepartmentModel[] | string> {
  const byCode = new Map((await DepartmentModel.findAll({ where: { code: refs, active: true } })).map((d) => [d.code, d]));
  if (refs.every((r) => byCode.has(r))) return refs.map((r) => byCode.get(r)!);
  const [all, roots] = await Promise.all([DepartmentModel.findAll({ where: { active: true } }), RegionModel.findAll({ where: { parentId: { [Op.is]: null } }, attributes: ['name'], limit: 2 })]);
  const find = indexDepartments(all, roots.length === 1 ? roots[0].name : null);
  const found = refs.map((r) => byCode.get(r) ?? find(r));
  const unknown = refs.filter((_, i) => !found[i]);
  return unknown.length ? `没有这些承办单位：${unknown.join('、')}（请写单位全称或常用简称）` : (found as DepartmentModel[]);
}
