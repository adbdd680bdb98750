/** The dashboard as a file: XLSX with one sheet per table, or the department table as CSV. */
import { loadExcelJS } from '../export/excel';
import type { Actor, CoreContext } from '../context';
import { workbookFile, type DownloadFile } from '../export/workbookFile';
import { invalid, ok, type Outcome } from '../result';
import { suggestionStats } from './suggestionStats';

/** Builds the export; `format` is `xlsx` or `csv`. */
export async function exportSuggestionStats(ctx: CoreContext, actor: Actor, input: Record<string, unknown>): Promise<Outcome<DownloadFile>> {
  const { format = 'xlsx', ...query } = input;
  if (format !== 'xlsx' && format !== 'csv') return invalid('导出格式只能是 xlsx 或 csv');
  const stats = await suggestionStats(ctx, actor, query);
  if (!stats.ok) return stats;
  const s = stats.value;
  const wb = new (await loadExcelJS()).Workbook();
  const depts = wb.addWorksheet('承办单位');
  depts.addRow(['承办单位', '主办件数', '已答复', '按期答复', '逾期未答复', '按期答复率 %']);
  for (const d of s.byDepartment) depts.addRow([d.name, d.total, d.answered, d.onTime, d.overdue, d.onTimeRate ?? '']);
  const summary = wb.addWorksheet('概况');
  summary.addRow(['建议总数', s.total, '按期答复率 %', s.onTimeRate ?? '']);
  summary.addRow([]);
  summary.addRow(['状态', '件数', '占比 %']);
  for (const x of s.byState) summary.addRow([x.label, x.count, x.percent]);
  summary.addRow([]);
  summary.addRow(['答复类别', '件数', '占比 %']);
  for (const x of s.answerClasses) summary.addRow([`${x.code} ${x.label}`, x.count, x.percent]);
  summary.addRow([]);
  summary.addRow(['测评', '件数', '占比 %']);
  for (const x of s.ratings) summary.addRow([x.label, x.count, x.percent]);
  const months = wb.addWorksheet('按月');
  months.addRow(['月份', '提交', '已答复']);
  for (const m of s.byMonth) months.addRow([m.month, m.submitted, m.answered]);
  const regions = wb.addWorksheet('按区县');
  regions.addRow(['区县', '件数']);
  for (const r of s.byRegion) regions.addRow([r.name, r.count]);
  return ok(await workbookFile(wb, 'suggestion-stats', format, '承办单位'));
}
