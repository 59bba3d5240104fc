// Shared set-up for the survey's browser tests: a memory backend per test, a fresh site (so each
// test has its own outbox scope and visitor record), and helpers that act like a visitor.
import 'axe-core/axe.min.js';
import { expect } from '@esm-bundle/chai';
import { memoryBackend, type MemoryBackend } from '@kith/client/memory';
import type { Backend } from '@kith/client';
import '../src/define.ts';
import type { KithSurvey } from '../src/index.ts';
import { $, $$, command, tick, until } from '../../../test/browser/dom.ts';

export const surveys = {
  all: {
    id: 'all',
    version: 1,
    title: { en: 'Tell us', es: 'Cuéntanos', ar: 'أخبرنا' },
    questions: [
      { id: 'nps', type: 'nps', text: { en: 'How likely are you to recommend us?', ar: 'ما مدى احتمال أن توصي بنا؟' } },
      { id: 'stars', type: 'rating', text: 'Rate the docs', scale: 5, style: 'stars' },
      { id: 'emoji', type: 'rating', text: 'Your mood', scale: 3, style: 'emoji', required: false },
      { id: 'nums', type: 'rating', text: 'Effort', scale: 7, style: 'numbers', lowLabel: 'Easy', highLabel: 'Hard' },
      { id: 'one', type: 'single', text: 'Pick one', choices: [{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Beta' }], other: true },
      {
        id: 'many',
        type: 'multiple',
        text: 'Pick two',
        choices: [{ id: 'x', label: 'Ex' }, { id: 'y', label: 'Why' }, { id: 'z', label: 'Zed' }],
        min: 2,
        max: 2,
        other: true,
      },
      { id: 'short', type: 'text', text: 'Your name', maxLength: 20, required: false, placeholder: 'Ana' },
      { id: 'long', type: 'text', text: 'Anything else?', multiline: true, description: 'Be kind' },
      { id: 'yn', type: 'yesno', text: 'Can we contact you?' },
    ],
    thankYou: { title: 'Thanks a lot', link: { url: 'https://example.com/next', label: 'Continue' } },
  },
  nps: {
    id: 'nps',
    version: 1,
    questions: [
      { id: 'score', type: 'nps', text: { en: 'How likely?', es: '¿Qué tan probable?' } },
      { id: 'why', type: 'text', text: 'Why?', required: false },
    ],
  },
} as const;

export type Seed = Parameters<typeof memoryBackend>[0];
export const backend = (seed: Seed = { surveys: Object.values(surveys) as never }) => memoryBackend(seed);

let n = 0;
const mounted: HTMLElement[] = [];
export const newSite = () => `t${Date.now().toString(36)}${n++}`;

/** Mount `<kith-survey>`, eager unless `eager: null`, on its own site; waits until it settles. */
export async function mount(attrs: Record<string, string | null>, b: Backend = backend(), parent: HTMLElement = document.body) {
  const el = document.createElement('kith-survey');
  for (const [k, v] of Object.entries({ eager: '', site: newSite(), ...attrs })) if (v !== null) el.setAttribute(k, v);
  el.backend = b;
  parent.append(el);
  mounted.push(el);
  await el.updateComplete;
  await tick();
  return el;
}

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  localStorage.clear();
});

export { $, $$, command, tick, until };
export const legend = (el: Element) => $(el, '.q .legend')?.textContent?.trim();

/** Click the option (radio/checkbox) whose accessible label is `label`. */
export async function pick(el: KithSurvey, label: string) {
  const input = $$<HTMLInputElement>(el, '.q input').find(
    (i) => i.getAttribute('aria-label') === label || i.closest('label')?.textContent?.trim() === label,
  );
  if (!input) throw new Error(`no option "${label}" in ${legend(el)}`);
  input.click();
  await el.updateComplete;
}

export async function type(el: KithSurvey, text: string, sel = '.q input[type=text], .q textarea') {
  const field = $<HTMLInputElement>(el, sel)!;
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Press Next (or Submit) and let the save start. */
export async function next(el: KithSurvey) {
  $<HTMLButtonElement>(el, '[part~=next]')!.click();
  await el.updateComplete;
  await tick();
  await el.updateComplete;
}

export async function noAxeViolations(el: Element, what = '') {
  const r = await (window as any).axe.run(el);
  const why = r.violations.map((v: any) => `${v.id}: ${v.nodes.map((x: any) => x.target.join(' ') + ' ' + x.failureSummary).join(' | ')}`);
  expect(why, `axe ${what}`).to.deep.equal([]);
}

/** Records every `kith-survey-*` event that reaches the document. */
export function recordEvents() {
  const names = ['view', 'start', 'answer', 'complete', 'dismiss'];
  const seen: { type: string; detail: any }[] = [];
  const fns = names.map((x) => {
    const fn = (e: Event) => seen.push({ type: e.type.replace('kith-survey-', ''), detail: (e as CustomEvent).detail });
    document.addEventListener(`kith-survey-${x}`, fn);
    return [`kith-survey-${x}`, fn] as const;
  });
  return { seen, types: () => seen.map((s) => s.type), stop: () => fns.forEach(([t, fn]) => document.removeEventListener(t, fn)) };
}

export type { MemoryBackend };

/** Press a real key through the test runner (Playwright), so native behaviour (radio arrows) happens. */
export const press = (key: string): Promise<void> => command('send-keys', { press: key });
