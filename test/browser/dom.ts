// DOM helpers shared by the widgets' browser tests.

export const tick = (ms = 10) => new Promise((r) => setTimeout(r, ms));

/** Resolve when `cond()` holds; fail after `ms`. */
export async function until(cond: () => unknown, ms = 3000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await tick();
  }
}

/** The first / every match inside an element's shadow root. */
export const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
