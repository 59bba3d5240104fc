import { html, nothing } from 'lit';
import { FEEDBACK_MAX_LENGTH, getConfig, newId, parseOrThrow, type KithClient, type KithError } from '@kith/client';
import { FeedbackSubmit, sendFeedback } from '@kith/client/feedback';
import type { FeedbackSubmit as FeedbackBody } from '@kith/client/protocol';
import { DialogController, KithElement, baseStyles, choiceList, controlStyles, numberIn, oneOf, ratingScale, textField, words, wordsAttr } from '@kith/ui';
import { draftKey, readDraft, writeDraft, type FeedbackDraft } from './draft.ts';
import { feedbackStyles } from './feedback.styles.ts';
import { pageContext } from './page-context.ts';
import { feedbackLocales, feedbackStrings } from './strings.ts';

export type FeedbackDisplay = 'inline' | 'launcher';
export type FeedbackPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
/** What the visitor sees: an empty or filled form, sending, or how the last submission went. */
export type FeedbackState = 'idle' | 'writing' | 'sending' | 'sent' | 'queued' | 'rate-limited' | 'rejected';
/** A captcha token, or a function that makes one when the visitor submits. */
export type CaptchaHook = string | (() => string | Promise<string>);

type Phase = 'form' | Exclude<FeedbackState, 'idle' | 'writing'>;
type FieldErrors = { message?: string; email?: string };

const KNOWN = ['bug', 'idea', 'praise', 'question', 'other'];
const DONE: Phase[] = ['sent', 'queued', 'rate-limited'];
const maxLength = numberIn(1, FEEDBACK_MAX_LENGTH);
const on = (v?: string) => !!v && v !== 'off' && v !== 'none';

/**
 * A feedback box: a message with a counter, optional categories, rating and email, and the page's
 * context attached. Shown inline or behind a floating launcher button. Submissions go through the
 * client's persisted outbox, so nothing is lost offline; the draft survives a reload until sent.
 *
 * @summary Lets a visitor tell the brand something in ten seconds, from any page.
 *
 * @attr display - `inline` (default) or `launcher` (a floating button that opens a panel).
 * @attr position - Corner of the launcher: `bottom-right` (default), `bottom-left`, `top-right`, `top-left`.
 * @attr launcher-label - Text of the launcher button (default: "Feedback", localized).
 * @attr categories - Comma list such as `bug,idea,praise,question` (each at most 40 characters); bug, idea, praise, question and other get localized labels, other words are shown as written.
 * @attr rating - `none` (default), `stars`, `emoji` (1-5) or `thumbs` (0 down, 1 up).
 * @attr email - `off` (default), `optional` or `required`; validated.
 * @attr max-length - Most characters in the message, 1 to 5000 (default 2000).
 * @attr context - `on` (default): send the page URL (without #fragment), title, locale and viewport; `off`: send none.
 * @attr placeholder - Placeholder of the message field.
 * @attr success-message - Text shown once the server acknowledged the feedback.
 * @attr name - Keeps this box's draft apart from other boxes on the site (default: the element's id, else the display, so an inline box and the launcher never share one).
 * @attr captcha-token - A captcha token passed through to the backend; the `captchaToken` property also takes a function called at submit that returns one.
 *
 * @prop {FeedbackState} state - idle, writing, sending, sent, queued, rate-limited or rejected (read-only).
 * @prop {boolean} isOpen - Whether the launcher's panel is open (read-only).
 *
 * @method open - Open the launcher's panel (inline: focus the message field).
 * @method close - Close the launcher's panel; focus returns where it was (the launcher).
 * @method prefill - Fill fields: `prefill({ message, category, rating, email })`.
 *
 * @event kith-feedback-open - The launcher's panel opened. `detail: { display }`
 * @event kith-feedback-close - The launcher's panel closed. `detail: { display }`
 * @event kith-feedback-submit - The visitor submitted; cancelable (`preventDefault()` sends nothing). `detail: { id, message, category?, rating?, email? }`
 * @event kith-feedback-sent - The server acknowledged it, at once or later from the outbox. `detail: { id }`
 * @event kith-feedback-error - Refused (`queued: false`, the text is kept) or waiting for a retry (`queued: true`). `detail: { id, error, queued }`
 *
 * @csspart base - The wrapper around everything.
 * @csspart launcher - The floating launcher button.
 * @csspart panel - The inline card, or the launcher's panel (a non-modal dialog).
 * @csspart title - The heading.
 * @csspart close - The panel's close button.
 * @csspart form - The form.
 * @csspart choices - The category list.
 * @csspart scale - The rating scale.
 * @csspart option - One category or rating option (`option-selected` when picked).
 * @csspart input - The message and email fields.
 * @csspart button - The submit and "send more" buttons.
 * @csspart submit - The submit button.
 * @csspart more - The "send more" button after a thank-you.
 * @csspart option-selected - The picked category or rating option.
 * @csspart status - The status line: sending, sent, saved, or the server's refusal.
 * @csspart error - The error state (misconfigured).
 *
 * @cssproperty --kith-feedback-offset - Distance of the launcher from the viewport's edges (1rem).
 * @cssproperty --kith-accent - Accent color (and every other `--kith-*` token of @kith/ui).
 */
export class KithFeedback extends KithElement {
  static override styles = [baseStyles, controlStyles, feedbackStyles];
  static override strings = feedbackStrings;
  static override loaders = feedbackLocales;
  static override properties = {
    display: oneOf('inline', 'launcher'),
    position: oneOf('bottom-right', 'bottom-left', 'top-right', 'top-left'),
    launcherLabel: { attribute: 'launcher-label' },
    categories: wordsAttr(40),
    rating: oneOf('none', 'stars', 'emoji', 'thumbs'),
    email: oneOf('off', 'optional', 'required'),
    // spelled out (no spread) so the manifest analyzer sees the attribute name
    maxLength: { attribute: 'max-length', converter: maxLength.converter, parse: maxLength.parse, allowed: maxLength.allowed },
    context: oneOf('on', 'off'),
    placeholder: {},
    successMessage: { attribute: 'success-message' },
    name: {},
    captchaToken: { attribute: 'captcha-token' },
  };

  declare display?: FeedbackDisplay;
  declare position?: FeedbackPosition;
  declare launcherLabel?: string;
  declare categories?: string;
  declare rating?: 'none' | 'stars' | 'emoji' | 'thumbs';
  declare email?: 'off' | 'optional' | 'required';
  declare maxLength?: number;
  declare context?: 'on' | 'off';
  declare placeholder?: string;
  declare successMessage?: string;
  declare name?: string;
  declare captchaToken?: CaptchaHook;

  #client?: KithClient;
  #key = '';
  #draft: FeedbackDraft = { message: '' };
  #startedAt?: number;
  #phase: Phase = 'form';
  #errors: FieldErrors = {};
  #refusal?: KithError;
  #wait?: number;
  /** The submission being delivered, kept to bring its text back if it is refused. */
  #pending?: FeedbackBody;
  #open = false;
  #off?: () => void;
  #dialog: DialogController = new DialogController(this, () => this.renderRoot.querySelector('dialog'), () => this.close());

  /** idle, writing, sending, sent, queued, rate-limited or rejected. */
  get state(): FeedbackState {
    return this.#phase !== 'form' ? this.#phase : this.#draft.message ? 'writing' : 'idle';
  }

  /** Whether the launcher's panel is open. */
  get isOpen(): boolean {
    return this.#open;
  }

  get #launcher() {
    return this.display === 'launcher';
  }

  protected override get lazy(): boolean {
    return false; // nothing to fetch: getting the client now also delivers what an earlier page left queued
  }

  protected override async load(client: KithClient): Promise<void> {
    this.#client = client;
    this.#key = draftKey(this.site ?? getConfig().site, this.name || this.id || this.display);
    const saved = client.identity.allowed && readDraft(this.#key);
    if (saved) {
      const { startedAt, ...draft } = saved;
      this.#startedAt = startedAt;
      this.#draft = { ...this.#draft, ...draft }; // what the visitor typed wins over an early prefill()
    }
    if (!this.#launcher) this.#startedAt ??= Date.now();
    this.#off?.();
    // a queued submission's later fate. Not outcomes: "queued" without an error (the outbox taking
    // it) and "sending" (the form stays as it is while it sends)
    this.#off = client.events.on('delivery', ({ item: { id, state }, error }) => state !== 'sending' && (state !== 'queued' || error) && this.#deliver(id, state, error));
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#off?.();
  }

  /** Open the launcher's panel and focus the message (inline: just focus it). */
  open(): void {
    this.#startedAt ??= Date.now();
    if (!this.#launcher) return void this.#focus();
    if (this.#open) return;
    this.#open = true;
    this.requestUpdate();
    void this.#dialog.show(false, false).then(() => (this.#open ? this.#focus() : this.#dialog.hide()));
    this.emit('kith-feedback-open', { display: 'launcher' });
    this.#client?.track('open', 'feedback');
  }

  /** Close the launcher's panel; focus goes back where it was before `open()`. */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#dialog.hide();
    if (DONE.includes(this.#phase)) [this.#phase, this.#startedAt] = ['form', undefined];
    this.requestUpdate();
    this.emit('kith-feedback-close', { display: 'launcher' });
  }

  /** Fill fields for the visitor (a message template, a category, an email you already know); the visitor's own input goes through here too. */
  prefill(values: Partial<FeedbackDraft>): void {
    const d = (this.#draft = { ...this.#draft, ...values });
    for (const k in values) delete this.#errors[k as 'email'];
    if (this.#client?.identity.allowed) writeDraft(this.#key, d.message || d.email || d.category || d.rating !== undefined ? { ...d, startedAt: this.#startedAt } : undefined);
    this.requestUpdate();
  }

  /** After the thank-you: an empty form again. */
  #more = () => {
    this.#phase = 'form';
    this.#startedAt = Date.now();
    this.#focus();
  };

  /** Focus what the visitor needs next, after the pending render. */
  async #focus() {
    this.requestUpdate();
    await this.updateComplete;
    const q = (sel: string) => this.renderRoot.querySelector<HTMLElement>(sel);
    (DONE.includes(this.#phase) ? q('h2') : (q('[aria-invalid=true]') ?? q('#message')))?.focus();
  }

  #submit = async (e: Event) => {
    e.preventDefault();
    const c = this.#client;
    if (this.#phase === 'sending' || !c) return;
    const d = this.#draft;
    const body: FeedbackBody = {
      id: newId(),
      message: d.message.trim(),
      category: this.categories ? d.category : undefined,
      rating: on(this.rating) ? d.rating : undefined,
      email: on(this.email) ? d.email?.trim() || undefined : undefined,
      context: this.context === 'off' ? undefined : pageContext(this.resolvedLocale),
      honeypot: this.renderRoot.querySelector<HTMLInputElement>('.hp')!.value,
      elapsedMs: Date.now() - (this.#startedAt ?? Date.now()),
    };
    const errors: FieldErrors = (this.#errors = {});
    if (!body.message) errors.message = this.t('required');
    try {
      parseOrThrow(FeedbackSubmit, { ...body, message: '-' }, 'feedback'); // the protocol's own email check
    } catch (err) {
      if ((err as KithError).path === 'email') errors.email = this.t('badEmail');
    }
    if (this.email === 'required' && !body.email) errors.email = this.t('badEmail');
    if (errors.message || errors.email) return this.#focus();
    const { id, message, category, rating, email } = body;
    if (!this.emit('kith-feedback-submit', { id, message, category, rating, email })) return;
    this.#pending = body;
    this.#phase = 'sending';
    this.requestUpdate();
    c.track('submit', 'feedback');
    try {
      const t = this.captchaToken;
      body.captchaToken = (typeof t === 'function' ? await t() : t) || undefined;
    } catch {
      // a failing captcha hook never blocks the visitor: the backend decides without a token
    }
    const r = await sendFeedback(c, body);
    this.#deliver(id, r.state === 'sent' ? 'delivered' : r.state, (r as { error?: KithError }).error);
  };

  /** How the pending submission went: from sendFeedback() at first, then from the outbox. */
  #deliver(id: string, state: string, error?: KithError) {
    const p = this.#pending;
    if (p?.id !== id) return;
    const was = this.#phase;
    // acknowledged or held by the outbox: the draft is no longer needed, unless the visitor wrote on
    // while it was sending (then it stays for "Send more")
    if (was === 'sending' && state !== 'rejected' && this.#draft.message.trim() === p.message) {
      this.#draft = { message: '' };
      this.#startedAt = undefined;
      writeDraft(this.#key); // (the thank-you replaces the form, so the next one starts empty, honeypot too)
    }
    if (state === 'rejected') {
      this.#pending = undefined;
      // nothing typed is lost: a refused item's text comes back unless the visitor is writing anew
      if (!this.#draft.message) this.prefill({ message: p.message, category: p.category, rating: p.rating, email: p.email });
      this.#phase = 'rejected';
      this.#refusal = error;
      this.emit('kith-feedback-error', { id, error: error!, queued: false });
    } else if (state === 'delivered') {
      this.#pending = undefined;
      if (was !== 'form') this.#phase = 'sent';
      this.emit('kith-feedback-sent', { id });
    } else if (state === 'queued' && was !== 'form') {
      this.#phase = error?.kind === 'rate-limited' ? 'rate-limited' : 'queued';
      this.#wait = error?.retryAfter;
      if (error && was === 'sending') this.emit('kith-feedback-error', { id, error, queued: true });
    }
    if (was === 'sending') this.#focus();
    else this.requestUpdate();
  }

  #status(): string {
    const p = this.#phase;
    const e = this.#refusal!;
    const s = this.#wait ?? 60;
    const when = () => new Intl.RelativeTimeFormat(this.resolvedLocale).format(Math.ceil(s < 60 ? s : s / 60), s < 60 ? 'second' : 'minute');
    if (p === 'rejected') return `${this.errorText(e)} ${e.problem?.detail ?? ''}`.trim();
    if (p === 'rate-limited') return this.t('slow', { when: when() });
    return p === 'form' ? '' : p === 'sent' ? this.successMessage || this.t('sent') : this.t(p); // sending, queued
  }

  protected override get wrapperClass(): string {
    return this.#launcher && !this.failure && !this.misconfigured ? (this.position ?? 'bottom-right').replace('-', ' ') : '';
  }

  protected override updated(): void {
    // The launcher lives in the top layer (popover), so no page z-index, not even a fixed header at
    // the maximum, covers it; leaving the page takes it out, so connecting puts it back.
    if (this.isConnected) this.renderRoot.querySelector<HTMLElement>('[popover]')?.togglePopover?.(true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.updateComplete.then(() => this.updated());
  }

  protected override renderBody() {
    const done = DONE.includes(this.#phase);
    const panel = html`<div class="head">
        <h2 id="title" part="title" tabindex="-1">${this.t(done ? 'thanks' : 'feedback')}</h2>
        ${this.#launcher ? html`<button class="btn ghost icon close" part="close" aria-label=${this.t('close')} @click=${this.close}>✕</button>` : nothing}
      </div>
      <p part="status" class=${this.#phase === 'rejected' ? 'msg' : 'status'} role="status">${this.#status()}</p>
      ${done ? html`<button class="btn" part="button more" @click=${this.#more}>${this.t('more')}</button>` : this.#form()}`;
    return this.#launcher
      ? html`<button class="btn primary launcher-btn" part="launcher" popover="manual" aria-expanded=${this.#open} aria-controls="panel" @click=${() => (this.#open ? this.close() : this.open())}>
            ${this.launcherLabel || this.t('feedback')}
          </button>
          <dialog id="panel" class="popover" part="panel" aria-labelledby="title" @keydown=${this.#dialog.keydown} @cancel=${this.#dialog.cancel}>${panel}</dialog>`
      : html`<section class="card" part="panel" aria-labelledby="title">${panel}</section>`;
  }

  #form() {
    const d = this.#draft;
    const e = this.#errors;
    const kind = this.rating;
    const thumbs = kind === 'thumbs';
    const req = this.email === 'required';
    const cats = words(this.categories);
    const field = (id: 'message' | 'email', o: Partial<Parameters<typeof textField>[0]>) =>
      html`${textField({
        id,
        label: '',
        value: d[id] ?? '',
        invalid: !!e[id],
        describedBy: e[id] && `${id}-msg`,
        onInput: (v) => this.prefill({ [id]: v }),
        ...o,
      })}${e[id] ? html`<p class="msg" id=${`${id}-msg`}>${e[id]}</p>` : nothing}`;
    return html`<form part="form" novalidate @submit=${this.#submit}>
      ${cats.length
        ? choiceList({
            name: 'category',
            label: this.t('topic'),
            choices: cats.map((id) => ({ id, label: KNOWN.includes(id) ? this.t(id) : id })),
            selected: d.category ? [d.category] : [],
            onChange: ([category]) => this.prefill({ category }),
          })
        : nothing}
      ${field('message', {
        label: this.t('message'),
        multiline: true,
        maxLength: Math.floor(this.maxLength ?? 2000),
        placeholder: this.placeholder,
        required: true,
        counter: (n) => this.t('left', { n }),
      })}
      ${on(kind)
        ? ratingScale({
            name: 'rating',
            label: this.t('rate'),
            from: thumbs ? 0 : 1,
            to: thumbs ? 1 : 5,
            kind: thumbs ? 'numbers' : (kind as 'stars'),
            value: d.rating,
            format: (n) => (n ? '👍' : '👎'),
            itemLabel: (n) => (thumbs ? this.t(n ? 'up' : 'down') : this.t('of', { n, max: 5 })),
            onChange: (rating) => this.prefill({ rating }),
          })
        : nothing}
      ${on(this.email) ? field('email', { label: this.t(req ? 'email' : 'emailOpt'), required: req, email: true }) : nothing}
      <input class="hp sr-only" name="website" tabindex="-1" autocomplete="off" aria-hidden="true">
      <div class="actions"><button class="btn primary" part="button submit" aria-disabled=${this.#phase === 'sending'}>${this.t('submit')}</button></div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kith-feedback': KithFeedback;
  }
  interface HTMLElementEventMap {
    'kith-feedback-open': CustomEvent<{ display: FeedbackDisplay }>;
    'kith-feedback-close': CustomEvent<{ display: FeedbackDisplay }>;
    'kith-feedback-submit': CustomEvent<{ id: string } & FeedbackDraft>;
    'kith-feedback-sent': CustomEvent<{ id: string }>;
    'kith-feedback-error': CustomEvent<{ id: string; error: KithError; queued: boolean }>;
  }
}
