// Runs in the page before any of its scripts (page.addInitScript): records long tasks and layout
// shifts from the start, and the moment the survey first becomes interactive.
//
// "Interactive" is the same test for every subject, looking through open shadow roots:
//  - kind `nps`: the eleven options 0..10 are on screen (non-zero box, not hidden), each a label,
//    button or radio that can take focus (itself, or the input inside it);
//  - kind `text`: a visible, enabled textarea (Sentry's form has no NPS question).
// It is checked on every DOM mutation (document and every shadow root, observed as they appear) and
// on every animation frame, and the time is `performance.now()` (ms since navigation start).

export type ReadyKind = 'nps' | 'text' | 'none';

export interface ProbeState {
  ready: number;
  longTasks: number[];
  cls: number;
  shifts: number;
}

export function probe(kind: ReadyKind): void {
  const state: ProbeState = { ready: -1, longTasks: [], cls: 0, shifts: 0 };
  const w = window as unknown as Record<string, unknown>;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!e.hadRecentInput) (state.cls += e.value), state.shifts++;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // an engine without these entry types: leave the figures empty
  }

  const observed = new WeakSet<Node>();
  const opts: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };
  let mo: MutationObserver | undefined;

  function* walk(root: Node): Generator<Element> {
    const kids = root instanceof Element && root.shadowRoot ? [root.shadowRoot, ...Array.from(root.children)] : Array.from((root as ParentNode).children ?? []);
    for (const k of kids) {
      if (k instanceof ShadowRoot) {
        if (mo && !observed.has(k)) (observed.add(k), mo.observe(k, opts));
        yield* walk(k);
      } else {
        yield k;
        yield* walk(k);
      }
    }
  }
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none';
  };
  const enabled = (el: Element) => !(el as HTMLInputElement).disabled && !el.closest('[inert]');
  const canFocus = (el: Element) =>
    (el.matches('button, input, textarea, select, a[href]') && enabled(el)) ||
    ((el as HTMLElement).tabIndex >= 0 && enabled(el)) ||
    Array.from(el.querySelectorAll('input, button')).some(enabled);

  // Structure first (no layout), and only then whether it is on screen (which forces layout), so
  // that watching costs the page as little as possible.
  const isReady = (): boolean => {
    if (kind === 'none') return document.readyState !== 'loading';
    if (kind === 'text') {
      for (const el of walk(document)) if (el.localName === 'textarea' && enabled(el) && shown(el)) return true;
      return false;
    }
    const options = new Map<string, Element>();
    for (const el of walk(document)) {
      if (!el.matches('label, button, [role=radio], [role=button]')) continue;
      const t = (el.textContent ?? '').trim();
      if (!/^(10|[0-9])$/.test(t) || options.has(t)) continue;
      if (canFocus(el)) options.set(t, el);
    }
    if (options.size < 11) return false;
    for (const el of options.values()) if (!shown(el)) return false;
    return true;
  };

  const waiters: (() => void)[] = [];
  const check = () => {
    if (isReady()) {
      if (state.ready < 0) state.ready = performance.now();
      for (const f of waiters.splice(0)) f();
    }
  };
  const frame = () => {
    check();
    if (state.ready < 0 || waiters.length) requestAnimationFrame(frame);
  };
  mo = new MutationObserver(() => {
    if (state.ready < 0 || waiters.length) check();
  });
  mo.observe(document, opts);
  requestAnimationFrame(frame);

  w.__probe = state;
  /** Resolve when the test holds (for mount cycles); false after `timeout` ms. */
  w.__waitReady = (want = true, timeout = 10000) =>
    new Promise<boolean>((resolve) => {
      const t0 = performance.now();
      const poll = () => {
        if (isReady() === want) return resolve(true);
        if (performance.now() - t0 > timeout) return resolve(false);
        if (want) {
          waiters.push(() => resolve(true));
          requestAnimationFrame(frame);
          setTimeout(() => resolve(isReady() === want), timeout);
        } else requestAnimationFrame(poll);
      };
      poll();
    });
}
