/**
 * `npm run --silent route -- --jsonl`: reads `{"id","title","body"}` lines on stdin and writes, for each,
 * `{"id","departments":[{"code","score","why"}]}` with the top 3 departments of the current model (the
 * departments' keywords plus the labelled examples in DATABASE_URL's database).
 */
import readline from 'node:readline';
import { bootCore } from '../core/bootstrap';
import { loadConfig } from '../core/config';

async function main() {
  const args = process.argv.slice(2);
  if (!args.includes('--jsonl')) {
    process.stderr.write('用法：npm run --silent route -- --jsonl < 输入.jsonl\n每行输入 {"id","title","body"}，每行输出 {"id","departments":[{"code","score","why"}]}\n');
    process.exit(2);
  }
  const core = await bootCore(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), { seedIfEmpty: true });
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (!line.trim()) continue;
    let item: { id?: unknown; title?: unknown; body?: unknown };
    try {
      item = JSON.parse(line);
    } catch {
      process.stderr.write(`第 ${n} 行不是合法的 JSON，已跳过\n`);
      continue;
    }
    const title = typeof item.title === 'string' ? item.title : '';
    const body = typeof item.body === 'string' ? item.body : '';
    const ranked = await core.router.rank(title, body, 3);
    process.stdout.write(`${JSON.stringify({ id: item.id ?? null, departments: ranked.map(({ code, score, why }) => ({ code, score, why })) })}\n`);
  }
  await core.db.close();
}

main().catch((err) => {
  process.stderr.write(`分办失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
