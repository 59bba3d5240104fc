import { LitElement, html, nothing, type CSSResult, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import { KithError, getClient, toKithError, getConfig, onConfigChange, type Backend, type KithClient } from '@kith/client';
import { cssColor, localeAttr, oneOf, urlAttr, type AttrDeclaration } from './attributes.ts';
import { direction as dirOf, format, formatNumber, localize, matchLocale, pickLocale, type Message, type Strings } from './i18n.ts';
import { uiLocales, uiStrings, type StringsLoader } from './strings.ts';
import { baseStyles } from './theme.ts';
import type { LocalizedText } from '@kith/client';

export type Theme = 'light' | 'dark' | 'auto';

/** Payload of `kith-*` events, looked up from the global `HTMLElementEventMap`. */
export type EventDetail<K extends keyof HTMLElementEventMap> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

// Outside the class so the manifest analyzer does not list a generic event on every widget.
const kithEvent = (name: string, detail: unknown) => new CustomEvent(name, { bubbles: true, composed: true, cancelable: true, detail });

/**
 * The base of every Kith widget: validated attributes, page-wide defaults from `Kith.configure()`,
 * the shared client, theme and locale, lazy start, an error state and `kith-*` events.
 *
 * A widget overrides `load()` (fetch what it needs; throw a KithError to show the error state) and
 * `renderBody()` (its content); `static strings` adds its UI strings and `static styles` its CSS
 * after `baseStyles`.
 *
 * @cssproperty --kith-font - Font family (inherits the page's by default).
 * @cssproperty --kith-font-size - Base font size (1rem).
 * @cssproperty --kith-accent - Accent color of primary buttons, selection and focus rings.
 * @cssproperty --kith-on-accent - Text on the accent color (default: white or black, whichever the accent's lightness needs).
 * @cssproperty --kith-bg - Background.
 * @cssproperty --kith-fg - Text color.
 * @cssproperty --kith-muted - Secondary text.
 * @cssproperty --kith-border - Borders of fields and buttons.
 * @cssproperty --kith-surface - Background of raised pieces (options, cards).
 * @cssproperty --kith-error - Error text and invalid borders.
 * @cssproperty --kith-success - Success marks.
 * @cssproperty --kith-radius - Corner radius.
 * @cssproperty --kith-space - Base spacing.
 * @cssproperty --kith-shadow - Shadow of popovers and dialogs.
 * @csspart base - The wrapper around everything.
 * @csspart error - The error state.
 */
export class KithElement extends LitElement {
  static override styles: CSSResultGroup = baseStyles;

  static override properties: PropertyDeclarations = {
    endpoint: urlAttr,
    site: {},
    locale: localeAttr,
    theme: oneOf('light', 'dark', 'auto'),
    accent: cssColor,
    memberToken: { attribute: 'member-token' },
    eager: { type: Boolean },
    backend: { attribute: false },
    failure: { state: true, attribute: false }, // attribute: false also tells the manifest analyzer
    loading: { state: true, attribute: false },
  };

  /** The widget's own UI strings bundled with it (at least `en`); the shared ones are in `uiStrings`. */
  static strings: Strings = {};
  /** The widget's strings of other locales, loaded on first use: `{ es: () => import('./locales/es.ts') }`. */
  static loaders: Record<string, StringsLoader> = {};
  /** The locales with UI strings. */
  static locales = ['en', ...Object.keys(uiLocales)];

  /** Base URL of a Kith protocol server (else `Kith.configure({ endpoint })`). */
  declare endpoint?: string;
  /** Public site key. */
  declare site?: string;
  /** UI and content language; else the nearest `lang`, the document's, then the browser's. */
  declare locale?: string;
  /** light, dark or auto (follows the visitor's preference); else `Kith.configure({ theme })`, else light. */
  declare theme?: Theme;
  /** Accent color (a CSS color). */
  declare accent?: string;
  /** A signed-in member's token, issued by the brand's backend. */
  declare memberToken?: string;
  /** Start at once instead of when scrolled near. */
  declare eager: boolean;
  /** A `Backend` object used instead of the REST backend at `endpoint`. */
  declare backend?: Backend;
  /** The error shown instead of the widget, if any. */
  declare failure?: KithError;
  /** True while `load()` runs. */
  declare loading: boolean;

  /** Attribute -> the invalid value given, for the error state. */
  #invalid = new Map<string, string>();
  #abort?: AbortController;
  #observer?: IntersectionObserver;
  #offConfig?: () => void;
  #started = false;
  #strings?: Promise<void>;

  constructor() {
    super();
    this.eager = false;
    this.loading = false;
  }

  /** Whether to wait until the element is near the viewport before `load()`; widgets may say no. */
  protected get lazy(): boolean {
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#offConfig = onConfigChange(() => {
      if (this.failure?.kind === 'invalid-config') this.retry(); // Kith.configure({ endpoint }) came later
      this.requestUpdate();
    });
    // at once, not after the first render: an eager widget's first request goes out ~15 ms sooner
    this.#arm();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offConfig?.();
    this.#observer?.disconnect();
    this.#abort?.abort();
    this.#started = false;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // the declaration made with `attr()` whose attribute this is (attribute changes are rare: no cache)
    let spec: AttrDeclaration | undefined;
    for (const [key, d] of (this.constructor as typeof LitElement).elementProperties) {
      if ((d as AttrDeclaration).parse && name === (typeof d.attribute === 'string' ? d.attribute : String(key).toLowerCase())) spec = d as AttrDeclaration;
    }
    // absent or empty: the default applies
    if (spec) this.#judge(name, value!, !!value && spec.parse(value) === undefined, spec.allowed);
  }

  /** Record whether attribute `name` (or its property) holds a value its schema refuses: one console error, the error state. */
  #judge(name: string, value: string, bad: boolean, allowed: string) {
    if (bad && this.#invalid.get(name) !== value) {
      console.error(`<${this.localName}> ${name}="${value}" is not valid: use ${allowed}.`);
    }
    const had = this.#invalid.size;
    if (bad) this.#invalid.set(name, value);
    else this.#invalid.delete(name);
    if (this.#invalid.size !== had) this.requestUpdate();
    if (had && !this.#invalid.size && this.isConnected) this.retry();
  }

  /** Whether an attribute holds a value its schema refuses. */
  get misconfigured(): boolean {
    return this.#invalid.size > 0;
  }

  #arm() {
    if (this.#started) return;
    if (this.eager || !this.lazy || typeof IntersectionObserver === 'undefined') return void this.#start();
    this.#observer?.disconnect();
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.#observer?.disconnect();
          void this.#start();
        }
      },
      { rootMargin: '200px' },
    );
    this.#observer.observe(this);
  }

  async #start() {
    if (this.#started || this.misconfigured) return;
    this.#started = true;
    const abort = (this.#abort = new AbortController());
    this.loading = true;
    this.failure = undefined; // also one from before the element left the page
    try {
      // the visitor's strings first, so no text shows in English and then changes
      if (!this.#strings) this.#loadStrings();
      await this.#strings;
      await this.#configured(abort.signal);
      // gone, or given a bad attribute, since connecting (both can happen right after append())
      if (abort.signal.aborted || this.misconfigured) return;
      await this.load(this.client, abort.signal);
    } catch (e) {
      if (!abort.signal.aborted) this.fail(e);
    } finally {
      if (this.#abort === abort) this.loading = false;
    }
  }

  /**
   * With no endpoint or backend yet, wait a moment for one: the script tag's config and an early
   * `Kith.configure({ backend })` may land just after the element starts. Then `client` says what is missing.
   */
  async #configured(signal: AbortSignal): Promise<unknown> {
    const c = getConfig();
    if (this.backend || this.endpoint || c.backend || c.endpoint) return;
    await new Promise((done) => {
      const finish = () => (off(), clearTimeout(timer), done(undefined));
      const off = onConfigChange(finish);
      const timer = setTimeout(finish, 1500);
      signal.addEventListener('abort', finish, { once: true });
    });
  }

  /** Clear the error state and start again. */
  retry(): void {
    this.#abort?.abort();
    this.#started = false;
    // at once, not after the first render: an eager widget's first request goes out ~15 ms sooner
    if (this.isConnected) this.#arm();
  }

  /**
   * Fetch what the widget needs. Runs once the element is near the viewport (or at once with
   * `eager`); `signal` aborts when it leaves the page. Throw to show the error state.
   */
  protected async load(_client: KithClient, _signal: AbortSignal): Promise<void> {}

  /** Show the error state for `e` (a KithError, or anything else as an unexpected response). */
  protected fail(e: unknown): void {
    const err = toKithError(e, 'invalid-response');
    if (err.kind.startsWith('invalid-')) {
      // invalid-response or invalid-config: the page's developer can fix these
      console.error(`<${this.localName}> ${err.message}${err.path ? ` (at ${err.path})` : ''}`);
    }
    this.failure = err;
  }

  /** The page's shared client for this element's endpoint and site (or backend). Throws `invalid-config` without either. */
  get client(): KithClient {
    const c = getConfig();
    const backend = this.backend ?? (this.endpoint ? undefined : c.backend);
    const endpoint = backend ? undefined : (this.endpoint ?? c.endpoint);
    if (!backend && !endpoint) throw new KithError('invalid-config', 'Set the endpoint attribute, a backend, or Kith.configure({ endpoint }).');
    const client = getClient({ backend, endpoint, site: this.site ?? c.site });
    if (this.memberToken) client.setMemberToken(this.memberToken);
    return client;
  }

  #locale?: string;
  /** The visitor's language: attribute, `Kith.configure({ locale })`, nearest `lang`, document, browser. */
  get resolvedLocale(): string {
    return (this.#locale ??= pickLocale([
      this.locale,
      getConfig().locale,
      this.closest('[lang]')?.getAttribute('lang'),
      document.documentElement.lang,
      ...(navigator.languages ?? [navigator.language]),
    ]));
  }

  /** The bundled locale the UI strings come from (the best match for `resolvedLocale`). */
  get uiLocale(): string {
    return matchLocale(this.resolvedLocale, (this.constructor as typeof KithElement).locales);
  }

  /** Load the UI strings of the visitor's locale if they are not here yet; the element updates when they arrive. */
  #loadStrings() {
    const ctor = this.constructor as typeof KithElement;
    const loc = this.uiLocale;
    const load = (table: Strings, loader?: StringsLoader) =>
      table[loc] || !loader ? undefined : loader().then((m) => void (table[loc] = m.default));
    const pending = [load(uiStrings, uiLocales[loc]), load(ctor.strings, ctor.loaders[loc])].filter(Boolean);
    if (!pending.length) return;
    const p: Promise<void> = (this.#strings = Promise.all(pending)
      .catch(() => {}) // a chunk that cannot load leaves English in place
      .then(() => {
        if (this.#strings === p) this.#strings = undefined;
        this.requestUpdate();
      }));
  }

  /** Also waits for the visitor's locale strings, so `await el.updateComplete` sees the final text. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#strings) {
      await this.#strings;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** `ltr` or `rtl` for the visitor's language. */
  get direction(): 'ltr' | 'rtl' {
    return dirOf(this.resolvedLocale);
  }

  /** light, dark or auto: the attribute, else `Kith.configure({ theme })`, else light. */
  get resolvedTheme(): Theme {
    return this.theme ?? getConfig().theme ?? 'light';
  }

  /** A UI string in the visitor's language: the widget's `static strings`, then the shared ones; `{name}` slots filled. */
  t(key: string, vars?: Record<string, string | number>): string {
    const own = (this.constructor as typeof KithElement).strings;
    const ui = this.uiLocale;
    const msg = own[ui]?.[key] ?? uiStrings[ui]?.[key] ?? own.en?.[key] ?? uiStrings.en![key] ?? key;
    return format(msg, ui, vars);
  }

  /** Backend-provided text in the visitor's language (`fallback` is the definition's default locale). */
  l(text: LocalizedText | undefined, fallback?: string): string {
    return localize(text, this.resolvedLocale, fallback);
  }

  /** A number formatted for the visitor's language. */
  n(value: number): string {
    return formatNumber(value, this.resolvedLocale);
  }

  /**
   * For a part of the widget loaded on demand (a dialog, a mode): add its styles to this element's
   * shadow root (once) and its English strings to the widget's table (other locales ship them in
   * their locale files).
   */
  adopt(styles: CSSResult, strings?: Record<string, Message>): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = styles.styleSheet!;
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    Object.assign((this.constructor as typeof KithElement).strings.en!, strings);
  }

  /** Dispatch a bubbling, composed, cancelable `kith-*` event; false when a listener called preventDefault(). */
  emit<K extends keyof HTMLElementEventMap>(name: K, detail: EventDetail<K>): boolean {
    return this.dispatchEvent(kithEvent(name, detail));
  }

  /** The sentence for an error, in the visitor's language. */
  errorText(e: KithError): string {
    return this.t(e.status === 404 ? 'e-not-found' : `e-${e.kind}`);
  }

  /** The visible, polite error state. Widgets may override it. */
  protected renderError(): unknown {
    const e = this.failure;
    return html`<div part="error" class="error" role="status"><span>${e ? this.errorText(e) : this.t('e-invalid-config')}</span>${
      e?.retryable ? html`<button class="btn" part="button" @click=${() => this.retry()}>${this.t('retry')}</button>` : nothing
    }</div>`;
  }

  /** The widget's content. */
  protected renderBody(): unknown {
    return nothing;
  }

  /** Classes added to the wrapper (`part="base"`). */
  protected get wrapperClass(): string {
    return '';
  }

  protected override render() {
    let body: unknown;
    if (this.misconfigured || this.failure) body = this.renderError();
    else {
      try {
        body = this.renderBody();
      } catch (e) {
        // never let a rendering bug throw into the host page
        queueMicrotask(() => this.fail(e));
        body = nothing;
      }
    }
    return html`<div
      part="base"
      class="kith ${this.wrapperClass}"
      lang=${this.resolvedLocale}
      dir=${this.direction}
      data-theme=${this.resolvedTheme}>${body}</div>`;
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    // The accent goes on the wrapper through the CSSOM, which a strict Content-Security-Policy allows
    // (a style attribute it would block); here rather than through cssProps, so only widgets that
    // use cssProps themselves carry the directive. An empty value removes the property.
    this.renderRoot.querySelector<HTMLElement>('.kith')!.style.setProperty('--kith-accent', this.accent ?? getConfig().accent ?? '');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Frameworks (Vue, Svelte, React 19) set properties, not attributes: a string or number set so is
    // checked like the attribute, and a string the attribute would turn into another type ("2") is
    for (const key of changed.keys()) {
      const d = (this.constructor as typeof LitElement).elementProperties.get(key) as AttrDeclaration;
      const v = this[key as 'site'] as unknown;
      if (!d?.parse || (typeof v != 'string' && typeof v != 'number')) continue;
      const p = d.parse(String(v));
      this.#judge(typeof d.attribute == 'string' ? d.attribute : String(key).toLowerCase(), String(v), p === undefined, d.allowed);
      if (p !== undefined) this[key as 'site'] = p as string;
    }
    this.#locale = undefined; // re-read: the attribute, configure() or an ancestor's lang may have changed
    if (!this.#strings) this.#loadStrings();
    // not started yet: `eager` (or what decides `lazy`) may have been set after connecting
    if (!this.#started && this.isConnected) this.#arm();
    // a backend or endpoint set after the start (frameworks set properties after connecting): start again
    if (this.hasUpdated && this.#started && (changed.has('backend') || changed.has('endpoint') || changed.has('site'))) {
      queueMicrotask(() => this.retry());
    }
    if (this.hasUpdated && changed.has('memberToken') && this.memberToken && this.#started) {
      try {
        void this.client; // which hands the client the token
      } catch {
        // no endpoint or backend: the error state already says so
      }
    }
  }
}
