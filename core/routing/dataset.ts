/** Reading labelled messages from a CSV file with the columns `id,title,body,label`. */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { LabelledText } from './classifier';

export interface LabelledRow extends LabelledText {
  id: string;
}

/** Reads `id,title,body,label` rows; throws a Chinese message when a column is missing. */
export function readLabelledCsv(file: string): LabelledRow[] {
  const rows = parse(fs.readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  if (rows.length && !('title' in rows[0] && 'label' in rows[0])) throw new Error(`${file} 缺少 title 或 label 列（需要 id,title,body,label）`);
  return rows.map((r, i) => ({ id: r.id ?? String(i + 1), title: r.title ?? '', body: r.body ?? '', label: r.label ?? '' }));
}
