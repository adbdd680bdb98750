/**
 * `npm run bench:bot`: 200 simulated deputies talk at once to the bot through the console transport, which
 * talks to the API on loopback (SQLite, and MySQL too when BENCH_MYSQL_URL or TEST_MYSQL_URL is set). Mixed
 * flows, each sender's messages in order, with a pause between a reply and the next message as people take
 * (BENCH_THINK_MS, default 3000 ms; 0 measures saturation). Prints replies/s, p50/p99 reply latency and the
 * bot's own processing time per message (excluding the API calls) and the API calls per message. BENCH_PORT
 * (default 3901) sets the API's port, so that two checkouts can be measured side by side.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import mysql from 'mysql2/promise';
import { createApiClient } from '../contracts/client';

const SIMS = Number(process.env.BENCH_SIMS || 200);
/** Mean pause between a reply and the deputy's next message (uniform ±50 %); 0 sends back to back. */
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 3000);
const root = path.resolve(__dirname, '..');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

function script(i: number): string[] {
  return ['帮助', '我的建议', '通知', '会议', `提建议 关于改善第${i}号小区停车的建议｜小区车位不足，晚上车辆乱停，消防通道被占。`, '确认', '我的建议', '问卷'];
}

async function run(label: string, databaseUrl: string, port: number) {
  const api: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), JOBS: 'off', DEMO_MODE: '1', LOG_LEVEL: 'warn', NODE_ENV: 'production', JWT_SECRET: 'bench' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* not up yet */
      }
      if (i > 4500) throw new Error('API did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    // Bind SIMS console identities to the 50 demo deputies, round robin.
    const service = createApiClient({ baseUrl: base });
    await service.login('bot', 'lvzhi-demo');
    for (let i = 1; i <= SIMS; i++) {
      const deputy = createApiClient({ baseUrl: base });
      await deputy.devLogin(`deputy${String(((i - 1) % 50) + 1).padStart(2, '0')}`);
      const { code } = await deputy.bindCode();
      await service.chatBind('console', `sim${String(i).padStart(3, '0')}`, code);
    }
    const bot = spawn(process.execPath, ['--import', 'tsx', 'bot/console.ts', '--parallel'], { cwd: root, env: { ...process.env, API_URL: base, BOT_TIMING: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const own: number[] = [];
    const calls: number[] = [];
    let ready: () => void = () => undefined;
    const botReady = new Promise<void>((r) => (ready = r));
    readline.createInterface({ input: bot.stderr! }).on('line', (l) => {
      try {
        if (JSON.parse(l).ready) ready();
        const t = JSON.parse(l).timing;
        if (t) {
          own.push(t.totalMs - t.apiMs);
          calls.push(t.apiCalls);
        }
      } catch {
        /* other output */
      }
    });
    const scripts = new Map<string, string[]>();
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let replies = 0;
    const send = (sim: string) => {
      const next = scripts.get(sim)!.shift();
      if (next === undefined) return false;
      sentAt.set(sim, performance.now());
      bot.stdin!.write(`${JSON.stringify({ from: sim, chat: null, text: next })}\n`);
      return true;
    };
    const done = new Promise<void>((resolve) => {
      let active = SIMS;
      readline.createInterface({ input: bot.stdout! }).on('line', (l) => {
        const r = JSON.parse(l) as { to: string; text: string };
        if (!sentAt.has(r.to)) return;
        latencies.push(performance.now() - sentAt.get(r.to)!);
        replies += 1;
        sentAt.delete(r.to);
        const next = () => {
          if (!send(r.to) && --active === 0) resolve();
        };
        if (THINK_MS > 0) setTimeout(next, THINK_MS * (0.5 + Math.random()));
        else next();
      });
    });
    // Start-up (training the understanding layer) is not a message's latency: wait until the bot says it is ready.
    await botReady;
    const start = performance.now();
    for (let i = 1; i <= SIMS; i++) {
      const sim = `sim${String(i).padStart(3, '0')}`;
      scripts.set(sim, script(i));
      // People do not all start typing in the same millisecond: first messages spread over one pause.
      setTimeout(() => send(sim), Math.random() * THINK_MS);
    }
    await done;
    const seconds = (performance.now() - start) / 1000;
    bot.stdin!.end();
    await new Promise((r) => bot.on('close', r));
    const f = (n: number) => n.toFixed(n < 10 ? 2 : 0);
    process.stdout.write(
      `bot ${label}: ${SIMS} deputies (pause ${THINK_MS} ms), ${replies} replies in ${seconds.toFixed(1)} s — ${f(replies / seconds)} replies/s, ` +
        `latency p50=${f(pct(latencies, 50))} ms p99=${f(pct(latencies, 99))} ms; bot's own processing p50=${f(pct(own, 50))} ms p99=${f(pct(own, 99))} ms mean=${f(own.reduce((a, b) => a + b, 0) / own.length)} ms; ` +
        `API calls per message mean=${(calls.reduce((a, b) => a + b, 0) / calls.length).toFixed(2)} max=${Math.max(...calls)}\n`,
    );
  } finally {
    api.kill('SIGTERM');
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lvzhi-bench-'));
  await run('sqlite', `sqlite:${path.join(dir, 'bench.sqlite')}`, Number(process.env.BENCH_PORT || 3901));
  const mysqlUrl = process.env.BENCH_MYSQL_URL || process.env.TEST_MYSQL_URL;
  if (mysqlUrl) {
    const u = new URL(mysqlUrl);
    const name = `lvzhi_bench_${Date.now()}`;
    const c = await mysql.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
    await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
    u.pathname = `/${name}`;
    try {
      await run('mysql', u.toString(), Number(process.env.BENCH_PORT || 3901) + 1);
    } finally {
      await c.query(`DROP DATABASE \`${name}\``);
      await c.end();
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
