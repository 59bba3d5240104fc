// Part 1: the survey page of Kith and of each peer, measured the same way in the same browser.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { probe, type ProbeState, type ReadyKind } from './probe.ts';
import type { BenchServer, Served } from './server.ts';

export interface Subject {
  id: string;
  label: string;
  /** What the subject is measured with, for the report. */
  what: string;
  /** Absolute path of the page script that Vite bundles. */
  entry: string;
  kind: ReadyKind;
  /** Markup placed in the page's slot (Kith's element); peers render from their script. */
  slot?: (origin: string) => string;
  /** CSS the page has in its <head>, as the subject's docs tell a brand to add. */
  css?: string;
  /** Why the subject cannot run now, if it cannot. */
  missing?: () => string | undefined;
  /** Not a competitor: a reference row (the empty template), left out of the ratios. */
  baseline?: boolean;
  note?: string;
}

export interface RunResult {
  ok: boolean;
  reason?: string;
  requests: number;
  raw: number;
  gzip: number;
  served: Served[];
  ready: number;
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  longTasks: number;
  longTaskMs: number;
  cls: number;
  heapMB: number;
  heapGrowthKB: number;
  cycleFailures: number;
  blocked: string[];
  errors: string[];
}

export interface BenchOptions {
  settleMs: number;
  cycles: number;
  readyTimeoutMs: number;
  /** Save a screenshot of each page after it settled, to this folder. */
  screenshots?: string;
}

type Metrics = Record<string, number>;
async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}
const delta = (a: Metrics, b: Metrics, key: string) => Math.max(0, ((b[key] ?? 0) - (a[key] ?? 0)) * 1000);

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

/** `globalThis.__name` is what tsx's keepNames leaves in functions handed to the page. */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

export async function openContext(browser: Browser, origin: string, blocked: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  // No network: every request goes to the local server or nowhere (and is reported).
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url === origin) return route.continue();
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return context;
}

export async function measureOnce(browser: Browser, server: BenchServer, subject: Subject, opt: BenchOptions): Promise<RunResult> {
  const blocked: string[] = [];
  const errors: string[] = [];
  const context = await openContext(browser, server.origin, blocked);
  const r: RunResult = {
    ok: false, requests: 0, raw: NaN, gzip: NaN, served: [], ready: NaN, taskMs: NaN, scriptMs: NaN, layoutMs: NaN,
    longTasks: NaN, longTaskMs: NaN, cls: NaN, heapMB: NaN, heapGrowthKB: NaN, cycleFailures: 0, blocked, errors,
  };
  try {
    const page: Page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text().slice(0, 300)}`));
    await page.addInitScript(NAME_SHIM);
    await page.addInitScript(probe, subject.kind);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const m0 = await metrics(cdp);
    server.take();
    await page.goto(`${server.origin}/${subject.id}.html`, { waitUntil: 'load' });
    r.ok = await page
      .waitForFunction(() => ((window as unknown as { __probe: ProbeState }).__probe.ready ?? -1) >= 0, null, { timeout: opt.readyTimeoutMs, polling: 50 })
      .then(() => true, () => false);
    await page.waitForTimeout(opt.settleMs);
    const m1 = await metrics(cdp);
    if (opt.screenshots) await page.screenshot({ path: `${opt.screenshots}/${subject.id}.png` });
    const p = await page.evaluate(() => (window as unknown as { __probe: ProbeState }).__probe);
    const served = server.take().filter((s) => s.path !== `/${subject.id}.html`);
    r.served = served;
    r.requests = served.length;
    r.raw = served.reduce((n, s) => n + s.raw, 0);
    r.gzip = served.reduce((n, s) => n + s.gzip, 0);
    r.taskMs = delta(m0, m1, 'TaskDuration');
    r.scriptMs = delta(m0, m1, 'ScriptDuration');
    r.layoutMs = delta(m0, m1, 'LayoutDuration') + delta(m0, m1, 'RecalcStyleDuration');
    r.longTasks = p.longTasks.length;
    r.longTaskMs = p.longTasks.reduce((a, b) => a + b, 0);
    r.cls = p.cls;
    if (!r.ok) {
      r.reason = `no interactive survey within ${opt.readyTimeoutMs / 1000} s`;
      return r;
    }
    r.ready = p.ready;
    if (subject.baseline) {
      r.heapMB = (await heapUsed(cdp)) / 1048576;
      r.heapGrowthKB = 0;
    } else if (opt.cycles > 0) {
      // Leak check: take the first render off, then mount and unmount a fresh one `cycles` times,
      // each time waiting until it is interactive and until it is gone.
      await page.evaluate(async () => {
        const w = window as unknown as { __bench: { unmount(c: Element): void }; __waitReady(want: boolean, t: number): Promise<boolean> };
        w.__bench.unmount(document.getElementById('slot')!);
        await w.__waitReady(false, 5000);
      });
      const h0 = await heapUsed(cdp);
      r.cycleFailures = await page.evaluate(async (n) => {
        const w = window as unknown as {
          __bench: { mount(c: Element): unknown; unmount(c: Element): void };
          __waitReady(want: boolean, t: number): Promise<boolean>;
        };
        let failures = 0;
        for (let i = 0; i < n; i++) {
          const c = document.createElement('div');
          document.querySelector('main')!.insertBefore(c, document.querySelector('main > p:nth-of-type(2)'));
          await w.__bench.mount(c);
          if (!(await w.__waitReady(true, 10000))) failures++;
          w.__bench.unmount(c);
          if (!(await w.__waitReady(false, 5000))) failures++;
        }
        return failures;
      }, opt.cycles);
      await page.waitForTimeout(200);
      const h1 = await heapUsed(cdp);
      r.heapMB = h1 / 1048576;
      r.heapGrowthKB = (h1 - h0) / 1024;
    }
    return r;
  } catch (e) {
    r.ok = false;
    r.reason = `error: ${(e as Error).message.split('\n')[0]}`;
    return r;
  } finally {
    await context.close();
  }
}
