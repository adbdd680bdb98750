/**
 * Edits a department: name, kind, duty text, aliases, routing keywords, or deactivates/reactivates it (a
 * deactivated department is no longer proposed or assignable; its suggestions keep it). The next retrain of
 * the routing model learns the new keywords.
 */
import { UpdateDepartmentRequest } from '../../contracts/admin';
import { DepartmentModel } from '../../models/definitions';
import { conflict } from '../result';
import { useCase } from '../useCase';
import { nameTaken } from './departmentNames';
import { departmentReason } from './policy';
import { parseAliases } from '../directory/departmentWords';
import { departmentSnapshot } from './snapshots';

/** Updates the department with `code` (`PATCH /api/departments/:code`); returns the row. */
export const updateDepartment = useCase({
  name: 'departments.update',
  input: UpdateDepartmentRequest,
  load: (code: string) => DepartmentModel.findOne({ where: { code }, lock: true }),
  notFound: '没有这个承办单位',
  who: ({ actor }) => departmentReason(actor),
  when: ({ input, subject }) => {
    if (input.active === false && subject.active === false) return '这个承办单位已经停用了';
    if (input.active === true && subject.active !== false) return '这个承办单位本来就在用';
    return null;
  },
  apply: async ({ input, subject: d }) => {
    const names = [input.name ?? d.name, ...(input.aliases ?? parseAliases(d.aliases))];
    const taken = await nameTaken(names, d.id);
    if (taken) return conflict(taken);
    if (input.name !== undefined) d.name = input.name;
    if (input.kind !== undefined) d.kind = input.kind;
    if (input.duties !== undefined) d.duties = input.duties;
    if (input.aliases !== undefined) d.aliases = JSON.stringify(input.aliases);
    if (input.keywords !== undefined) d.keywords = JSON.stringify(input.keywords);
    if (input.active !== undefined) d.active = input.active;
    await d.save();
    return d;
  },
  audit: { object: 'department', before: departmentSnapshot, after: departmentSnapshot },
});
