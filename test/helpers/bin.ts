/**
 * The project's processes (API server, jobs runner, bot console, command-line tools) as the tests start them.
 * `tsx` compiles every source file of a process each time it starts, which costs seconds per process; so
 * globalSetup bundles each entry point once per run with esbuild (the same compiler tsx uses; npm packages
 * stay external and load from node_modules as usual) and the tests start `node <bundle>`. Without a bundle
 * (a helper used outside jest) they fall back to `node --import tsx <entry>`.
 */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** The environment variable through which globalSetup hands the bundles' folder to the test files. */
const BIN_ENV = 'LVZHI_TEST_BIN';

/** Every process entry point the tests may start: each `tsx <entry>` npm script but benchmarks, and the ones started directly. */
export function processEntries(): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  // Benchmarks (`bench:*`) are never started by a test.
  const fromScripts = Object.entries(scripts)
    .filter(([name]) => !name.startsWith('bench:'))
    .map(([, s]) => /^tsx (\S+\.ts)$/.exec(s)?.[1])
    .filter((e): e is string => !!e && !e.startsWith('test/') && !e.startsWith('console/'));
  return [...new Set([...fromScripts, 'jobs/main.ts', 'api/server.ts', 'bot/console.ts', 'cli/routingModels.ts'])].sort();
}

/** Where the bundle of `entry` (a path from the repository root such as `jobs/main.ts`) lives under `dir`. */
const bundlePath = (dir: string, entry: string) => path.join(dir, entry.replace(/\.ts$/, '.js'));

/**
 * Bundles every process entry point into a fresh folder inside the repository (so that npm packages resolve
 * from its node_modules) and publishes it to the test files. Each source file keeps its own `__dirname` and
 * `__filename`, so the data files the code reads next to itself are found as under tsx. Returns a remover.
 */
export async function buildBins(): Promise<() => void> {
  const { build } = await import('esbuild');
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, 'test-output', 'bin-'));
  await build({
    entryPoints: processEntries().map((e) => path.join(ROOT, e)),
    outbase: ROOT,
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    plugins: [
      {
        name: 'own-dirname',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, (args) => {
            if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
            const source = fs.readFileSync(args.path, 'utf8');
            const contents = source.replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path))).replace(/\b__filename\b/g, JSON.stringify(args.path));
            return { contents, loader: 'ts' };
          });
        },
      },
    ],
  });
  process.env[BIN_ENV] = dir;
  return () => {
    delete process.env[BIN_ENV];
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/** The node arguments that start `entry` (`jobs/main.ts`): its bundle when globalSetup built one, else through tsx. */
export function nodeArgs(entry: string): string[] {
  const dir = process.env[BIN_ENV];
  const bundle = dir && bundlePath(dir, entry);
  return bundle && fs.existsSync(bundle) ? ['--enable-source-maps', bundle] : ['--import', 'tsx', entry];
}

/** The entry point an npm script runs when it is `tsx <entry>` (null for any other script). */
export function scriptEntry(script: string): string | null {
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  if (!(script in scripts)) throw new Error(`package.json has no script ${script}`);
  return /^tsx (\S+\.ts)$/.exec(scripts[script])?.[1] ?? null;
}
