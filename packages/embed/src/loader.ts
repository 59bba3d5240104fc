// The script-tag build: a small loader that defines each kith-* element only when the page uses it,
// and the global `Kith` API. Widget chunks and the client arrive by dynamic import on first use.
import type { KithConfig } from '@kith/client';

/** Widgets the loader knows, by tag, each imported only when its tag appears. */
export const widgets: Record<string, () => Promise<unknown>> = {
  'kith-survey': () => import('@kith/survey/define'),
  'kith-feedback': () => import('@kith/feedback/define'),
  'kith-hot-topics': () => import('@kith/hot-topics/define'),
  'kith-badge-wall': () => import('@kith/badge-wall/define'),
};

type Call = [string, ...unknown[]];
type Listener = (detail: unknown, event: Event) => void;

export interface KithApi {
  (method: string, ...args: unknown[]): unknown;
  /** Page-wide defaults for every widget: endpoint, site, backend, locale, theme, accent, memberToken... */
  configure(config: KithConfig): Promise<void>;
  /** Sign a member in (a token issued by your backend) or out (`undefined`). */
  identify(memberToken: string | undefined): Promise<void>;
  /** Grant or withdraw consent, where `data-consent="required"` holds identifiers back until granted. */
  consent(granted: boolean): Promise<void>;
  /** Listen to every `kith-*` DOM event on the page; returns the function that stops listening. */
  on(type: string, fn: Listener): () => void;
  /** Load a widget whose element the loader cannot see (inside another shadow root). */
  load(tag: string): Promise<unknown>;
  q?: Call[];
}

const loaded = new Map<string, Promise<unknown>>();

function load(tag: string): Promise<unknown> {
  const importer = widgets[tag];
  if (!importer) return Promise.resolve();
  let p = loaded.get(tag);
  if (!p) {
    p = importer().catch((e) => {
      loaded.delete(tag);
      console.error(`Kith: could not load <${tag}>`, e);
    });
    loaded.set(tag, p);
  }
  return p;
}

function scan(root: ParentNode): void {
  for (const tag in widgets) if (!loaded.has(tag) && root.querySelector(tag)) void load(tag);
}

const configure = (patch: KithConfig) => import('@kith/client').then((m) => m.configure(patch));

/** Reads `data-*` from the loader's own script tag. */
export function scriptConfig(script: HTMLOrSVGScriptElement | null): KithConfig {
  const d = (script as HTMLElement | null)?.dataset ?? {};
  const config: KithConfig = {};
  if (d.endpoint) config.endpoint = new URL(d.endpoint, (script as HTMLScriptElement).src || location.href).href.replace(/\/$/, '');
  if (d.site) config.site = d.site;
  if (d.locale) config.locale = d.locale;
  if (d.theme === 'light' || d.theme === 'dark' || d.theme === 'auto') config.theme = d.theme;
  if (d.accent) config.accent = d.accent;
  if (d.consent === 'required') config.consentRequired = true;
  return config;
}

/**
 * Until an inline survey's or a badge wall's code arrives, its element takes the room the widget
 * reserves anyway, so the page does not jump when it appears (layout shift). A constructed
 * stylesheet, which a strict Content-Security-Policy allows where a <style> element is refused.
 */
export const RESERVE =
  'kith-survey:not(:defined):not([display=popover],[display=modal]){display:block;min-height:var(--kith-survey-min-height,14rem)}' +
  'kith-badge-wall:not(:defined){display:block;min-height:var(--kith-badge-wall-min-height,10rem)}';

function reserve(): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(RESERVE);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // no constructable stylesheets: the widgets still reserve their room once defined
  }
}

/** Install `window.Kith`, replay calls queued by the inline stub, and start watching the page. */
export function install(script: HTMLOrSVGScriptElement | null): KithApi {
  const w = window as unknown as { Kith?: KithApi };
  const queued = w.Kith?.q ?? [];
  const api = ((method: string, ...args: unknown[]) => {
    const fn = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
    if (typeof fn !== 'function' || method === 'q') return console.error(`Kith: unknown call "${method}"`);
    return fn(...args);
  }) as KithApi;
  api.configure = configure;
  api.identify = (memberToken) => configure({ memberToken });
  api.consent = (granted) => configure({ consent: granted });
  api.load = load;
  api.on = (type, fn) => {
    const handler = (e: Event) => fn((e as CustomEvent).detail, e);
    document.addEventListener(type, handler);
    return () => document.removeEventListener(type, handler);
  };
  w.Kith = api;
  reserve();

  const fromScript = scriptConfig(script);
  const ready = Object.keys(fromScript).length ? configure(fromScript) : Promise.resolve();
  // Calls made before the loader arrived run now, in order, after the script tag's own config.
  void ready.then(() => queued.reduce<Promise<unknown>>((p, [m, ...a]) => p.then(() => api(m, ...a)), Promise.resolve()));

  const start = () => {
    scan(document);
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) {
        if (n.localName in widgets) void load(n.localName);
        else scan(n);
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  return api;
}
