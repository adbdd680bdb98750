/**
 * `npm run routing:models -- <command>`: the department routing model of DATABASE_URL's database, from the
 * command line (the same use cases as the API's /api/routing/*):
 *   list                      versions with status, training data and held-out scores
 *   import FILE [--no-retrain] labelled history (CSV or XLSX: 标题, 内容, 承办单位), with a progress bar
 *   retrain [--note TEXT]     train a new version now (it becomes current only if not worse)
 *   activate ID               switch to (roll back to) a stored version
 */
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { bootCore } from '../core/bootstrap';
import { loadConfig } from '../core/config';
import type { CoreContext } from '../core/context';
import type { Outcome } from '../core/result';
import { activateRoutingModel } from '../core/routing/activateModel';
import { importRoutingHistory, type ImportSummary } from '../core/routing/importHistory';
import { listRoutingModels } from '../core/routing/listModels';
import { retrainRoutingModel } from '../core/routing/retrainModel';
import type { RoutingVersionView } from '../core/routing/versions';
import type { Actor } from '../core/context';
import { readArgs } from './args';

const USAGE = `用法：npm run routing:models -- <命令>
  list                        列出各版本（状态、训练数据、留出样本评分）
  import 文件.csv|xlsx [--no-retrain]  导入历史建议（列：标题、内容、承办单位），导入后训练新版本
  retrain [--note 说明]       立即重新训练
  activate 版本号             切换（回滚）到指定版本
`;

// Whoever runs the command line has the database itself: they act as the system (no user in the version rows).
const OPERATOR: Actor | null = null;

const f1 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));

function versionLine(v: RoutingVersionView): string {
  const s = v.summary;
  const prev = v.scores.previous ? `（当时的第 ${v.scores.previous.id} 版 ${f1(v.scores.previous.macroF1)}）` : '';
  return `第 ${v.id} 版  ${v.statusLabel}  ${v.reasonLabel}  ${v.createdAt.slice(0, 19).replace('T', ' ')} UTC  样本 ${s.examples} 条 + 关键词 ${s.keywords} 个  留出 ${v.scores.heldOut.n} 条 宏平均F1 ${f1(v.scores.heldOut.macroF1)}${prev}${v.note ? `  ${v.note}` : ''}`;
}

function importReport(r: ImportSummary): string {
  const lines = [`共 ${r.total} 行：导入 ${r.taken} 行，拒收 ${r.refused} 行`];
  for (const x of r.reasons) lines.push(`  拒收 ${x.count} 行：${x.reason}（第 ${x.rows.join('、')}${x.count > x.rows.length ? ' 等' : ''} 行）`);
  if (r.byDepartment.length) lines.push(`按承办单位：${r.byDepartment.map((d) => `${d.name} ${d.count}`).join('，')}`);
  if (r.retrain) lines.push(r.retrain.message);
  return lines.join('\n');
}

function unwrap<T>(o: Outcome<T>): T {
  if (!o.ok) {
    process.stderr.write(`${o.message}\n`);
    process.exit(o.kind === 'invalid' || o.kind === 'notFound' || o.kind === 'conflict' ? 2 : 1);
  }
  return o.value;
}

async function run(core: CoreContext, command: string | undefined, args: string[]): Promise<void> {
  const { values, positionals } = readArgs({ args, allowPositionals: true, options: { 'no-retrain': { type: 'boolean' }, note: { type: 'string' } } }, USAGE);
  if (command === 'list') {
    const versions = unwrap(await listRoutingModels(OPERATOR));
    process.stdout.write(versions.length ? versions.map(versionLine).join('\n') + '\n' : '还没有训练过分办模型\n');
  } else if (command === 'retrain') {
    const r = unwrap(await retrainRoutingModel(core, OPERATOR, { reason: 'retrain', note: values.note }));
    process.stdout.write(`${r.message}\n${r.version ? versionLine(r.version) : ''}\n`);
  } else if (command === 'activate' && positionals[0]) {
    const v = unwrap(await activateRoutingModel(core, OPERATOR, positionals[0]));
    process.stdout.write(`已切换到第 ${v.id} 版\n`);
  } else if (command === 'import' && positionals[0]) {
    const file = positionals[0];
    if (!fs.existsSync(file)) return void (process.stderr.write(`找不到文件 ${file}\n`), process.exit(2));
    const format = path.extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
    const bar = new cliProgress.SingleBar({ format: '导入 [{bar}] {value}/{total} 行', hideCursor: true, stream: process.stderr, noTTYOutput: true, notTTYSchedule: 1000 }, cliProgress.Presets.shades_classic);
    let started = false;
    const r = unwrap(
      await importRoutingHistory(core, OPERATOR, { data: fs.readFileSync(file), format }, {
        retrain: !values['no-retrain'],
        onProgress: (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        },
      }),
    );
    if (started) bar.stop();
    process.stdout.write(importReport(r) + '\n');
  } else {
    process.stderr.write(USAGE);
    process.exit(2);
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const core = await bootCore(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), { seedIfEmpty: true });
  try {
    await run(core, command, rest);
  } finally {
    await core.db.close();
  }
}

main().catch((err) => {
  process.stderr.write(`失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
