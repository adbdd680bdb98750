/** Command-line options read the same way by every CLI, with a Chinese message (and the usage) for a mistyped one. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * `parseArgs` for a CLI: on an unknown option or one without its value, says so in Chinese with the usage and
 * exits with status 2 (node:util's own messages are English).
 */
export function readArgs<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    const option = /'([^']+)'/.exec(err instanceof Error ? err.message : '')?.[1];
    process.stderr.write(`${option ? `不认识的参数或缺少取值：${option}` : '参数写得不对'}\n${usage.endsWith('\n') ? usage : `${usage}\n`}`);
    process.exit(2);
  }
}
