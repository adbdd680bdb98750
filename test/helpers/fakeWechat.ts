/** A local imitation of WeChat's jscode2session endpoint (WeChat's own servers are out of reach in tests). */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server that answers like WeChat's jscode2session endpoint. */
export async function fakeWechat(): Promise<{ url: string; calls: URL[]; close: () => Promise<void> }> {
  const calls: URL[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    calls.push(url);
    const code = url.searchParams.get('js_code')!;
    res.setHeader('content-type', 'text/plain');
    if (url.pathname !== '/sns/jscode2session') return res.end(JSON.stringify({ errcode: 404 }));
    if (code.startsWith('bad')) return res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    res.end(JSON.stringify({ openid: `openid-${code}`, session_key: 'k' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, close: () => new Promise((r) => server.close(() => r())) };
}
