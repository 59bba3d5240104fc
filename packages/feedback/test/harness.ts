// Shared set-up for the feedback box's browser tests: elements on a memory backend (directly, or
// served over msw at a fake origin), fault injection, real key presses, and polling.
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { KithError, getClient, type Backend, type FeedbackSubmit } from '@kith/client';
import { kithHandlers } from '@kith/client/msw';
import { memoryBackend, type MemoryBackend } from '@kith/client/memory';
import type { KithFeedback } from '../src/index.ts';
import '../src/define.ts';
import { command } from '../../../test/browser/dom.ts';

export const API = 'https://api.kith.test';

let n = 0;
const mounted: HTMLElement[] = [];
afterEach(() => {
  mounted.splice(0).forEach((el) => el.remove());
  for (const k of Object.keys(localStorage)) if (k.startsWith('kith:feedback:')) localStorage.removeItem(k);
});

/** A memory backend whose feedback call can be switched offline, made to fail, or held. */
export interface TestBackend extends MemoryBackend {
  /** `offline`: network errors; a KithError: thrown once; `hold`: waits until `release()`. */
  fault?: 'offline' | 'hold' | KithError;
  release(): void;
}

export function testBackend(): TestBackend {
  const mem = memoryBackend();
  let release = () => {};
  const b: TestBackend = {
    ...mem,
    release: () => ((b.fault = undefined), release()),
    async submitFeedback(body: FeedbackSubmit, ctx) {
      const f = b.fault;
      if (f === 'offline') throw new KithError('network', 'offline');
      if (f === 'hold') await new Promise<void>((r) => (release = r));
      else if (f) throw ((b.fault = undefined), f);
      return mem.submitFeedback(body, ctx);
    },
  };
  return b;
}

/** Mount a <kith-feedback> on its own site (its own outbox scope and draft), with a fast-retrying client. */
export async function mount(attrs: Record<string, string> = {}, backend: Backend = testBackend(), before?: (el: KithFeedback) => void): Promise<KithFeedback> {
  const el = document.createElement('kith-feedback');
  before?.(el);
  const site = attrs.site ?? `t${Date.now()}-${n++}`;
  for (const [k, v] of Object.entries({ site, ...attrs })) el.setAttribute(k, v);
  if (attrs.endpoint) {
    getClient({ endpoint: attrs.endpoint, site, storeName: `kith-fb-${site}`, timeoutMs: 500, retry: { retries: 0 }, outbox: { baseMs: 10, capMs: 50 } });
  } else {
    el.backend = backend;
    getClient({ backend, site, outbox: { baseMs: 10, capMs: 50 } });
  }
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  await until(() => !!el.shadowRoot!.querySelector('#message, .launcher-btn, [part=error]'), 2000, 'first render');
  await tick();
  return el;
}

export const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];

/** Type into a field the way a visitor does (value + input event). */
export async function type(el: KithFeedback, sel: string, text: string) {
  const f = $<HTMLTextAreaElement>(el, sel)!;
  f.value = text;
  f.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function submit(el: KithFeedback) {
  $<HTMLButtonElement>(el, '[part~=submit]')!.click();
  await tick();
  await el.updateComplete;
}

/** Collect the `kith-feedback-*` events the element fires. */
export function record(el: HTMLElement) {
  const got: CustomEvent[] = [];
  for (const t of ['open', 'close', 'submit', 'sent', 'error']) el.addEventListener(`kith-feedback-${t}`, (e) => got.push(e as CustomEvent));
  return got;
}

/** The focused element, inside shadow roots. */
export function focused(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Resolve when `cond()` holds, polling; rejects after `ms` so a broken test fails instead of hanging. */
export async function until(cond: () => boolean, ms = 4000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await tick(10);
  }
}

/** How many times each id reached the backend's feedback call. */
export const arrivals = (b: MemoryBackend) => {
  const counts: Record<string, number> = {};
  for (const e of b.state.log) if (e.call === 'submitFeedback') counts[e.id] = (counts[e.id] ?? 0) + 1;
  return counts;
};

/** Real key presses through the test runner (Playwright): `keys({ press: 'Tab' })`, `keys({ type: 'hi' })`. */
export const keys = (payload: { press?: string; type?: string; down?: string; up?: string }): Promise<void> => command('send-keys', payload);

/** axe-core violations as readable lines (none expected). */
export async function axe(el: Element): Promise<string[]> {
  const r = await (window as any).axe.run(el);
  return r.violations.map((v: any) => `${v.id}: ${v.nodes.map((x: any) => x.target.join(' ') + ' ' + x.failureSummary).join(' | ')}`);
}

// ---- msw: the REST protocol at API, served from a memory backend ------------------------------
export const worker = setupWorker();
let started: Promise<unknown> | undefined;

export async function serve(): Promise<MemoryBackend> {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  const backend = memoryBackend();
  worker.resetHandlers(...kithHandlers(backend, { baseUrl: API }));
  return backend;
}

/** The next `times` POST /v1/feedback answer with this status and problem (or fail offline). */
export function fault(status: number | 'offline', problem: Record<string, unknown> = {}, opts: { times?: number; retryAfter?: number } = {}) {
  let left = opts.times ?? 1;
  worker.use(
    http.post(`${API}/v1/feedback`, () => {
      if (left <= 0) return undefined;
      left--;
      if (status === 'offline') return HttpResponse.error();
      const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
      if (opts.retryAfter !== undefined) headers['Retry-After'] = String(opts.retryAfter);
      return new HttpResponse(JSON.stringify({ type: 'about:blank', title: 'Fault', status, ...problem }), { status, headers });
    }),
  );
}

/** Everything at API offline until the returned function is called. */
export function goOffline(): () => void {
  const h = http.all(`${API}/*`, () => HttpResponse.error());
  worker.use(h);
  return () => worker.resetHandlers(...worker.listHandlers().filter((x) => x !== h));
}
