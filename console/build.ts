/**
 * `npm run console:build`: bundles the desktop console (console/src, React + Ant Design + ECharts) with esbuild into
 * console/dist (index.html, app.js). `npm start` runs it when the bundle is missing or older than its sources.
 * Builds hold console/dist.lock, so two processes never write the bundle at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { buildWhenStale } from '../api/buildFreshness';

/** Where the console's bundle is written. */
export const CONSOLE_DIST = path.join(__dirname, 'dist');

const HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>履职通 · 工作台</title>
<link rel="icon" href="data:,">
<style>html,body{margin:0;font-size:16px;font-family:-apple-system,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;background:#f5f6f8}
#boot{padding:48px;text-align:center;color:#333;font-size:16px}</style>
</head>
<body>
<div id="root"><p id="boot">正在打开工作台…</p></div>
<noscript>请启用浏览器的 JavaScript 后再打开履职通工作台。</noscript>
<script src="./app.js?v=__VERSION__"></script>
</body>
</html>
`;

/** Builds the bundle; resolves with its size in bytes. */
export async function buildConsole(): Promise<number> {
  fs.mkdirSync(CONSOLE_DIST, { recursive: true });
  await build({
    entryPoints: [path.join(__dirname, 'src/main.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['chrome100', 'safari15', 'firefox100', 'edge100'],
    outfile: path.join(CONSOLE_DIST, 'app.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const js = path.join(CONSOLE_DIST, 'app.js');
  const size = fs.statSync(js).size;
  // Served as is to browsers that accept gzip (koa-static's `gzip`), a third of the size on the wire.
  fs.writeFileSync(`${js}.gz`, zlib.gzipSync(fs.readFileSync(js), { level: 9 }));
  fs.writeFileSync(path.join(CONSOLE_DIST, 'index.html'), HTML.replace('__VERSION__', String(Date.now())));
  return size;
}

if (require.main === module) {
  // Always built when asked for, but never while another process is building into the same folder.
  let size = 0;
  buildWhenStale(CONSOLE_DIST, () => true, async () => void (size = await buildConsole()))
    .then(() => process.stdout.write(`工作台已构建：console/dist/app.js ${(size / 1024 / 1024).toFixed(2)} MB\n`))
    .catch((err) => {
      process.stderr.write(`工作台构建失败：${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
