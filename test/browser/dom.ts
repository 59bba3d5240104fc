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

/** Run a test-runner command in the real browser (Playwright): `send-keys`, `emulate-media`, ... */
export async function command(name: string, payload: unknown): Promise<void> {
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  const ws = '/__web-dev-server__web-socket.js';
  const { sendMessageWaitForResponse } = await import(/* @vite-ignore */ ws);
  const r = await sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command: name, payload });
  if (!r.executed) throw new Error(`${name} is not available`);
}
