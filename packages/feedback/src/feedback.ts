import { html, nothing, svg } from 'lit';
import { getConfig, newId, parseOrThrow, sendFeedback, type Delivery, type FeedbackAck, type KithClient, type KithError } from '@kith/client';
import { FEEDBACK_MAX_LENGTH, FeedbackSubmit } from '@kith/client/protocol';
import { DialogController, KithElement, baseStyles, choiceList, controlStyles, numberIn, oneOf, ratingScale, textField } from '@kith/ui';
import { draftKey, readDraft, writeDraft, type FeedbackDraft } from './draft.ts';
import { feedbackStyles } from './feedback.styles.ts';
import { pageContext } from './page-context.ts';
import { feedbackStrings } from './strings.ts';

export type FeedbackDisplay = 'inline' | 'launcher';
export type FeedbackPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
/** What the visitor sees: an empty or filled form, sending, or how the last submission went. */
export type FeedbackState = 'idle' | 'writing' | 'sending' | 'sent' | 'queued' | 'rate-limited' | 'rejected';
/** A captcha token, or a function that makes one when the visitor submits. */
export type CaptchaHook = string | (() => string | Promise<string>);

type Phase = 'form' | 'sending' | 'sent' | 'queued' | 'rate-limited' | 'rejected';
type FieldErrors = { message?: string; email?: string };

const KNOWN = ['bug', 'idea', 'praise', 'question', 'other'];
const DONE: Phase[] = ['sent', 'queued', 'rate-limited'];

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
 * @attr categories - Comma list of categories, e.g. `bug,idea,praise,question`; bug, idea, praise, question and other get localized labels, any other word is shown as written.
 * @attr rating - `none` (default), `stars`, `emoji` (1-5) or `thumbs` (0 down, 1 up).
 * @attr email - `off` (default), `optional` or `required`; validated.
 * @attr max-length - Most characters in the message, 1 to 5000 (default 2000).
 * @attr context - `on` (default): send the page URL (without #fragment), title, locale and viewport; `off`: send none.
 * @attr placeholder - Placeholder of the message field.
 * @attr success-message - Text shown once the server acknowledged the feedback.
 * @attr name - Keeps this box's draft apart from other boxes on the site (default: the element's id).
 * @attr captcha-token - A captcha token passed through to the backend.
 *
 * @prop {string | (() => string | Promise<string>)} captchaToken - A token, or a function called at submit that returns one.
 * @prop {FeedbackState} state - idle, writing, sending, sent, queued, rate-limited or rejected (read-only).
 * @prop {boolean} isOpen - Whether the launcher's panel is open (read-only).
 *
 * @method open - Open the launcher's panel (inline: focus the message field).
 * @method close - Close the launcher's panel; focus returns where it was (the launcher).
 * @method prefill - Fill fields: `prefill({ message, category, rating, email })`.
 *
 * @event kith-feedback-open - The launcher's panel opened. `detail: { display }`
 * @event kith-feedback-close - The launcher's panel closed. `detail: { display }`
 * @event kith-feedback-submit - The visitor submitted (cancelable: `preventDefault()` stops the sending). `detail: { id, message, category?, rating?, email? }`
 * @event kith-feedback-sent - The server acknowledged the feedback (at once, or later from the outbox). `detail: { id, ack? }`
 * @event kith-feedback-error - The server refused it (`queued: false`, text kept) or it is waiting to be retried (`queued: true`). `detail: { id, error, queued }`
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
 * @csspart button - The submit (`submit`) and "send more" (`more`) buttons.
 * @csspart thanks - The thank-you view.
 * @csspart status - The status line: sending, sent, saved or the server's refusal.
 * @csspart error - The error state (misconfigured).
 *
 * @cssproperty --kith-feedback-offset - Distance of the launcher from the viewport's edges (1rem).
 * @cssproperty --kith-feedback-z-index - Stacking order of the launcher and its panel.
 * @cssproperty --kith-accent - Accent color (and every other `--kith-*` token of @kith/ui).
 */
export class KithFeedback extends KithElement {
  static override styles = [baseStyles, controlStyles, feedbackStyles];
  static override strings = feedbackStrings;
  static override properties = {
    display: oneOf('inline', 'launcher'),
    position: oneOf('bottom-right', 'bottom-left', 'top-right', 'top-left'),
    launcherLabel: { attribute: 'launcher-label' },
    categories: {},
    rating: oneOf('none', 'stars', 'emoji', 'thumbs'),
    email: oneOf('off', 'optional', 'required'),
    maxLength: numberIn(1, FEEDBACK_MAX_LENGTH, { attribute: 'max-length' }),
    context: oneOf('on', 'off'),
    placeholder: {},
    successMessage: { attribute: 'success-message' },
    name: {},
    captchaToken: { attribute: 'captcha-token' },
  };

  /** inline (default) or launcher. */
  declare display?: FeedbackDisplay;
  /** Corner of the launcher (bottom-right by default). */
  declare position?: FeedbackPosition;
  declare launcherLabel?: string;
  /** Comma list of category ids. */
  declare categories?: string;
  declare rating?: 'none' | 'stars' | 'emoji' | 'thumbs';
  declare email?: 'off' | 'optional' | 'required';
  declare maxLength?: number;
  declare context?: 'on' | 'off';
  declare placeholder?: string;
  declare successMessage?: string;
  /** Keeps this box's draft apart from other boxes on the site. */
  declare name?: string;
  /** A captcha token, or a function called at submit that returns one. */
  declare captchaToken?: CaptchaHook;

  #client?: KithClient;
  #key = '';
  #draft: FeedbackDraft = { message: '' };
  #startedAt?: number;
  #phase: Phase = 'form';
  #errors: FieldErrors = {};
  #refusal?: KithError;
  #wait?: number;
  /** The submission the outbox still holds, kept to restore its text if it is refused later. */
  #pending?: FeedbackSubmit;
  #open = false;
  #off?: () => void;
  #dialog = new DialogController(this, () => this.renderRoot.querySelector('dialog'), () => this.close());

  /** idle, writing, sending, sent, queued, rate-limited or rejected. */
  get state(): FeedbackState {
    return this.#phase === 'form' ? (this.#draft.message ? 'writing' : 'idle') : this.#phase;
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
    this.#key = draftKey(this.site ?? getConfig().site, this.name ?? this.id);
    const saved = client.identity.allowed ? readDraft(this.#key) : undefined;
    if (saved) {
      const { startedAt, ...draft } = saved;
      this.#draft = { ...this.#draft, ...draft };
      this.#startedAt = startedAt;
    }
    if (!this.#launcher) this.#startedAt ??= Date.now();
    this.#off?.();
    this.#off = client.events.on('delivery', ({ item, error }) => this.#later(item.id, item.state, error));
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#off?.();
    this.#open = false;
  }

  /** Open the launcher's panel and focus the message (inline: just focus it). */
  open(): void {
    this.#startedAt ??= Date.now();
    if (!this.#launcher) return void this.#focus();
    if (this.#open) return;
    this.#open = true;
    this.requestUpdate();
    void this.#dialog.show(false, false).then(() => this.#focus());
    this.emit('kith-feedback-open', { display: 'launcher' });
    this.#client?.track('open', 'feedback');
  }

  /** Close the launcher's panel; focus goes back where it was before `open()`. */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#dialog.hide();
    if (DONE.includes(this.#phase)) this.#reset();
    this.requestUpdate();
    this.emit('kith-feedback-close', { display: 'launcher' });
  }

  /** Fill fields for the visitor (a message template, a category, an email you already know). */
  prefill(values: Partial<FeedbackDraft>): void {
    this.#set(values);
  }

  #set(patch: Partial<FeedbackDraft>) {
    this.#draft = { ...this.#draft, ...patch };
    for (const k of Object.keys(patch)) delete this.#errors[k as keyof FieldErrors];
    this.#save();
    this.requestUpdate();
  }

  #save() {
    if (!this.#key || !this.#client?.identity.allowed) return;
    const d = this.#draft;
    const empty = !d.message && !d.email && !d.category && d.rating === undefined;
    writeDraft(this.#key, empty ? undefined : { ...d, startedAt: this.#startedAt });
  }

  #reset() {
    this.#phase = 'form';
    this.#refusal = undefined;
    this.#startedAt = Date.now();
  }

  #focus() {
    const q = (sel: string) => this.renderRoot.querySelector<HTMLElement>(sel);
    (DONE.includes(this.#phase) ? q('h2') : (q('[aria-invalid=true]') ?? q('#message')))?.focus();
  }

  /** The categories from the attribute: trimmed, without blanks or repeats, each within the protocol's 40 characters. */
  get #categories() {
    return [...new Set((this.categories ?? '').split(',').map((c) => c.trim().slice(0, 40)))].filter(Boolean);
  }

  #submit = async (e: Event) => {
    e.preventDefault();
    if (this.#phase === 'sending' || !this.#client) return;
    const d = this.#draft;
    const wantEmail = this.email === 'optional' || this.email === 'required';
    const email = wantEmail ? d.email?.trim() || undefined : undefined;
    const range = this.rating === 'thumbs' ? [0, 1] : [1, 5];
    const rating = this.rating && this.rating !== 'none' && d.rating! >= range[0]! && d.rating! <= range[1]! ? d.rating : undefined;
    const hp = this.renderRoot.querySelector<HTMLInputElement>('.hp input');
    const token = this.captchaToken;
    const body: FeedbackSubmit = {
      id: newId(),
      message: d.message.trim(),
      category: this.#categories.includes(d.category!) ? d.category : undefined,
      rating,
      email,
      context: this.context === 'off' ? undefined : pageContext(this.resolvedLocale),
      honeypot: hp?.value ?? '',
      elapsedMs: Date.now() - (this.#startedAt ?? Date.now()),
    };
    const errors: FieldErrors = {};
    if (!body.message) errors.message = this.t('needMessage');
    if (this.email === 'required' && !email) errors.email = this.t('badEmail');
    try {
      parseOrThrow(FeedbackSubmit, { ...body, message: body.message || '-' }, 'feedback');
    } catch (err) {
      if ((err as KithError).path === 'email') errors.email = this.t('badEmail');
    }
    this.#errors = errors;
    if (errors.message || errors.email) {
      this.requestUpdate();
      await this.updateComplete;
      return this.#focus();
    }
    const { id, message, category } = body;
    if (!this.emit('kith-feedback-submit', { id, message, category, rating, email })) return;
    this.#phase = 'sending';
    this.requestUpdate();
    this.#client.track('submit', 'feedback');
    try {
      const made = typeof token === 'function' ? await token() : token;
      if (made) body.captchaToken = made;
    } catch {
      // a failing captcha hook does not block the visitor: the backend decides without a token
    }
    const delivery = await sendFeedback(this.#client, body);
    this.#settle(body, delivery);
    if (hp && delivery.state !== 'rejected') hp.value = '';
  };

  #settle(body: FeedbackSubmit, d: Delivery<FeedbackAck>) {
    if (d.state === 'rejected') return this.#refuse(body.id, d.error);
    this.#pending = d.state === 'queued' ? body : undefined;
    this.#phase = d.state === 'sent' ? 'sent' : d.error?.kind === 'rate-limited' ? 'rate-limited' : 'queued';
    this.#wait = d.state === 'queued' ? d.error?.retryAfter : undefined;
    this.#draft = { message: '' };
    this.#startedAt = undefined;
    if (this.#key) writeDraft(this.#key); // the outbox holds it now
    if (d.state === 'sent') this.emit('kith-feedback-sent', { id: body.id, ack: d.ack });
    else if (d.error) this.emit('kith-feedback-error', { id: body.id, error: d.error, queued: true });
    this.requestUpdate();
    void this.updateComplete.then(() => this.#focus());
  }

  #refuse(id: string, error: KithError) {
    this.#phase = 'rejected';
    this.#refusal = error;
    for (const { path } of error.problem?.errors ?? []) {
      if (path === 'email' || path === 'message') this.#errors[path] = this.t(path === 'email' ? 'badEmail' : 'needMessage');
    }
    this.emit('kith-feedback-error', { id, error, queued: false });
    this.requestUpdate();
  }

  /** What happened to a queued submission after the page was told "saved, will send". */
  #later(id: string, state: string, error?: KithError) {
    const p = this.#pending;
    if (p?.id !== id) return;
    const waiting = this.#phase === 'queued' || this.#phase === 'rate-limited';
    if (state === 'delivered') {
      this.#pending = undefined;
      if (waiting) this.#phase = 'sent';
      this.emit('kith-feedback-sent', { id });
    } else if (state === 'rejected' && error) {
      this.#pending = undefined;
      // nothing typed is lost: bring the refused text back unless the visitor is writing something new
      if (!this.#draft.message) this.#set({ message: p.message, category: p.category, rating: p.rating, email: p.email });
      return this.#refuse(id, error);
    } else if (state === 'queued' && error && waiting) {
      this.#phase = error.kind === 'rate-limited' ? 'rate-limited' : 'queued';
      this.#wait = error.retryAfter;
    }
    this.requestUpdate();
  }

  /** The rate limit's wait, as "in 30 seconds" in the visitor's language. */
  #when(): string {
    const s = this.#wait;
    if (s === undefined) return this.t('soon');
    const rtf = new Intl.RelativeTimeFormat(this.resolvedLocale, { numeric: 'auto' });
    return s < 60 ? rtf.format(Math.ceil(s), 'second') : s < 3600 ? rtf.format(Math.ceil(s / 60), 'minute') : rtf.format(Math.ceil(s / 3600), 'hour');
  }

  #status(): string {
    const e = this.#refusal;
    switch (this.#phase) {
      case 'sending':
        return this.t('sending');
      case 'sent':
        return this.successMessage || this.t('thanksSent');
      case 'queued':
        return this.t('queued');
      case 'rate-limited':
        return this.t('slow', { when: this.#when() });
      case 'rejected': {
        const text = this.errorText(e!);
        const detail = e!.problem?.detail;
        return detail ? `${text} ${detail}` : text;
      }
      default:
        return '';
    }
  }

  protected override get wrapperClass(): string {
    if (this.failure || this.misconfigured) return '';
    return this.#launcher ? `launcher ${(this.position ?? 'bottom-right').replace('-', ' ')}` : '';
  }

  protected override updated(): void {
    // Identify Input Purpose (WCAG 1.3.5): the shared text field does not take these attributes yet
    const email = this.renderRoot.querySelector('#email');
    email?.setAttribute('autocomplete', 'email');
    email?.setAttribute('inputmode', 'email');
    email?.setAttribute('spellcheck', 'false');
  }

  protected override renderBody() {
    if (!this.#launcher) return html`<section class="card" part="panel" aria-labelledby="title">${this.#panel()}</section>`;
    return html`<button
        class="btn primary launcher-btn"
        part="launcher"
        aria-expanded=${String(this.#open)}
        aria-controls="panel"
        @click=${() => (this.#open ? this.close() : this.open())}
      >
        ${svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>`}
        <span>${this.launcherLabel || this.t('feedback')}</span>
      </button>
      <dialog id="panel" class="popover" part="panel" aria-labelledby="title" @keydown=${this.#dialog.keydown} @cancel=${this.#dialog.cancel}>
        ${this.#panel()}
      </dialog>`;
  }

  #panel() {
    const done = DONE.includes(this.#phase);
    return html`<div class="head">
        <h2 id="title" part="title" tabindex="-1">${this.t(done ? 'thanks' : 'title')}</h2>
        ${this.#launcher
          ? html`<button class="btn ghost icon close" part="close" aria-label=${this.t('close')} @click=${() => this.close()}>
              <span aria-hidden="true">✕</span>
            </button>`
          : nothing}
      </div>
      ${done
        ? html`<div class="thanks" part="thanks">
            <button class="btn" part="button more" @click=${this.#more}>${this.t('more')}</button>
          </div>`
        : this.#form()}
      <p part="status" class=${this.#phase === 'rejected' ? 'msg' : 'status'} role="status">${this.#status()}</p>`;
  }

  #more = async () => {
    this.#reset();
    this.requestUpdate();
    await this.updateComplete;
    this.#focus();
  };

  #form() {
    const d = this.#draft;
    const e = this.#errors;
    const cats = this.#categories;
    const kind = this.rating ?? 'none';
    const thumbs = kind === 'thumbs';
    const msg = (id: string, text?: string) => (text ? html`<p class="msg" id=${`${id}-msg`}>${text}</p>` : nothing);
    return html`<form part="form" novalidate @submit=${this.#submit} @keydown=${this.#keydown}>
      ${cats.length
        ? choiceList({
            name: 'category',
            label: this.t('topic'),
            choices: cats.map((id) => ({ id, label: KNOWN.includes(id) ? this.t(id) : id })),
            selected: d.category ? [d.category] : [],
            onChange: ([category]) => this.#set({ category }),
          })
        : nothing}
      ${textField({
        id: 'message',
        label: this.t('message'),
        value: d.message,
        multiline: true,
        maxLength: Math.floor(this.maxLength ?? 2000),
        placeholder: this.placeholder,
        required: true,
        invalid: !!e.message,
        describedBy: e.message ? 'message-msg' : undefined,
        counter: (n) => this.t('left', { n }),
        onInput: (message) => this.#set({ message }),
      })}
      ${msg('message', e.message)}
      ${kind === 'none'
        ? nothing
        : html`<div class=${kind}>
            ${ratingScale({
              name: 'rating',
              label: this.t('rate'),
              from: thumbs ? 0 : 1,
              to: thumbs ? 1 : 5,
              kind: kind === 'thumbs' ? 'numbers' : kind,
              value: d.rating,
              format: (n) => (n ? '👍' : '👎'),
              itemLabel: (n) => (thumbs ? this.t(n ? 'up' : 'down') : this.t('of', { n, max: 5 })),
              onChange: (rating) => this.#set({ rating }),
            })}
          </div>`}
      ${this.email === 'optional' || this.email === 'required'
        ? html`${textField({
            id: 'email',
            label: this.t(this.email === 'required' ? 'email' : 'emailOpt'),
            value: d.email ?? '',
            required: this.email === 'required',
            invalid: !!e.email,
            describedBy: e.email ? 'email-msg' : undefined,
            onInput: (email) => this.#set({ email }),
          })}${msg('email', e.email)}`
        : nothing}
      <label class="hp" aria-hidden="true">Website <input type="text" name="website" tabindex="-1" autocomplete="off" /></label>
      <div class="actions">
        <button class="btn primary" part="button submit" type="submit" aria-disabled=${this.#phase === 'sending' ? 'true' : nothing}>
          ${this.t('submit')}
        </button>
      </div>
    </form>`;
  }

  /** Ctrl/Cmd+Enter sends from the message field. */
  #keydown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      (e.currentTarget as HTMLFormElement).requestSubmit();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'kith-feedback': KithFeedback;
  }
  interface HTMLElementEventMap {
    'kith-feedback-open': CustomEvent<{ display: FeedbackDisplay }>;
    'kith-feedback-close': CustomEvent<{ display: FeedbackDisplay }>;
    'kith-feedback-submit': CustomEvent<{ id: string } & FeedbackDraft>;
    'kith-feedback-sent': CustomEvent<{ id: string; ack?: FeedbackAck }>;
    'kith-feedback-error': CustomEvent<{ id: string; error: KithError; queued: boolean }>;
  }
}
