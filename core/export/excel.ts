/**
 * exceljs, loaded when a workbook is first read or written: it takes about half a second to load, and most
 * processes (a jobs runner, the bot, an API that nobody asks for an export) never need it.
 */
import type ExcelJS from 'exceljs';

let loaded: typeof ExcelJS | null = null;

/** The exceljs module (loaded once, on first use). */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  loaded ??= ((await import('exceljs')) as unknown as { default: typeof ExcelJS }).default;
  return loaded;
}
