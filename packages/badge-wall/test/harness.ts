// Shared set-up for the badge wall's browser tests: a seeded memory backend (handed to the element,
// or served over msw for the REST path with real Authorization headers) and visitor-like helpers.
import 'axe-core/axe.min.js';
import { expect } from '@esm-bundle/chai';
import { setupWorker } from 'msw/browser';
import { KithError, type Backend } from '@kith/client';
import { memoryBackend, type MemoryBackend } from '@kith/client/memory';
import { seed } from './seed.ts';
import { kithHandlers } from '@kith/client/msw';
import '../src/define.ts';
import type { KithBadgeWall } from '../src/index.ts';
import { $, $$, command, tick, until } from '../../../test/browser/dom.ts';

export const API = 'https://api.kith.test';
/** What the reference server (packages/server, http/memberAuth.ts) answers for an expired member token. */
export const expiredToken = (b: Backend): Backend => ({
  ...b,
  async getMemberBadges(id, ctx) {
    if (ctx?.memberToken === 'tok-old')
      throw new KithError('rejected', 'Member token expired', {
        status: 401,
        problem: {
          type: 'urn:kith:problem:token-expired',
          title: 'Member token expired',
          status: 401,
          detail: 'The member token has expired; sign the member in again',
        },
      });
    return b.getMemberBadges(id, ctx);
  },
});

const worker = setupWorker();
let started: Promise<unknown> | undefined;
/** Serve `backend` over msw at API (the REST backend, with real headers). */
export async function serve(backend: Backend): Promise<void> {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  worker.resetHandlers(...kithHandlers(backend, { baseUrl: API }));
}

let n = 0;
const mounted: HTMLElement[] = [];
export const newSite = () => `b${Date.now().toString(36)}${n++}`;

/** Mount `<kith-badge-wall>` (eager, own site), with `backend` as its property unless `endpoint` is given. */
export async function mount(attrs: Record<string, string>, b?: Backend, parent: HTMLElement = document.body): Promise<KithBadgeWall> {
  const el = document.createElement('kith-badge-wall');
  for (const [k, v] of Object.entries({ eager: '', site: newSite(), ...attrs })) el.setAttribute(k, v);
  if (!attrs.endpoint) el.backend = b ?? memoryBackend(seed());
  parent.append(el);
  mounted.push(el);
  await settle(el);
  return el;
}

/** Wait until the wall shows content (or a message, or the error state). */
export async function settle(el: KithBadgeWall) {
  await el.updateComplete;
  await until(() => (!el.loading && $(el, '.skeleton') === null) || $(el, '[part=error]'), 3000, 'the wall to load');
  await el.updateComplete;
}

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  localStorage.clear();
});

export { $, $$, tick, until };
export const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The names on the grid, in order. */
export const names = (el: Element) => $$(el, '[part~=badge] [part=name]').map(text);
/** The grid button of the badge called `name`. */
export const badgeButton = (el: Element, name: string) =>
  $$<HTMLButtonElement>(el, '[part~=badge]').find((b) => text(b.querySelector('[part=name]')) === name)!;

export async function noAxeViolations(el: Element, what = '') {
  const r = await (window as any).axe.run(el);
  const why = r.violations.map((v: any) => `${v.id}: ${v.nodes.map((x: any) => x.target.join(' ') + ' ' + x.failureSummary).join(' | ')}`);
  expect(why, `axe ${what}`).to.deep.equal([]);
}

/** Records the `kith-badge-*` events that reach the document. */
export function recordEvents() {
  const seen: { type: string; detail: any }[] = [];
  const types = ['kith-badge-open', 'kith-badge-earned', 'kith-badge-signin'];
  const fn = (e: Event) => seen.push({ type: e.type, detail: (e as CustomEvent).detail });
  for (const t of types) document.addEventListener(t, fn);
  return { seen, stop: () => types.forEach((t) => document.removeEventListener(t, fn)) };
}

/** Press a real key through the test runner (Playwright), so focus moves as it does for a visitor. */
export const press = (key: string): Promise<void> => command('send-keys', { press: key });

/** The focused element, inside the wall's shadow root. */
export const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;

export { memoryBackend, seed, type MemoryBackend };
