// Shared set-up for the feed's browser tests: a memory backend per test on its own site (its own
// outbox scope), deterministic topics, and helpers that act and look like a visitor.
import 'axe-core/axe.min.js';
import { expect } from '@esm-bundle/chai';
import { memoryBackend, type MemoryBackend, type MemorySeed } from '@kith/client/memory';
import type { Backend, Topic } from '@kith/client';
import '../src/define.ts';
import type { KithHotTopics } from '../src/index.ts';
import { $, $$, tick, until } from '../../../test/browser/dom.ts';

export const HOUR = 3.6e6;
const TAGS = ['ideas', 'bugs', 'help'];

/** `n` topics t0..t(n-1), t0 newest; tags cycle ideas, bugs, help; votes and replies vary. */
export function makeTopics(n: number, now = Date.now()): Topic[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    title: `Topic ${i}`,
    excerpt: `Excerpt of topic ${i}`,
    url: `https://community.example/t/${i}`,
    author: { id: `m${i % 5}`, name: `Member ${i % 5}`, avatarUrl: i % 2 ? `https://cdn.example/a/${i}.png` : null },
    tags: [TAGS[i % 3]!],
    votes: (i * 37) % 100,
    replies: (i * 13) % 40,
    createdAt: new Date(now - (i + 1) * HOUR).toISOString(),
    pinned: false,
    promoted: false,
    voted: false,
  }));
}

export const backend = (seed: MemorySeed = { topics: makeTopics(12) }) => memoryBackend(seed);

let n = 0;
const mounted: HTMLElement[] = [];
export const newSite = () => `h${Date.now().toString(36)}${n++}`;

/**
 * Mount `<kith-hot-topics>` (eager, its own site) and wait until the first page is on screen (unless
 * `settle: false`). `b: null` leaves the backend to the `endpoint` attribute.
 */
export async function mount(attrs: Record<string, string> = {}, b: Backend | null = backend(), settle = true): Promise<KithHotTopics> {
  const el = document.createElement('kith-hot-topics');
  for (const [k, v] of Object.entries({ eager: '', site: newSite(), ...attrs })) el.setAttribute(k, v);
  if (b) el.backend = b;
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  if (settle) await until(() => !el.loading && (el.failure || $(el, '.empty, [part=list]')), 3000, 'first page');
  await el.updateComplete;
  return el;
}

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

export { $, $$, tick, until };
/** The titles on screen, in order. */
export const titles = (el: Element) => $$(el, '[part~=topic] [part=title]').map((h) => h.textContent!.trim());
/** The topic ids on screen, in order. */
export const ids = (el: Element) => $$(el, '[part~=topic]').map((a) => a.dataset.id!);
export const topicEl = (el: Element, id: string) => $(el, `[part~=topic][data-id="${id}"]`)!;

export async function click(el: KithHotTopics, target: HTMLElement | null) {
  if (!target) throw new Error('nothing to click');
  target.click();
  await el.updateComplete;
}

export async function noAxeViolations(el: Element, what = '') {
  const r = await (window as any).axe.run(el);
  const why = r.violations.map((v: any) => `${v.id}: ${v.nodes.map((x: any) => x.target.join(' ') + ' ' + x.failureSummary).join(' | ')}`);
  expect(why, `axe ${what}`).to.deep.equal([]);
}

/** Records every `kith-topic-*` event that reaches the document; `cancel` cancels them. */
export function recordEvents(cancel: string[] = []) {
  const seen: { type: string; detail: any }[] = [];
  const fn = (e: Event) => {
    const type = e.type.replace('kith-topic-', '');
    seen.push({ type, detail: (e as CustomEvent).detail });
    if (cancel.includes(type)) e.preventDefault();
  };
  const names = ['kith-topic-open', 'kith-topic-vote', 'kith-topic-report'];
  for (const x of names) document.addEventListener(x, fn);
  return { seen, stop: () => names.forEach((x) => document.removeEventListener(x, fn)) };
}

export type { MemoryBackend, KithHotTopics };
