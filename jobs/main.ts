/**
 * `npm run jobs`: a jobs-only process (for running jobs apart from the API, or a second one for failover).
 * Each tick prints one JSON line: who holds the lease and what each sweep sent.
 */
import pino from 'pino';
import { bootCore } from '../core/bootstrap';
import { loadConfig } from '../core/config';
import { JobRunner } from './runner';

async function main() {
  const config = loadConfig();
  const core = await bootCore(config, { seedIfEmpty: false });
  const logger = pino({ level: config.logLevel }, pino.destination(2));
  const runner = new JobRunner(core, {
    logger,
    holder: process.env.JOBS_HOLDER,
    leaseMs: Number(process.env.JOBS_LEASE_MS || 180_000),
    onTick: (r) => process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...r })}\n`),
  });
  runner.start(process.env.JOBS_RULE || '* * * * *');
  const stop = async () => {
    await runner.stop();
    await core.db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`定时任务启动失败：${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
