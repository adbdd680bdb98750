/** Lists the suggestions a caller may see, filtered and paginated, newest activity first. */
import { loadPageNames } from '../directory/pageNames';
import { findRows, readRows, selectSql } from '../../models/fastRead';
import { Op, Sequelize, type Order, type ProjectionAlias, type WhereOptions } from 'sequelize';
import { ListSuggestionsQuery } from '../../contracts/schemas';
import { formatZodError } from '../../contracts/validation';
import { AssignmentModel, DepartmentModel, RegionModel, SuggestionModel, UserModel } from '../../models/definitions';
import { addMonths, chinaDate } from '../calendar/workdays';
import type { Actor, CoreContext } from '../context';
import { invalid, ok, type Outcome } from '../result';
import { concernsWhere, regionRowTest, staffRowTest, visibleListWhere } from '../directory/suggestionScope';
import { subtreeIds } from '../directory/regionFilter';
import { resolveDepartments } from '../directory/departmentIndex';

export interface SuggestionListView {
  rows: SuggestionModel[];
  total: number;
  page: number;
  pageSize: number;
  today: string;
  users: Map<number, UserModel>;
  departments: Map<number, DepartmentModel>;
  regions: Map<number, RegionModel>;
}

/** From how many tasks on a department's list is walked in order rather than gathered and sorted. */
const WALK_FROM = 2_000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Up to this many matches a total is counted afresh on every page; above it, the count is shared for a short while. */
export const FRESH_COUNT_LIMIT = 5_000;
const COUNT_TTL_MS = 30_000;
const counts = new Map<string, { n: number; at: number }>();

/**
 * The total of a list: counted afresh (reading at most FRESH_COUNT_LIMIT + 1 ids) while it is small, so that one's
 * own change shows at once; a larger total is counted in full once and shared by every caller of the same list for
 * COUNT_TTL_MS (in this process), so that a page of a province-wide list does not count a hundred thousand rows.
 */
async function listTotal(where: WhereOptions, now: number): Promise<number> {
  const sql = selectSql(SuggestionModel, { where, attributes: ['id'], limit: FRESH_COUNT_LIMIT + 1 });
  return sharedTotal(sql, () => SuggestionModel.count({ where }), now);
}

/** `listTotal` for the rows `boundedSql` selects (with LIMIT FRESH_COUNT_LIMIT + 1), counted in full by `full`. */
async function sharedTotal(boundedSql: string, full: () => Promise<number>, now: number): Promise<number> {
  const [row] = await readRows(SuggestionModel.sequelize!, `SELECT COUNT(*) AS n FROM (${boundedSql}) bounded`);
  const bounded = Number(row.n);
  if (bounded <= FRESH_COUNT_LIMIT) return bounded;
  const hit = counts.get(boundedSql);
  if (hit && now - hit.at < COUNT_TTL_MS) return Math.max(hit.n, bounded);
  const n = await full();
  if (counts.size >= 1_000) counts.clear();
  counts.set(boundedSql, { n, at: now });
  return n;
}

/** A department's tasks, counted on the assignments' (departmentId, suggestionId) index alone: bounded, then shared. */
function departmentTotal(departmentId: number, now: number): Promise<number> {
  const id = Number(departmentId);
  return sharedTotal(
    `SELECT DISTINCT suggestionId FROM suggestion_assignments WHERE departmentId = ${id} LIMIT ${FRESH_COUNT_LIMIT + 1}`,
    () => AssignmentModel.count({ where: { departmentId: id }, distinct: true, col: 'suggestionId' }),
    now,
  );
}

/** Runs the list query for `actor` with the filters of `rawQuery`. */
export async function listSuggestions(ctx: CoreContext, actor: Actor, rawQuery: unknown): Promise<Outcome<SuggestionListView>> {
  const parsed = ListSuggestionsQuery.safeParse(rawQuery ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  const q = parsed.data;
  const today = chinaDate(ctx.clock.now());
  // A search (q) looks through everything the caller may open; without one a deputy sees what concerns them.
  const { gather: visible, walk: visibleByRow } = await visibleListWhere(actor);
  const and: WhereOptions[] = [...(q.q ? [] : [concernsWhere(actor)])];
  const unfiltered = () => and.length === (q.q ? 0 : 1);
  if (q.state) and.push({ state: q.state });
  if (q.department) {
    const found = await resolveDepartments([q.department]);
    if (typeof found === 'string') return invalid(found);
    const dept = found[0];
    and.push({ id: { [Op.in]: Sequelize.literal(`(SELECT suggestionId FROM suggestion_assignments WHERE active = 1 AND departmentId = ${Number(dept.id)})`) } });
  }
  if (q.lead) {
    const found = await resolveDepartments([q.lead]);
    if (typeof found === 'string') return invalid(found);
    const dept = found[0];
    and.push({ leadDepartmentId: dept.id });
  }
  if (q.month) {
    const start = new Date(Date.parse(`${q.month}-01T00:00:00+08:00`));
    const end = new Date(Date.parse(`${addMonths(`${q.month}-01`, 1)}T00:00:00+08:00`));
    and.push({ submittedAt: { [Op.gte]: start, [Op.lt]: end } });
  }
  let regionFilter: { regionId: number[] } | null = null;
  if (q.region) {
    const ids = await subtreeIds(q.region);
    if (!ids) return invalid(`没有代码为 ${q.region} 的区域`);
    regionFilter = { regionId: ids };
    and.push(regionFilter);
  }
  if (q.overdue !== undefined) {
    const late = { state: { [Op.in]: ['assigned', 'handling'] }, answerDueOn: { [Op.lt]: today } };
    and.push(q.overdue ? late : { [Op.not]: late });
  }
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    and.push({ [Op.or]: [{ title: { [Op.like]: like } }, { body: { [Op.like]: like } }] });
  }
  if (q.queue) {
    and.push({ state: { [Op.in]: ['submitted', 'accepted'] } });
    if (q.queue === 'review') and.push({ routingNeedsReview: { [Op.not]: false } });
    if (q.queue === 'confirm') and.push({ routingNeedsReview: false });
  }
  if (q.mine) and.push({ [Op.or]: [{ authorUserId: actor.id }, { deputyUserId: actor.id }] });
  const order: Order =
    // By deadline: the answer due soonest first (those without one last), for a department's task inbox.
    q.sort === 'deadline'
      ? [
          [Sequelize.literal('CASE WHEN answerDueOn IS NULL THEN 1 ELSE 0 END'), 'ASC'],
          ['answerDueOn', 'ASC'],
          ['id', 'ASC'],
        ]
      : [
          ['updatedAt', 'DESC'],
          ['id', 'DESC'],
        ];
  const offset = (q.page - 1) * q.pageSize;
  // A department's whole task list is counted on the assignments' index alone.
  const count =
    actor.role === 'staff' && unfiltered()
      ? await departmentTotal(Number(actor.departmentId ?? 0), ctx.clock.now().getTime())
      : await listTotal({ [Op.and]: [visible, ...and] }, ctx.clock.now().getTime());
  // A large list's page walks the updatedAt index and tests each row (the department's tasks, the regions), instead
  // of gathering its whole set by another index and sorting it.
  const walking = q.sort !== 'deadline' && count >= WALK_FROM && offset + q.pageSize <= count / 10;
  const scope = walking ? (staffRowTest(actor, 'SuggestionModel') ?? visibleByRow) : visible;
  const filters = walking && regionFilter ? and.map((w) => (w === regionFilter ? regionRowTest(regionFilter.regionId, 'SuggestionModel') : w)) : and;
  // Summary columns: the body only where a routing proposal is shown (its deciding words are checked against the text).
  const attributes: (string | ProjectionAlias)[] = [...Object.keys(SuggestionModel.getAttributes()).filter((c) => c !== 'body'), [Sequelize.literal('CASE WHEN routing IS NULL THEN NULL ELSE body END'), 'body']];
  // Read through the driver (models/fastRead.ts), built as Sequelize's own read builds them.
  const rows = offset >= count ? [] : await findRows(SuggestionModel, { where: { [Op.and]: [scope, ...filters] }, attributes, order, limit: q.pageSize, offset });
  const names = await loadPageNames({
    users: rows.flatMap((r) => [r.authorUserId, r.deputyUserId].filter((x): x is number => x !== null)),
    departments: rows.map((r) => r.leadDepartmentId).filter((x): x is number => x !== null),
    regions: rows.map((r) => r.regionId).filter((x): x is number => x !== null),
  });
  return ok({
    rows,
    total: count,
    page: q.page,
    pageSize: q.pageSize,
    today,
    ...names,
  });
}
