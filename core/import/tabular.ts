/**
 * Reading the spreadsheets a congress office keeps (CSV or XLSX, first row = column names) and reporting, row by
 * row, what an import took and what it refused. Shared by every import (routing history, people, stations):
 * each import names its columns with their synonyms and decides what a row means.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../export/excel';
import { parse } from 'csv-parse/sync';

export type TableFormat = 'csv' | 'xlsx';

/** One data row: column name → trimmed text. */
export type TableRecord = Record<string, string>;

/** A data row with its row number in the file (the header is row 1), for refusal reports. */
export interface TableRow {
  row: number;
  values: TableRecord;
}

/** Refusal reasons with how many rows and the first row numbers (as in the file, header = row 1). */
export interface RefusalSummary {
  reason: string;
  count: number;
  rows: number[];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
    if (v instanceof Date) return v.toISOString();
  }
  return String(v);
}

const filled = (rec: TableRecord) => Object.values(rec).some((v) => v !== '');

/**
 * Reads the rows of a CSV or the first worksheet of an XLSX as header → text records with their row numbers
 * (throws when unreadable). Blank rows are skipped; row numbers stay those of the file.
 */
export async function readTable(data: Buffer, format: TableFormat): Promise<TableRow[]> {
  if (format === 'csv') {
    const parsed = parse(data, { columns: (h: string[]) => h.map((x) => x.trim()), bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as {
      record: TableRecord;
      info: { lines: number };
    }[];
    return parsed.filter((p) => filled(p.record)).map((p) => ({ row: p.info.lines, values: p.record }));
  }
  const book = new (await loadExcelJS()).Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col] = cellText(cell.value).trim()));
  const out: TableRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const rec: TableRecord = {};
    header.forEach((h, col) => h && (rec[h] = cellText(row.getCell(col).value).trim()));
    // Rows that only carry formatting come back empty: skip them as the CSV reader skips blank lines.
    if (filled(rec)) out.push({ row: r, values: rec });
  }
  return out;
}

/** The Chinese message for a file that could not be read in `format`. */
export function unreadableMessage(format: TableFormat): string {
  return format === 'csv' ? '文件不是可读的 CSV（需要 UTF-8 编码、第一行为列名）' : '文件不是可读的 XLSX 工作簿';
}

/** Reads a file's data rows for an import of at most `maxRows` rows; a Chinese reason when it cannot be used. */
export async function readImportRows(data: Buffer, format: TableFormat, maxRows: number): Promise<TableRow[] | string> {
  let rows: TableRow[];
  try {
    rows = await readTable(data, format);
  } catch {
    return unreadableMessage(format);
  }
  if (!rows.length) return '文件里没有数据行';
  if (rows.length > maxRows) return `一次最多导入 ${maxRows} 行，请拆分文件`;
  return rows;
}

/**
 * Maps each logical column to the file's header that names it (one of its synonyms, case-insensitive), or null.
 * `synonyms` lists, per logical column, the names a congress uses for it.
 */
export function pickColumns<K extends string>(headers: string[], synonyms: Record<K, readonly string[]>): Record<K, string | null> {
  const out = {} as Record<K, string | null>;
  for (const key of Object.keys(synonyms) as K[]) {
    const names = synonyms[key].map((n) => n.toLowerCase());
    out[key] = headers.find((h) => names.includes(h.toLowerCase())) ?? null;
  }
  return out;
}

/** Collects refused rows by reason, in the order rows are checked. */
export class Refusals {
  private readonly reasons = new Map<string, number[]>();

  /** Refuses file row `row` (header = 1) for `reason`. */
  add(reason: string, row: number): void {
    const rows = this.reasons.get(reason);
    if (rows) rows.push(row);
    else this.reasons.set(reason, [row]);
  }

  /** How many rows were refused. */
  get count(): number {
    let n = 0;
    for (const rows of this.reasons.values()) n += rows.length;
    return n;
  }

  /** Reasons, most frequent first, each with its first `keep` row numbers. */
  summary(keep = 20): RefusalSummary[] {
    return [...this.reasons].map(([reason, rows]) => ({ reason, count: rows.length, rows: rows.slice(0, keep) })).sort((a, b) => b.count - a.count);
  }
}
