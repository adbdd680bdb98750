/**
 * Reading the audit log, newest first, one page at a time. Filters: `actor` (username, or user id), `action`
 * (a code and the codes below it: `signin` also finds `signin.failed`), `object` (`user` or `user:12`), and
 * `from`/`to` as Beijing dates (both days included).
 */
import { Op, type WhereOptions } from 'sequelize';
import { AuditQuery } from '../../contracts/admin';
import { AuditModel } from '../../models/audit';
import { UserModel } from '../../models/definitions';
import { useCase } from '../useCase';
import { auditReason } from './policy';

export interface AuditPageView {
  rows: AuditModel[];
  names: Map<number, string>;
  total: number;
  page: number;
  pageSize: number;
}

const DAY_MS = 86_400_000;
/** The instant a Beijing calendar day begins. */
const chinaMidnight = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`));

/** One page of the audit log (`GET /api/audit`). */
export const listAudit = useCase({
  name: 'audit.list',
  readOnly: true,
  input: AuditQuery,
  who: ({ actor }) => auditReason(actor),
  apply: async ({ input }): Promise<AuditPageView> => {
    const where: WhereOptions<AuditModel>[] = [];
    if (input.actor) where.push(/^\d+$/.test(input.actor) ? { actorUserId: Number(input.actor) } : { username: input.actor });
    if (input.action) where.push({ [Op.or]: [{ action: input.action }, { action: { [Op.like]: `${input.action}.%` } }] });
    if (input.object) {
      const [type, id] = input.object.split(/:(.*)/s);
      where.push(id ? { objectType: type, objectId: id } : { objectType: type });
    }
    if (input.from) where.push({ createdAt: { [Op.gte]: chinaMidnight(input.from) } });
    if (input.to) where.push({ createdAt: { [Op.lt]: new Date(chinaMidnight(input.to).getTime() + DAY_MS) } });
    const { rows, count } = await AuditModel.findAndCountAll({
      where: { [Op.and]: where },
      order: [['id', 'DESC']],
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
    });
    // Names of the actors, and of the accounts the rows are about (a sign-in's row records only the account's id).
    const objectUsers = rows.filter((r) => r.objectType === 'user' && /^\d+$/.test(r.objectId ?? '')).map((r) => Number(r.objectId));
    const ids = [...new Set([...rows.map((r) => r.actorUserId), ...objectUsers].filter((x): x is number => x !== null))];
    const users = await UserModel.findAll({ where: { id: ids }, attributes: ['id', 'name'] });
    return { rows, names: new Map(users.map((u) => [u.id, u.name])), total: count, page: input.page, pageSize: input.pageSize };
  },
});
