/** The departments that handle suggestions, with their duties and routing keywords. */
import { DepartmentModel } from '../../models/definitions';
import { ok, type Outcome } from '../result';

/** Lists the active departments in their configured order. */
export async function listDepartments(): Promise<Outcome<DepartmentModel[]>> {
  return ok(await DepartmentModel.findAll({ where: { active: true }, order: [['id', 'ASC']] }));
}
