/** Turning an exceljs workbook into a downloadable file: XLSX, or one sheet as CSV with a BOM for Excel. */
import type ExcelJS from 'exceljs';

export interface DownloadFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

/** The workbook as `name.xlsx`, or its sheet `csvSheet` as `name.csv` (UTF-8 with a BOM, so Excel reads Chinese). */
export async function workbookFile(wb: ExcelJS.Workbook, name: string, format: 'xlsx' | 'csv', csvSheet: string): Promise<DownloadFile> {
  if (format === 'csv') {
    const csv = Buffer.from(await wb.csv.writeBuffer({ sheetName: csvSheet } as never));
    return { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', data: Buffer.concat([Buffer.from('\ufeff'), csv]) };
  }
  return { filename: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: Buffer.from(await wb.xlsx.writeBuffer()) };
}
