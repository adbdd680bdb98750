/**
 * One jobs tick of `npm run bench:api`, in a process of its own (so that its memory is measured alone): boots
 * the core as `npm run jobs` does (env: DATABASE_URL, JWT_SECRET, NODE_ENV=production), runs one tick of the
 * jobs runner as its leader and prints `{"ms":…,"results":{…},"sweeps":{name: ms}}`.
 */
import { bootCore } from '../core/bootstrap';
import { loadConfig } from '../core/config';
import { JobRunner } from '../jobs/runner';

async function main() {
  const core = await bootCore(loadConfig());
  const runner = new JobRunner(core, { holder: `bench-${process.pid}` });
  const t0 = performance.now();
  const { results, ms: sweeps } = await runner.tick();
  const ms = performance.now() - t0;
  await runner.stop();
  process.stdout.write(`${JSON.stringify({ ms, results, sweeps })}\n`);
  await core.db.close();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
