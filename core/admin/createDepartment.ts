/**
 * Adds a department that handles suggestions: code (never changes: routing examples refer to it), name, kind,
 * duty text, aliases (住建局 = 住房和城乡建设局) and routing keywords. The next retrain of the routing model reads
 * the keywords and duties from here.
 */
import { CreateDepartmentRequest } from '../../contracts/admin';
import { DepartmentModel } from '../../models/definitions';
import { conflict } from '../result';
import { useCase } from '../useCase';
import { nameTaken } from './departmentNames';
import { departmentReason } from './policy';
import { departmentSnapshot } from './snapshots';

/** Creates a department (`POST /api/departments`); returns the row. */
export const createDepartment = useCase({
  name: 'departments.create',
  input: CreateDepartmentRequest,
  who: ({ actor }) => departmentReason(actor),
  apply: async ({ input }) => {
    if (await DepartmentModel.findOne({ where: { code: input.code } })) return conflict(`单位代码 ${input.code} 已经存在`);
    const taken = await nameTaken([input.name, ...input.aliases], null);
    if (taken) return conflict(taken);
    return DepartmentModel.create({
      code: input.code,
      name: input.name,
      kind: input.kind,
      duties: input.duties,
      aliases: JSON.stringify(input.aliases),
      keywords: JSON.stringify(input.keywords),
      active: true,
    });
  },
  audit: { object: 'department', after: departmentSnapshot },
});
