/**
 * `npm run users:import -- FILE.xlsx|csv [--kind deputies|staff|stations]`: imports a roster into DATABASE_URL's
 * database with a progress bar, acting with the admin's rights (whoever runs it has the server). Prints how many
 * rows were new, updated, unchanged and refused, each refusal with its reason and row numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { ROSTER_KINDS, type RosterImportSummary, type RosterKind } from '../contracts/identity';
import { importRoster } from '../core/identity/importRoster';
import { COMMAND_LINE } from '../core/identity/policy';
import { readArgs } from './args';
import { commandLineCore } from './commandLineCore';

const USAGE = `用法：npm run users:import -- 名单.xlsx|名单.csv [--kind deputies|staff|stations]
  deputies  代表名单（姓名、代表层级、所属区县/选区、代表团、联络站、手机号、单位、职务…）
  staff     承办单位工作人员（姓名、承办单位、职务、手机号）
  stations  联络站（联络站名称、类型、所属区县/镇街、地址）
  不给 --kind 时按列名判断。
`;

const KIND_LABELS: Record<RosterKind, string> = { deputies: '代表', staff: '承办单位工作人员', stations: '联络站' };

/** The printed report of an import. */
function report(r: RosterImportSummary): string {
  const lines = [`${KIND_LABELS[r.kind]}名单共 ${r.total} 行：新建 ${r.created}，更新 ${r.updated}，不变 ${r.unchanged}，拒收 ${r.refused}`];
  for (const x of r.reasons) lines.push(`  拒收 ${x.count} 行：${x.reason}（第 ${x.rows.join('、')}${x.count > x.rows.length ? ' 等' : ''} 行）`);
  if (r.newUsers.length) lines.push(`新账号：${r.newUsers.map((u) => `${u.name} ${u.username}`).join('，')}${r.created > r.newUsers.length ? ' …' : ''}`);
  return lines.join('\n');
}

async function main() {
  const parsed = readArgs({ allowPositionals: true, options: { kind: { type: 'string' } } }, USAGE);
  const file = parsed.positionals[0];
  const kind = parsed.values.kind;
  if (!file || (kind !== undefined && !(ROSTER_KINDS as readonly string[]).includes(kind))) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  if (!fs.existsSync(file)) {
    process.stderr.write(`找不到文件 ${file}\n`);
    process.exit(2);
  }
  const format = path.extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  const core = await commandLineCore();
  const bar = new cliProgress.SingleBar({ format: '导入 [{bar}] {value}/{total} 行', hideCursor: true, stream: process.stderr, noTTYOutput: true, notTTYSchedule: 1000 }, cliProgress.Presets.shades_classic);
  let started = false;
  try {
    const r = await importRoster(core, COMMAND_LINE, {
      data: fs.readFileSync(file),
      format,
      kind: kind as RosterKind | undefined,
      onProgress: (done, total) => {
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      },
    });
    if (started) bar.stop();
    if (!r.ok) {
      process.stderr.write(`${r.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stdout.write(report(r.value) + '\n');
  } finally {
    await core.db.close();
  }
}

main().catch((err) => {
  process.stderr.write(`导入失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
