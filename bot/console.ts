/**
 * `npm run bot:console`: the console transport. Reads JSON lines `{"from","chat","text","mention"}` on stdin
 * (`chat` null for a private chat, a group id otherwise) and writes JSON lines `{"to","chat","text"}` on stdout,
 * talking to the API at API_URL. Lines are handled one after another, in order; with `--parallel` different
 * senders are handled at the same time (each sender's messages still in order), as for the benchmark.
 */
import readline from 'node:readline';
import { BotEngine } from './engine';

async function main() {
  const engine = new BotEngine({
    apiUrl: process.env.API_URL || 'http://127.0.0.1:3000',
    serviceUsername: process.env.BOT_USERNAME || 'bot',
    servicePassword: process.env.BOT_PASSWORD || 'lvzhi-demo',
    // BOT_TIMING=1: one JSON line per message on stderr with the total and the API part (for the benchmark).
    onTiming: process.env.BOT_TIMING ? (t) => process.stderr.write(`${JSON.stringify({ timing: t })}\n`) : undefined,
  });
  // The understanding layer is trained by now; the benchmark starts its clock after this line.
  if (process.env.BOT_TIMING) process.stderr.write(`${JSON.stringify({ ready: true })}\n`);
  const parallel = process.argv.includes('--parallel');
  const queues = new Map<string, Promise<void>>();
  let serial = Promise.resolve();
  const pending = new Set<Promise<void>>();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let m: { from?: unknown; chat?: unknown; text?: unknown; mention?: unknown; name?: unknown };
    try {
      m = JSON.parse(line);
    } catch {
      process.stderr.write(`不是合法的 JSON，已跳过：${line.slice(0, 80)}\n`);
      continue;
    }
    if (typeof m.from !== 'string' || typeof m.text !== 'string') {
      process.stderr.write('每行需要 from 和 text 两个字段，已跳过\n');
      continue;
    }
    const from = m.from;
    const chat = typeof m.chat === 'string' && m.chat ? m.chat : null;
    const msg = {
      transport: 'console',
      chatId: chat,
      chatType: chat ? ('group' as const) : ('single' as const),
      senderId: from,
      senderName: typeof m.name === 'string' ? m.name : from,
      text: m.text,
      mentionsBot: m.mention === true,
    };
    const run = (parallel ? (queues.get(from) ?? Promise.resolve()) : serial).then(async () => {
      try {
        for (const r of await engine.handle(msg)) process.stdout.write(`${JSON.stringify(r)}\n`);
      } catch (e) {
        process.stderr.write(`处理消息出错：${e instanceof Error ? e.message : String(e)}\n`);
        process.stdout.write(`${JSON.stringify({ to: chat ?? from, chat, text: '系统暂时出了点问题，请稍后再试。' })}\n`);
      }
    });
    queues.set(from, run);
    serial = run;
    pending.add(run);
    run.finally(() => pending.delete(run));
  }
  await Promise.all(pending);
}

main().catch((err) => {
  process.stderr.write(`机器人启动失败：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
