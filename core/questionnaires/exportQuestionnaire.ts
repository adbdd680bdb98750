/**
 * Export of a questionnaire as XLSX (a summary sheet and one row per response) or CSV (the rows), made with
 * exceljs. An anonymous questionnaire's export holds no names.
 */
import { loadExcelJS } from '../export/excel';
import type { Question } from '../../contracts/engagement';
import { chinaDateTime } from '../../contracts/format';
import { QuestionnaireModel, ResponseModel } from '../../models/engagement';
import { UserModel } from '../../models/definitions';
import { z } from 'zod';
import { workbookFile, type DownloadFile } from '../export/workbookFile';
import { useCase } from '../useCase';
import { manages, questionnaireSubject } from './policy';
import { tally } from './questionnaireResults';
import { answerText, type AnswerValue } from './rules';

/** Builds the file; `format` is `xlsx` or `csv`. Only the office that manages the questionnaire may export it. */
export const exportQuestionnaire = useCase({
  name: 'questionnaires.export',
  readOnly: true,
  input: z.object({ format: z.enum(['xlsx', 'csv'], { error: '导出格式只能是 csv 或 xlsx' }).default('xlsx') }),
  ...questionnaireSubject(false),
  who: ({ actor, subject }) => (manages(actor, subject) ? null : '只有人大工作人员可以导出'),
  apply: ({ subject, input }) => buildExport(subject.q, input.format),
});

async function buildExport(q: QuestionnaireModel, format: 'xlsx' | 'csv'): Promise<DownloadFile> {
  const id = q.id;
  const questions = JSON.parse(q.questions) as Question[];
  const responses = await ResponseModel.findAll({ where: { questionnaireId: id }, order: [['id', 'ASC']] });
  const users = q.anonymous ? new Map<number, UserModel>() : new Map((await UserModel.findAll({ where: { id: responses.map((r) => r.userId) } })).map((u) => [u.id, u]));

  const wb = new (await loadExcelJS()).Workbook();
  const rows = wb.addWorksheet('明细');
  rows.addRow(['序号', ...(q.anonymous ? [] : ['姓名', '账号']), '提交时间', ...questions.map((x) => x.title)]);
  responses.forEach((r, i) => {
    const a = JSON.parse(r.answers) as Record<string, AnswerValue>;
    const who = q.anonymous ? [] : [users.get(r.userId)?.name ?? '', users.get(r.userId)?.username ?? ''];
    rows.addRow([i + 1, ...who, chinaDateTime(r.updatedAt), ...questions.map((x) => answerText(x, a[x.id]))]);
  });
  if (format === 'csv') return workbookFile(wb, `questionnaire-${id}`, 'csv', '明细');
  const results = await tally(q);
  const sum = wb.addWorksheet('汇总', { properties: { tabColor: { argb: 'FFC00000' } } });
  sum.addRow([q.title]);
  sum.addRow(['应参与', results.eligible, '已提交', results.responded, '参与率 %', results.responseRate]);
  sum.addRow([]);
  sum.addRow(['题目', '选项', '人数', '占比 %']);
  for (const r of results.questions) for (const o of r.options ?? []) sum.addRow([r.title, o.label, o.count, o.percent]);
  if (results.ballot) {
    sum.addRow([]);
    sum.addRow(['表决规则', results.ballot.rule]);
    sum.addRow(['法定人数', results.ballot.quorumMet ? '达到' : '未达到']);
    for (const c of results.ballot.candidates) sum.addRow([c.label, c.passed ? '通过' : '未通过', c.votes, c.percentOfEligible]);
  }
  wb.worksheets.reverse();
  return workbookFile(wb, `questionnaire-${id}`, 'xlsx', '明细');
}
