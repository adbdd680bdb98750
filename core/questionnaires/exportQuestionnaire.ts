/**
 * Export of a questionnaire as XLSX (a summary sheet and one row per response) or CSV (the rows), made with
 * exceljs. An anonymous questionnaire's export holds no names.
 */
import ExcelJS from 'exceljs';
import type { Question } from '../../contracts/engagement';
import { QuestionnaireModel, ResponseModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import type { Actor } from '../context';
import { workbookFile, type DownloadFile } from '../export/workbookFile';
import { forbidden, notFound, ok, type Outcome } from '../result';
import { tally } from './questionnaireResults';
import { answerText, type AnswerValue } from './rules';

/** Builds the file; `format` is `xlsx` or `csv`. */
export async function exportQuestionnaire(actor: Actor, id: number, format: 'xlsx' | 'csv'): Promise<Outcome<DownloadFile>> {
  if (actor.role !== 'office' && actor.role !== 'admin') return forbidden('只有人大工作人员可以导出');
  const q = Number.isInteger(id) ? await QuestionnaireModel.findByPk(id) : null;
  if (!q) return notFound('没有找到这份问卷');
  const questions = JSON.parse(q.questions) as Question[];
  const responses = await ResponseModel.findAll({ where: { questionnaireId: id }, order: [['id', 'ASC']] });
  const users = q.anonymous ? new Map<number, UserModel>() : new Map((await UserModel.findAll({ where: { id: responses.map((r) => r.userId) } })).map((u) => [u.id, u]));

  const wb = new ExcelJS.Workbook();
  const rows = wb.addWorksheet('明细');
  rows.addRow(['序号', ...(q.anonymous ? [] : ['姓名', '账号']), '提交时间', ...questions.map((x) => x.title)]);
  responses.forEach((r, i) => {
    const a = JSON.parse(r.answers) as Record<string, AnswerValue>;
    const who = q.anonymous ? [] : [users.get(r.userId)?.name ?? '', users.get(r.userId)?.username ?? ''];
    rows.addRow([i + 1, ...who, r.updatedAt.toISOString(), ...questions.map((x) => answerText(x, a[x.id]))]);
  });
  if (format === 'csv') return ok(await workbookFile(wb, `questionnaire-${id}`, 'csv', '明细'));
  const results = await tally(q);
  const sum = wb.addWorksheet('汇总', { properties: { tabColor: { argb: 'FFC00000' } } });
  sum.addRow([q.title]);
  sum.addRow(['应参与', results.eligible, '已提交', results.responded, '参与率 %', results.responseRate]);
  sum.addRow([]);
  sum.addRow(['题目', '选项', '人数', '占比 %']);
  for (const r of results.questions) for (const o of r.options ?? []) sum.addRow([r.title, o.label, o.count, o.percent]);
  if (results.ballot) {
    sum.addRow([]);
    sum.addRow(['法定人数', results.ballot.quorumMet ? '达到' : '未达到']);
    for (const c of results.ballot.candidates) sum.addRow([c.label, c.passed ? '通过' : '未通过', c.votes, c.percentOfEligible]);
  }
  wb.worksheets.reverse();
  return ok(await workbookFile(wb, `questionnaire-${id}`, 'xlsx', '明细'));
}
