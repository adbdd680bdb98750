/**
 * `npm run bench:routing:departments`: department routing as a city has it, measured on real messages with the
 * unit that answered them (../shared/data/routing/departments-dev.csv, read at run time, never copied).
 *
 * (a) No history: a fresh production database (NODE_ENV=production, no demo), the demo city's department list
 *     entered as an admin would, then the normal start-up (bootCore), which trains the first-day model from the
 *     departments' duties, aliases and keywords only. Routed through the product's router.
 * (b) After importing history: the demo city's labelled history goes in through the office's import, which
 *     trains the next version.
 *
 * Prints top-1 and top-3 for both, on all rows and on the two halves by row number (odd rows, even rows: a
 * change that only helps the rows someone read shows as a gap between the halves), then every message whose unit
 * is not first (✗ = not in the top three), with the three departments proposed and their deciding words. The
 * last lines are `departments no_history_top1=<x> no_history_top3=<x> history_top1=<x> history_top3=<x> n=<n>`
 * and the same for `odd` and `even`.
 * `--file <csv>` measures another labelled set with the same columns (title, department; unit optional).
 * `--misses all|odd|even|none` lists the misses of those rows only (keep a reporting half unread); the counts of
 * which department was put first instead of which (no texts) are printed for all rows.
 * `--rows <from>-<to>` measures only those rows (1-based, as numbered in the file; odd and even stay the file's):
 * a set grown in parts reports each part, e.g. `--rows 96-132` for the part never tuned on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { bootCore } from '../core/bootstrap';
import { loadConfig } from '../core/config';
import { importRoutingHistory } from '../core/routing/importHistory';
import type { RankedDepartment } from '../core/routing/router';
import { migrate, openDatabase } from '../models/db';
import { DepartmentModel } from '../models/definitions';
import { DEPARTMENTS } from '../models/demo/departments';

const DATA = process.env.ROUTING_DATA ?? path.resolve(__dirname, '../../shared/data/routing');

interface Row {
  /** 1-based row number in the file (misses and halves refer to it). */
  n: number;
  title: string;
  unit: string;
  department: string;
}

interface Result {
  top1: number;
  top3: number;
  lines: string[];
  /** Top-1 misses counted by (right department → department put first), without the texts. */
  confusion: Map<string, number>;
  /** Top-1 and top-3 on the odd-numbered and even-numbered rows (1-based). */
  halves: { odd: [number, number]; even: [number, number] };
}

type Misses = 'all' | 'odd' | 'even' | 'none';

function readRows(file: string): Row[] {
  const rows = parse(fs.readFileSync(file), { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  if (rows.length && !('title' in rows[0] && 'department' in rows[0])) throw new Error(`${file} 缺少 title 或 department 列`);
  return rows.map((r, i) => ({ n: i + 1, title: r.title, unit: r.unit ?? '', department: r.department }));
}

async function measure(rank: (title: string) => Promise<RankedDepartment[]>, rows: Row[], misses: Misses): Promise<Result> {
  let top1 = 0;
  let top3 = 0;
  const half = { odd: [0, 0, 0], even: [0, 0, 0] };
  const lines: string[] = [];
  const confusion = new Map<string, number>();
  for (const r of rows) {
    const ranked = await rank(r.title);
    const codes = ranked.map((d) => d.code);
    const parity = r.n % 2 === 1 ? 'odd' : 'even';
    const h = half[parity];
    h[2] += 1;
    if (codes[0] === r.department) {
      top1 += 1;
      h[0] += 1;
    }
    if (codes.includes(r.department)) {
      top3 += 1;
      h[1] += 1;
    }
    if (codes[0] !== r.department) {
      const key = `${r.department} → ${codes[0] ?? '（无）'}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    }
    if (codes[0] !== r.department && (misses === 'all' || misses === parity)) {
      const proposed = ranked.map((d) => `${d.code} ${d.score.toFixed(2)}${d.why.length ? `（${d.why.join('、')}）` : ''}`).join('；');
      lines.push(`${codes.includes(r.department) ? '~' : '✗'} #${r.n} 应为 ${r.department}${r.unit ? `（${r.unit}）` : ''} ← ${proposed} | ${r.title}`);
    }
  }
  const rate = (h: number[]): [number, number] => (h[2] ? [h[0] / h[2], h[1] / h[2]] : [0, 0]);
  return { top1: top1 / rows.length, top3: top3 / rows.length, lines, confusion, halves: { odd: rate(half.odd), even: rate(half.even) } };
}

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--file');
  const file = at >= 0 ? args[at + 1] : path.join(DATA, 'departments-dev.csv');
  const m = args.indexOf('--misses');
  const misses = (m >= 0 ? args[m + 1] : 'all') as Misses;
  if (!['all', 'odd', 'even', 'none'].includes(misses)) {
    process.stderr.write('--misses 只能是 all、odd、even 或 none\n');
    process.exit(2);
  }
  if (!file || !fs.existsSync(file)) {
    process.stderr.write(`找不到带承办单位的数据：${file ?? ''}（需要 departments-dev.csv；可用 ROUTING_DATA 指定目录，或 --file 指定文件）\n`);
    process.exit(2);
  }
  const span = args.indexOf('--rows');
  const range = span >= 0 ? /^(\d+)-(\d+)$/.exec(args[span + 1] ?? '') : null;
  if (span >= 0 && !range) {
    process.stderr.write('--rows 的格式是 起-止，例如 96-132\n');
    process.exit(2);
  }
  const rows = readRows(file).filter((r) => !range || (r.n >= Number(range[1]) && r.n <= Number(range[2])));
  if (!rows.length) {
    process.stderr.write(`${file} 在所选行中没有数据\n`);
    process.exit(2);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-routing-departments-'));
  const env = { NODE_ENV: 'production', JWT_SECRET: 'bench-only-secret', DATABASE_URL: `sqlite:${path.join(dir, 'city.sqlite')}`, LOG_LEVEL: 'silent' };
  try {
    // A fresh production city: its departments are entered (as the admin does), nothing else.
    const db = await openDatabase(env.DATABASE_URL);
    await migrate(db);
    for (const d of DEPARTMENTS) {
      await DepartmentModel.create({ code: d.code, name: d.name, kind: d.kind, duties: d.duties, keywords: JSON.stringify(d.keywords), aliases: JSON.stringify(d.aliases) });
    }
    await db.close();
    const started = performance.now();
    const core = await bootCore(loadConfig(env));
    const bootSeconds = (performance.now() - started) / 1000;
    if (core.router.version === 'untrained') throw new Error('启动后没有分办模型');
    const firstVersion = core.router.version;
    const first = await measure((t) => core.router.rank(t, '', 3), rows, misses);

    const history = fs.readFileSync(path.join(__dirname, '../models/demo/routing-history.csv'));
    const imported = await importRoutingHistory(core, null, { data: history, format: 'csv' }, { source: 'history' });
    if (!imported.ok) throw new Error(imported.message);
    const after = await measure((t) => core.router.rank(t, '', 3), rows, misses);
    await core.db.close();

    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const confused = (r: Result) => {
      const pairs = [...r.confusion].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      return pairs.length ? [`    第一位错在哪里（应为 → 排在第一）：${pairs.map(([k, n]) => `${k} ×${n}`).join('，')}`] : [];
    };
    const halves = (r: Result) => `（单数行 ${pct(r.halves.odd[0])} / ${pct(r.halves.odd[1])}，双数行 ${pct(r.halves.even[0])} / ${pct(r.halves.even[1])}）`;
    const f = (x: number) => x.toFixed(4);
    const out = [
      `数据：${path.basename(file)}${range ? ` 第 ${range[1]}–${range[2]} 行` : ''}，${rows.length} 条真实留言（仅标题），标签为答复单位对应的部门`,
      '',
      `(a) 无历史（生产模式新库，只有部门职责、别名和关键词；启动训练 ${bootSeconds.toFixed(1)} 秒，模型 ${firstVersion}）`,
      `    第一位正确 ${pct(first.top1)}，前三位含正确 ${pct(first.top3)}${halves(first)}`,
      ...confused(first),
      ...first.lines.map((l) => `    ${l}`),
      '',
      `(b) 导入历史之后（${imported.value.taken} 条历史建议，${imported.value.retrain?.message ?? '未重训'}）`,
      `    第一位正确 ${pct(after.top1)}，前三位含正确 ${pct(after.top3)}${halves(after)}`,
      ...confused(after),
      ...after.lines.map((l) => `    ${l}`),
      '',
      `departments no_history_top1=${f(first.top1)} no_history_top3=${f(first.top3)} history_top1=${f(after.top1)} history_top3=${f(after.top3)} n=${rows.length}`,
      ...(['odd', 'even'] as const).map(
        (p) => `${p} no_history_top1=${f(first.halves[p][0])} no_history_top3=${f(first.halves[p][1])} history_top1=${f(after.halves[p][0])} history_top3=${f(after.halves[p][1])} n=${rows.filter((r) => r.n % 2 === (p === 'odd' ? 1 : 0)).length}`,
      ),
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`评测失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
