/** Every department with its duty text, aliases and keywords, deactivated ones included, for the admin area. */
import { DepartmentModel } from '../../models/definitions';
import { useCase } from '../useCase';
import { administersReason } from './policy';

/** Lists all departments (`GET /api/admin/departments`): any office account reads them, the city office and admin edit. */
export const listManagedDepartments = useCase({
  name: 'departments.list',
  readOnly: true,
  who: ({ actor }) => administersReason(actor),
  apply: () => DepartmentModel.findAll({ order: [['id', 'ASC']] }),
});
