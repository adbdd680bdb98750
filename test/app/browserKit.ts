/**
 * What the browser suites (the mini-program's H5 build and the desktop console) share: Chromium, axe-core run in
 * the page itself, waiting for a page to be still (no request in flight, no animation running, images decoded)
 * instead of a fixed pause, the 200 % zoom check, the 14 px floor, and a record of where the time goes.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, for one test file. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'],
  });
}

/** Time spent per phase (build, server, sign-in, screenshot, axe…), printed at the end of a file. */
export class Timings {
  private readonly ms = new Map<string, { total: number; count: number }>();

  /** Runs `fn`, adding its wall time to `phase`. */
  async time<T>(phase: string, fn: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.add(phase, performance.now() - start);
    }
  }

  /** Adds `ms` to `phase`. */
  add(phase: string, ms: number): void {
    const m = this.ms.get(phase) ?? { total: 0, count: 0 };
    m.total += ms;
    m.count += 1;
    this.ms.set(phase, m);
  }

  /** One line per phase: total seconds, count. */
  report(title: string): string {
    const rows = [...this.ms].map(([phase, m]) => `  ${phase.padEnd(34)} ${(m.total / 1000).toFixed(1).padStart(7)} s${m.count > 1 ? ` (${m.count}×, ${(m.total / m.count).toFixed(0)} ms each)` : ''}`);
    return `${title}\n${rows.join('\n')}\n`;
  }
}

// The newest axe-core installed (the project's own axe-core, newer than the one @axe-core/playwright bundles: its
// rules are the stricter), run in the page directly: no blank page per run for merging frame results (these pages
// have no frames) and no second injection.
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core in the page (injected once per document; hash routes keep it): the serious and critical violations
 * as "rule (impact) targets" lines. `tags` chooses the rules (WCAG 2.1 A and AA unless said; null: axe's default
 * set, best practices included); `include` limits the run to a part of the page (page-level rules then do not run).
 */
export async function axeViolations(page: Page, { tags = AXE_TAGS, include }: { tags?: string[] | null; include?: string } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ include, tags }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact?: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const context = include && document.querySelector(include) ? { include: [[include]] } : document;
      const r = await axe.run(context, { ...(tags ? { runOnly: { type: 'tag', values: tags } } : {}), resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    },
    { include, tags },
  );
}

/**
 * Waits until the page is still: no request of the page in flight, no finite animation or transition running
 * (a toast fading, a page sliding in, a modal opening), every visible image decoded, and a frame drawn after that.
 * `trackRequests` must have been called on the page.
 */
export async function settle(page: Page, timeout = 15_000): Promise<void> {
  const inflight = (page as Page & { inflight?: Set<unknown> }).inflight;
  const deadline = Date.now() + timeout;
  for (;;) {
    while (inflight && inflight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    await page.waitForFunction(
      () => {
        const running = document.getAnimations().filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
        const images = Array.from(document.images).filter((img) => !img.complete && img.checkVisibility());
        return running.length === 0 && images.length === 0;
      },
      undefined,
      { timeout: Math.max(1_000, deadline - Date.now()), polling: 'raf' },
    );
    // Two frames: whatever the last response or animation end scheduled has rendered.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    if (!inflight || inflight.size === 0 || Date.now() >= deadline) return;
  }
}

/** Counts the page's requests in flight (for `settle`); long-lived streams are not expected in these front ends. */
export function trackRequests(page: Page): void {
  const inflight = new Set<unknown>();
  (page as Page & { inflight?: Set<unknown> }).inflight = inflight;
  page.on('request', (r) => {
    if (r.resourceType() === 'fetch' || r.resourceType() === 'xhr' || r.resourceType() === 'image') inflight.add(r);
  });
  const done = (r: unknown) => inflight.delete(r);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('close', () => inflight.clear());
}

/** Visible text under `floor` CSS px, as "size「text」" (text hidden from assistive technology is skipped). */
export function smallText(page: Page, floor = 14): Promise<string[]> {
  return page.evaluate((floor) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = (node.textContent ?? '').trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      if (el.closest('[aria-hidden="true"]')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < floor) out.push(`${size.toFixed(1)}px「${text.slice(0, 16)}」`);
    }
    return out;
  }, floor);
}

/**
 * 200 % zoom of a 1366×800 screen: the page as it is now, in a 683×400 CSS viewport (text keeps its CSS size, so
 * it is twice as large on screen). Problems: the page scrolls sideways, or a control or heading of `scope`
 * (default: the whole page) lies outside the screen's width or is squeezed to nothing, and whatever `extra` finds
 * on the zoomed page. The viewport is restored.
 */
export async function zoom200(page: Page, scope = 'body', extra?: (page: Page) => Promise<string[]>): Promise<string[]> {
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: 683, height: 400 });
  try {
    await page.waitForFunction(() => window.innerWidth === 683);
    await settle(page);
    const more = (await extra?.(page)) ?? [];
    const found = await page.evaluate((scope) => {
      const out: string[] = [];
      const width = window.innerWidth;
      if (document.documentElement.scrollWidth > width + 1) out.push(`page is ${document.documentElement.scrollWidth}px wide in ${width}px`);
      const root = document.querySelector(scope) ?? document.body;
      const controls = root.querySelectorAll<HTMLElement>('button, input:not([type="hidden"]), textarea, select, a[href], [role="button"], [role="tab"], [role="switch"], h1, h2, taro-button-core, .weui-tabbar__item');
      for (const el of Array.from(controls)) {
        if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        if (el.closest('[aria-hidden="true"], .ant-table-measure-row')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        // Inside a box that scrolls sideways on purpose (a wide table), a control may sit to the right.
        let scroller: HTMLElement | null = el.parentElement;
        while (scroller && !(scroller.scrollWidth > scroller.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(scroller).overflowX))) scroller = scroller.parentElement;
        const label = `${el.tagName.toLowerCase()}「${(el.innerText || el.getAttribute('aria-label') || el.getAttribute('placeholder') || '').trim().slice(0, 12)}」`;
        if (!scroller && (box.left < -1 || box.right > width + 1)) out.push(`${label} outside the screen (${Math.round(box.left)}–${Math.round(box.right)}px)`);
        else if (box.width < 8 || box.height < 8) out.push(`${label} squeezed to ${Math.round(box.width)}×${Math.round(box.height)}px`);
      }
      return out.slice(0, 5);
    }, scope);
    return [...found, ...more];
  } finally {
    await page.setViewportSize(before);
    await page.waitForFunction((w) => window.innerWidth === w, before.width);
  }
}

/** At most `n` of the given tasks at once (journeys share one browser on a small machine). */
export function limiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    // A finished task hands its place to the next one waiting.
    if (active >= n) await new Promise<void>((r) => queue.push(r));
    else active += 1;
    try {
      return await fn();
    } finally {
      const next = queue.shift();
      if (next) next();
      else active -= 1;
    }
  };
}
