/**
 * A small fake WeChat host for the weapp bundle in Node: `wx` (storage, request over real HTTP, the rest
 * recorded), `App`, `Page` and `Component`. It loads dist/weapp like the WeChat client would, runs a page's
 * lifecycle, applies the page's setData patches to its data tree, and taps or types by dispatching to the
 * page's event handler the way the WeChat view layer does.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A node of Taro's page data tree (nn: node name, sid: id, v: text, cl: class, cn: children). */
export interface WxNode {
  nn?: string;
  sid?: string;
  v?: string;
  cl?: string;
  cn?: WxNode[];
  [key: string]: unknown;
}

type PageConfig = Record<string, (...args: unknown[]) => unknown>;

/** What the fake WeChat client recorded: every wx call with its first argument. */
export interface WxCall {
  api: string;
  arg: Record<string, unknown> | undefined;
}

const RECORDED = [
  'reLaunch', 'navigateTo', 'redirectTo', 'navigateBack', 'switchTab', 'showToast', 'hideToast', 'showLoading', 'hideLoading',
  'showModal', 'setNavigationBarTitle', 'login', 'scanCode', 'stopPullDownRefresh', 'pageScrollTo',
  'setTabBarBadge', 'removeTabBarBadge', 'requestSubscribeMessage',
];

function setPath(obj: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  let o = obj as Record<string, unknown>;
  for (let i = 0; i < parts.length - 1; i++) {
    o[parts[i]] ??= /^\d+$/.test(parts[i + 1]) ? [] : {};
    o = o[parts[i]] as Record<string, unknown>;
  }
  o[parts[parts.length - 1]] = value;
}

/** Every text in a subtree, joined. */
export function textOf(n: WxNode): string {
  return `${n.v ?? ''}${(n.cn ?? []).map(textOf).join('')}`;
}

function walk(n: WxNode, visit: (n: WxNode, parents: WxNode[]) => void, parents: WxNode[] = []): void {
  visit(n, parents);
  for (const c of n.cn ?? []) walk(c, visit, [...parents, n]);
}

/**
 * Boots dist/weapp with a fake host (once per test file: the bundle registers itself on load); `storage` is wx
 * storage; `origins` maps an origin the bundle calls to the server that answers it (the calls are recorded with
 * the URL the bundle asked for).
 */
export function bootWeapp(dist: string, storage: Record<string, string> = {}, origins: Record<string, string> = {}) {
  const calls: WxCall[] = [];
  const pages = new Map<string, PageConfig>();
  let loading = '';
  let app: PageConfig | null = null;
  const pending = new Set<Promise<unknown>>();
  const handlers: Record<string, unknown> = {
    request(o: { url: string; method?: string; header?: Record<string, string>; data?: string; success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void }) {
      calls.push({ api: 'request', arg: o as unknown as Record<string, unknown> });
      const from = Object.keys(origins).find((origin) => o.url === origin || o.url.startsWith(`${origin}/`));
      const p = fetch(from ? origins[from] + o.url.slice(from.length) : o.url, { method: o.method ?? 'GET', headers: o.header, body: o.data }).then(
        async (res) => {
          const r = { statusCode: res.status, data: await res.text(), header: {} };
          o.success?.(r);
          o.complete?.(r);
        },
        (err) => {
          o.fail?.({ errMsg: String(err) });
          o.complete?.({});
        },
      );
      pending.add(p);
      void p.finally(() => pending.delete(p));
      return { abort() {} };
    },
    getStorageSync: (k: string) => storage[k] ?? '',
    setStorageSync: (k: string, v: string) => void (storage[k] = v),
    removeStorageSync: (k: string) => void delete storage[k],
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2, SDKVersion: '3.0.0' }),
  };
  // The wx APIs pages use besides storage and requests: recorded, and they succeed.
  for (const key of RECORDED) {
    handlers[key] = (arg?: Record<string, unknown>) => {
      calls.push({ api: key, arg });
      const result = key === 'login' ? { code: 'fake-wx-code', errMsg: 'login:ok' } : { errMsg: `${key}:ok` };
      (arg?.success as ((r: unknown) => void) | undefined)?.(result);
      (arg?.complete as ((r: unknown) => void) | undefined)?.(result);
    };
  }
  const g = globalThis as Record<string, unknown>;
  g.wx = new Proxy(handlers, {
    // Taro wraps every wx API it finds: say that they all exist.
    has: (target, key) => key !== 'webpackJsonp' && (typeof key === 'string' || key in target),
    get(target, key) {
      if (typeof key !== 'string' || key in target || key === 'webpackJsonp') return target[key as string];
      // Any other wx API: recorded, and succeeds.
      return (arg?: Record<string, unknown>) => {
        calls.push({ api: key, arg });
        (arg?.success as ((r: unknown) => void) | undefined)?.({ errMsg: `${key}:ok` });
        (arg?.complete as ((r: unknown) => void) | undefined)?.({});
      };
    },
  });
  g.App = (c: PageConfig) => void (app = c);
  g.Page = (c: PageConfig) => void pages.set(loading, c);
  g.Component = (c: PageConfig) => void pages.set(`component:${loading}`, c);
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  g.requirePlugin = () => ({});
  // Which node kinds bind taps, read from the compiled templates: a tap goes to the nearest of them, as in WeChat.
  const tappable = new Set<string>();
  for (const m of fs.readFileSync(path.join(dist, 'base.wxml'), 'utf8').matchAll(/<template name="tmpl_0_(\w+)">\s*<[\w-]+([^>]*)>/g)) {
    if (m[2].includes('bindtap="eh"')) tappable.add(m[1]);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS, loaded as WeChat loads it
  require(path.join(dist, 'app.js'));
  (app as unknown as PageConfig | null)?.onLaunch?.({});

  /** Waits until no request is in flight and rendering has settled. */
  const settle = async () => {
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 20));
      if (!pending.size) {
        await new Promise((r) => setTimeout(r, 50));
        if (!pending.size) return;
      }
    }
  };

  /** Opens a page (e.g. `pages/index/index`) and runs onLoad, onShow and onReady. */
  async function open(route: string, query: Record<string, string> = {}) {
    loading = route;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
    require(path.join(dist, `${route}.js`));
    const config = pages.get(route);
    if (!config) throw new Error(`${route} did not register a Page`);
    const data: Record<string, unknown> = {};
    const instance = Object.assign(Object.create(config), {
      data,
      route,
      options: query,
      setData(patch: Record<string, unknown>, cb?: () => void) {
        for (const [k, v] of Object.entries(patch)) setPath(data, k, v);
        cb?.();
      },
    });
    config.onLoad.call(instance, query);
    config.onShow?.call(instance);
    config.onReady?.call(instance);
    await settle();
    // The first render of a page can take longer than its requests (a cold bundle): wait for the tree.
    for (let i = 0; i < 250 && !data.root; i++) await new Promise((r) => setTimeout(r, 20));
    const root = () => data.root as WxNode;
    // Nodes whose own text is `text` (or, failing that, contains it): the element around the text node.
    const find = (text: string, where: (chain: WxNode[]) => WxNode | undefined = (chain) => chain.at(-1)): WxNode[] => {
      const exact: WxNode[] = [];
      const partial: WxNode[] = [];
      walk(root(), (n, parents) => {
        const hit = n.v === text ? exact : n.v?.includes(text) ? partial : null;
        const node = hit && where(parents);
        if (hit && node) hit.push(node);
      });
      return exact.length ? exact : partial;
    };
    const nearestTappable = (chain: WxNode[]) => [...chain].reverse().find((n) => tappable.has(String(n.nn)));
    const dispatch = async (node: WxNode, type: string, detail: Record<string, unknown> = {}) => {
      const target = { id: node.sid, dataset: {} };
      config.eh.call(instance, { type, timeStamp: Date.now(), target, currentTarget: target, detail });
      await settle();
    };
    return {
      data,
      /** All text on the page. */
      text: () => textOf(root()),
      /** Taps `text`: the event goes to the nearest enclosing element that binds taps, as WeChat's view layer does. */
      async tap(text: string) {
        const [node] = find(text, nearestTappable);
        if (!node) throw new Error(`nothing tappable on ${route} says “${text}”`);
        await dispatch(node, 'tap');
      },
      /** Types into the n-th input (our inputs carry the class `input`), in page order. */
      async input(n: number, value: string) {
        const inputs: WxNode[] = [];
        walk(root(), (node) => {
          if ((node.cl ?? '').split(' ').includes('input')) inputs.push(node);
        });
        if (!inputs[n]) throw new Error(`${route} has no input #${n}`);
        await dispatch(inputs[n], 'input', { value, cursor: value.length });
      },
    };
  }

  return { calls, storage, open };
}
