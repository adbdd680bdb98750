/**
 * The office imports labelled history — past suggestions with the department that handled them, as CSV or
 * XLSX — as routing examples, then trains a new department model from them plus the duty keywords. Every row is
 * either taken or refused with a reason; nothing is half-stored.
 */
import { RoutingExampleModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { invalid, ok, type Outcome } from '../result';
import { exampleText, loadDepartments, type DepartmentInfo } from './departmentModel';
import { retrainRoutingModel, type RetrainResult } from './retrainModel';
import { checkRoutingManager } from './versions';
import { pickColumns, readImportRows, Refusals, type RefusalSummary, type TableFormat } from '../import/tabular';

export type HistoryFormat = TableFormat;

export interface ImportSummary {
  total: number;
  taken: number;
  refused: number;
  /** Refusal reasons with how many rows and the first row numbers (as in the file, header = row 1). */
  reasons: RefusalSummary[];
  byDepartment: { code: string; name: string; count: number }[];
  retrain: RetrainResult | null;
}

export interface ImportOptions {
  /** Train a new model after storing (default true). */
  retrain?: boolean;
  /** Called as rows are checked and stored. */
  onProgress?: (done: number, total: number) => void;
  /** Source recorded on the examples (default `import`). */
  source?: string;
}

const COLUMNS = {
  title: ['title', '标题', '建议标题', '题目', '案由', '主题'],
  body: ['body', 'text', '内容', '正文', '建议内容', '详细内容'],
  department: ['department', 'label', '承办单位', '主办单位', '办理单位', '承办部门', '部门', '单位'],
};
const MAX_ROWS = 100_000;
const BATCH = 500;

/** Finds a department by code, full name, name without the city prefix, or one of its aliases (住建局). */
function departmentMatcher(departments: DepartmentInfo[]): (text: string) => DepartmentInfo | null {
  const index = new Map<string, DepartmentInfo>();
  for (const d of departments) for (const a of d.aliases) if (!index.has(a)) index.set(a, d);
  for (const d of departments) {
    index.set(d.code.toLowerCase(), d);
    index.set(d.name, d);
    index.set(d.name.replace(/^淄博市/, ''), d);
  }
  return (text) => index.get(text.trim().toLowerCase()) ?? index.get(text.trim()) ?? null;
}

/** Stores the file's valid rows as labelled routing examples and (by default) trains a new model version. */
export async function importRoutingHistory(
  ctx: CoreContext,
  actor: Actor | null,
  input: { data: Buffer; format: HistoryFormat },
  options: ImportOptions = {},
): Promise<Outcome<ImportSummary>> {
  const denied = checkRoutingManager(actor);
  if (denied) return denied;
  const records = await readImportRows(input.data, input.format, MAX_ROWS);
  if (typeof records === 'string') return invalid(records);
  const headers = Object.keys(records[0].values);
  const col = pickColumns(headers, COLUMNS);
  if (!col.title || !col.department) return invalid(`文件缺少“标题”或“承办单位”列（现有列：${headers.join('、') || '无'}）`);

  const departments = await loadDepartments();
  const match = departmentMatcher(departments);
  const seen = new Set(
    (await RoutingExampleModel.findAll({ where: { label: 'positive' }, attributes: ['title', 'text', 'departmentCode'] })).map(
      (r) => `${exampleText(r).title}\u0000${r.departmentCode}`,
    ),
  );
  const refusals = new Refusals();
  const refuse = (reason: string, row: number) => refusals.add(reason, row);
  const taken: { title: string; text: string; departmentCode: string }[] = [];
  records.forEach(({ row, values: rec }) => {
    const title = (rec[col.title!] ?? '').trim();
    const body = col.body ? (rec[col.body] ?? '').trim() : '';
    const deptText = (rec[col.department!] ?? '').trim();
    if (!title) return refuse('标题为空', row);
    if (title.length > 255) return refuse('标题超过 255 字', row);
    if (!deptText) return refuse('承办单位为空', row);
    const dept = match(deptText);
    if (!dept) return refuse(`承办单位“${deptText}”不在部门名录中`, row);
    const key = `${title}\u0000${dept.code}`;
    if (seen.has(key)) return refuse('与已有样本重复（标题和承办单位相同）', row);
    seen.add(key);
    taken.push({ title, text: body, departmentCode: dept.code });
  });

  const now = ctx.clock.now();
  const source = options.source ?? 'import';
  const refusedCount = refusals.count;
  options.onProgress?.(refusedCount, records.length);
  await ctx.db.sequelize.transaction(async () => {
    for (let at = 0; at < taken.length; at += BATCH) {
      const batch = taken.slice(at, at + BATCH);
      await RoutingExampleModel.bulkCreate(batch.map((t) => ({ ...t, label: 'positive', source, suggestionId: null, createdAt: now })));
      options.onProgress?.(refusedCount + at + batch.length, records.length);
    }
  });

  const counts = new Map<string, number>();
  for (const t of taken) counts.set(t.departmentCode, (counts.get(t.departmentCode) ?? 0) + 1);
  const names = new Map(departments.map((d) => [d.code, d.name]));
  let retrain: RetrainResult | null = null;
  if (options.retrain !== false && taken.length) {
    const r = await retrainRoutingModel(ctx, actor, { reason: 'import', note: `导入 ${taken.length} 条历史建议` });
    if (!r.ok) return r;
    retrain = r.value;
  }
  return ok({
    total: records.length,
    taken: taken.length,
    refused: refusedCount,
    reasons: refusals.summary(),
    byDepartment: [...counts].map(([code, count]) => ({ code, name: names.get(code) ?? code, count })).sort((a, b) => b.count - a.count),
    retrain,
  });
}
