/**
 * A local imitation of WeChat's servers (WeChat's own are out of reach in tests): jscode2session for sign-in,
 * cgi-bin/token for the access token, and wxa/getwxacodeunlimit answering a PNG (or an error on request).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A small real PNG (1×1) standing in for the code image WeChat draws. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** What the imitation should do next; tests change it between calls. */
export interface FakeWechatState {
  /** getwxacodeunlimit answers this errcode instead of an image. */
  codeError: number | null;
  /** getwxacodeunlimit answers 40001 (token expired) this many times first. */
  staleTokens: number;
  /** cgi-bin/token answers this errcode instead of a token. */
  tokenError: number | null;
  /** Tokens handed out so far. */
  tokensIssued: number;
}

/** A local HTTP server that answers like WeChat's sign-in, token and mini-program code endpoints. */
export async function fakeWechat(): Promise<{ url: string; calls: URL[]; bodies: unknown[]; state: FakeWechatState; close: () => Promise<void> }> {
  const calls: URL[] = [];
  const bodies: unknown[] = [];
  const state: FakeWechatState = { codeError: null, staleTokens: 0, tokenError: null, tokensIssued: 0 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    calls.push(url);
    const json = (v: unknown) => {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(v));
    };
    if (url.pathname === '/sns/jscode2session') {
      const code = url.searchParams.get('js_code')!;
      res.setHeader('content-type', 'text/plain');
      if (code.startsWith('bad')) return res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
      return res.end(JSON.stringify({ openid: `openid-${code}`, session_key: 'k' }));
    }
    if (url.pathname === '/cgi-bin/token') {
      if (state.tokenError) return json({ errcode: state.tokenError, errmsg: 'invalid appsecret' });
      state.tokensIssued += 1;
      return json({ access_token: `token-${state.tokensIssued}`, expires_in: 7200 });
    }
    if (url.pathname === '/wxa/getwxacodeunlimit' && req.method === 'POST') {
      let raw = '';
      req.on('data', (c) => (raw += c)).on('end', () => {
        const body = JSON.parse(raw) as { scene: string; page: string; width?: number };
        bodies.push(body);
        if (url.searchParams.get('access_token') !== `token-${state.tokensIssued}` || state.staleTokens > 0) {
          state.staleTokens = Math.max(0, state.staleTokens - 1);
          return json({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
        }
        if (state.codeError) return json({ errcode: state.codeError, errmsg: 'refused' });
        if (!body.scene || body.scene.length > 32) return json({ errcode: 40169, errmsg: 'invalid length for scene' });
        res.setHeader('content-type', 'image/png');
        res.end(PNG);
      });
      return;
    }
    json({ errcode: 404, errmsg: 'no such api' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  // The product's keep-alive connections to the imitation end with it (they would keep the test's worker alive).
  const close = () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, bodies, state, close };
}
