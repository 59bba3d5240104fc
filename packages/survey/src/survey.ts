import { html, nothing } from 'lit';
import { KithError, getConfig, newId, type Answer, type KithClient, type LocalizedText, type Question, type Survey } from '@kith/client';
import { getSurvey, saveResponse } from '@kith/client/survey';
import {
  KithElement,
  attrIf,
  type EventDetail,
  baseStyles,
  choiceList,
  type Content,
  controlStyles,
  numberIn,
  oneOf,
  otherLang,
  progressBar,
  ratingScale,
  textField,
} from '@kith/ui';
import { isEmpty, nextQuestion, problem } from './logic.ts';
import { surveyLocales, surveyStrings } from './strings.ts';
import { surveyStyles } from './survey.styles.ts';
import type { DialogController } from '@kith/ui/dialog';
import { parseTrigger, type Trigger } from './trigger.ts';
import { eligible, readRecord, recordKey, writeRecord, type VisitorRecord } from './visitor-record.ts';

export type SurveyDisplay = 'inline' | 'popover' | 'modal';

/** What every `kith-survey-*` event carries. */
export interface SurveyEventDetail {
  surveyId: string;
  responseId: string;
}

/**
 * An embedded survey: nps, rating, choice, text and yes/no questions with skip logic, shown inline,
 * as a corner popover or as a modal, on a trigger. Each answer is saved as a partial response
 * through the outbox (kept offline, delivered later) and a reload resumes where the visitor left.
 *
 * @summary A survey a visitor answers in place, in their language, with keyboard or screen reader.
 *
 * @event kith-survey-view - The survey was shown. `detail: { surveyId, responseId }`
 * @event kith-survey-start - The visitor answered a first question. `detail: { surveyId, responseId }`
 * @event kith-survey-answer - A question was answered. `detail: { surveyId, responseId, questionId, answer }`
 * @event kith-survey-complete - The last question was answered. `detail: { surveyId, responseId, answers }`
 * @event kith-survey-dismiss - The visitor closed it before the end. `detail: { surveyId, responseId, questionId }`
 *
 * @csspart base - The wrapper around everything.
 * @csspart survey - The inline survey card.
 * @csspart dialog - The popover or modal dialog.
 * @csspart title - The survey title.
 * @csspart close - The close button (popover and modal).
 * @csspart form - The form around one question.
 * @csspart progress - The progress bar.
 * @csspart question - The question's controls.
 * @csspart scale - A rating or NPS scale.
 * @csspart choices - A choice list.
 * @csspart option - One option of a scale or choice list (`option-selected` when picked).
 * @csspart input - A text field.
 * @csspart button - A button (`next`, `back`).
 * @csspart status - The delivery status line.
 * @csspart thanks - The thank-you screen.
 * @csspart link - The thank-you link.
 * @csspart error - The error state.
 *
 * @cssproperty --kith-survey-min-height - Space reserved for an inline survey while it loads (14rem).
 * @cssproperty --kith-accent - Accent color (and every other `--kith-*` token of @kith/ui).
 */
export class KithSurvey extends KithElement {
  static override styles = [baseStyles, controlStyles, surveyStyles];
  static override strings = surveyStrings;
  static override loaders = surveyLocales;
  static override properties = {
    survey: attrIf(Boolean, 'a survey id'),
    display: oneOf('inline', 'popover', 'modal'),
    trigger: attrIf(
      parseTrigger,
      'immediate, manual, exit-intent, delay:<seconds>s, delay:<ms>ms or scroll:<0-100>%',
    ),
    sample: numberIn(0, 1),
    once: { type: Boolean },
    cooldown: numberIn(0),
  };

  /** The survey id. */
  declare survey?: string;
  /** inline (default), popover or modal; else the definition's `display.mode`. */
  declare display?: SurveyDisplay;
  /** When to open: immediate (default), delay:5s, scroll:50%, exit-intent or manual (`open()`). */
  declare trigger?: string;
  /** Share of visitors who see it, 0 to 1 (each visitor's draw is remembered). */
  declare sample?: number;
  /** Never show again after the visitor finished or dismissed it. */
  declare once: boolean;
  /** Days to wait after the visitor finished or dismissed it before showing it again. */
  declare cooldown?: number;

  #client?: KithClient;
  #def?: Survey;
  #key = '';
  #record: VisitorRecord = {};
  #responseId = '';
  #answers: Record<string, Answer> = {};
  #path: string[] = [];
  #seq = 0;
  #begun = false;
  #open = false;
  #finished = false;
  #off = false;
  #wantOpen = false;
  #error?: string;
  #delivery?: { state: 'sent' | 'queued' | 'rejected'; error?: KithError };
  #cleanup: (() => void)[] = [];
  #saving: Promise<unknown> = Promise.resolve();
  /** The popover or modal's controller, loaded only by a survey that is not inline. */
  #dialog?: Promise<DialogController>;
  #dialogCtl?: DialogController;

  constructor() {
    super();
    this.once = false;
  }

  /** Whether the survey is showing. */
  get isOpen(): boolean {
    return this.#open;
  }

  /** The display mode in effect. */
  get mode(): SurveyDisplay {
    return this.display ?? this.#def?.display?.mode ?? 'inline';
  }

  protected override get lazy(): boolean {
    return this.mode === 'inline';
  }

  #rules() {
    const d = this.#def?.display;
    return { sample: this.sample ?? d?.sample, once: this.once || !!d?.once, cooldown: this.cooldown ?? d?.cooldownDays };
  }

  #trigger(): Trigger {
    return parseTrigger(this.trigger ?? this.#def?.display?.trigger) ?? { kind: 'immediate' };
  }

  protected override async load(client: KithClient, signal: AbortSignal): Promise<void> {
    const id = this.survey;
    if (!id) throw new KithError('invalid-config', 'Set the survey attribute to a survey id.');
    for (const off of this.#cleanup.splice(0)) off(); // a restart: disarm the previous run
    this.#client = client;
    this.#key = recordKey(this.site ?? getConfig().site, id);
    this.#record = client.identity.allowed ? readRecord(this.#key) : {};
    this.#record.roll ??= Math.random();
    this.#persist();
    this.#off = false;
    // decide from the attributes alone first, so a visitor who is not shown the survey costs no request
    if (!eligible(this.#record, this.#rules())) return this.#hide();
    if (this.mode !== 'inline') void this.#controller(); // loads while the definition does
    const def = await getSurvey(client, id, signal);
    // what the schema cannot say: a repeated id (or "end") would make skip logic loop
    const ids = def.questions.map((q) => q.id);
    const dup = ids.find((q, i) => q == 'end' || ids.indexOf(q) < i);
    if (dup != null) throw new KithError('invalid-response', `Question id "${dup}" is repeated or reserved`);
    this.#def = def;
    if (signal.aborted) return; // removed meanwhile (a backend that does not watch the signal): arm nothing
    if (!eligible(this.#record, this.#rules())) return this.#hide();
    this.#resume();
    this.#cleanup.push(
      client.events.on('delivery', ({ item, error }) => {
        if (item.id !== `response-${this.#responseId}` || !this.#delivery) return;
        if (item.state === 'delivered') this.#delivery = { state: 'sent' };
        else if (item.state === 'rejected') this.#delivery = { state: 'rejected', error };
        else return;
        this.requestUpdate();
      }),
    );
    const trigger = this.#trigger();
    if (trigger.kind === 'immediate') queueMicrotask(() => this.open());
    else if (trigger.kind !== 'manual') this.#cleanup.push(this.#arm(trigger));
    if (this.#wantOpen) this.open();
    this.requestUpdate();
  }

  /** Wait for a delay, scroll or exit-intent trigger; its code loads only for a survey that has one. */
  #arm(trigger: Trigger): () => void {
    let live = true;
    let off: (() => void) | undefined;
    void import('./arm-trigger.ts').then((m) => live && (off = m.armTrigger(trigger, () => this.open())));
    return () => {
      live = false;
      off?.();
    };
  }

  #hide() {
    this.#off = true;
    this.requestUpdate();
  }

  /** Continue the response this browser left unfinished, or begin a new one. */
  #resume() {
    const r = this.#record;
    const def = this.#def!;
    const ids = def.questions.map((q) => q.id);
    const ok = r.responseId && r.version === def.version && r.path?.length && r.path.every((id) => ids.includes(id));
    this.#responseId = ok ? r.responseId! : newId();
    this.#answers = ok ? { ...r.answers } : {};
    this.#path = ok ? r.path! : [ids[0]!];
    this.#seq = ok ? (r.seq ?? 0) : 0;
    this.#begun = !!ok;
    this.#finished = false;
    this.#delivery = undefined;
    this.#error = undefined;
  }

  /** Remember the response in progress (or that it is finished) in this browser, where consent allows. */
  #persist() {
    const done = this.#finished;
    if (this.#def) {
      Object.assign(this.#record, {
        responseId: done ? undefined : this.#responseId,
        version: this.#def.version,
        answers: done ? undefined : this.#answers,
        path: done ? undefined : this.#path,
        seq: done ? undefined : this.#seq,
      });
    }
    if (this.#client?.identity.allowed) writeRecord(this.#key, this.#record);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const off of this.#cleanup.splice(0)) off();
    this.#open = false;
    this.#dialogCtl?.hide(); // a popover or modal it showed closes too (re-added, it opens again as its trigger says)
  }

  /** Dispatch `kith-survey-<type>` (with the survey and response ids) and count it as an engagement event. */
  #event<T extends 'view' | 'start' | 'answer' | 'complete' | 'dismiss'>(type: T, extra?: object) {
    const detail = { surveyId: this.survey!, responseId: this.#responseId, ...extra };
    this.emit(`kith-survey-${type}`, detail as EventDetail<`kith-survey-${T}`>);
    this.#client!.track(type, 'survey', this.survey);
  }

  /**
   * Show the survey now (the `manual` trigger). Sampling, `once` and `cooldown` still apply; called
   * before the definition has loaded, it opens once it has.
   */
  open(): void {
    if (!this.#def) return void (this.#wantOpen = true);
    if (this.#open || this.#off) return;
    if (this.#finished) this.#resume();
    this.#wantOpen = false;
    this.#open = true;
    this.requestUpdate();
    this.#event('view');
    if (this.mode !== 'inline') void this.#controller().then((c) => void (this.#open && c.show(this.mode === 'modal')));
  }

  /** Hide the survey; before the end this counts as a dismissal (remembered for `once` and `cooldown`). */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#dialogCtl?.hide();
    if (!this.#finished) {
      this.#record.dismissedAt = Date.now();
      this.#persist();
      this.#event('dismiss', { questionId: this.#path.at(-1) });
    }
    if (!eligible(this.#record, this.#rules())) this.#off = true;
    this.requestUpdate();
  }

  #controller(): Promise<DialogController> {
    return (this.#dialog ??= import('@kith/ui/dialog').then(
      ({ DialogController }) => (this.#dialogCtl = new DialogController(this, () => this.renderRoot.querySelector('dialog'), () => this.close())),
    ));
  }

  get #question(): Question | undefined {
    const id = this.#path.at(-1);
    return this.#def?.questions.find((q) => q.id === id);
  }

  #set(q: Question, answer: Answer | undefined) {
    if (answer === undefined) delete this.#answers[q.id];
    else this.#answers[q.id] = answer;
    this.#error = undefined;
    this.requestUpdate();
  }

  #next = async (e: Event) => {
    e.preventDefault();
    const def = this.#def!;
    const q = this.#question!;
    let a: Answer | undefined = this.#answers[q.id];
    if (isEmpty(a)) this.#set(q, (a = undefined));
    const bad = problem(q, a);
    if (bad) {
      this.#error = this.t(bad[0], { n: bad[1] ?? 0 });
      this.requestUpdate();
      await this.updateComplete;
      this.#focusQuestion();
      return;
    }
    if (!this.#begun) {
      this.#begun = true;
      this.#event('start');
    }
    if (a !== undefined) {
      this.#event('answer', { questionId: q.id, answer: a });
    }
    const to = nextQuestion(def, q, a);
    const finished = to === 'end';
    if (!finished) this.#path = [...this.#path, to];
    const save = this.#save(finished);
    if (finished) {
      this.#finished = true;
      this.#record.doneAt = Date.now();
      this.#event('complete', { answers: this.#answersOnPath() });
    }
    this.#persist();
    this.requestUpdate();
    await this.updateComplete;
    if (finished) this.renderRoot.querySelector<HTMLElement>('.thanks h3')?.focus();
    else this.#focusQuestion();
    await save;
  };

  #back = async () => {
    if (this.#path.length < 2) return;
    this.#path = this.#path.slice(0, -1);
    this.#error = undefined;
    this.#persist();
    this.requestUpdate();
    await this.updateComplete;
    this.#focusQuestion();
  };

  /** Answers to the questions on the visitor's path (a changed branch leaves no stale answers). */
  #answersOnPath(): Record<string, Answer> {
    return Object.fromEntries(this.#path.filter((id) => id in this.#answers).map((id) => [id, this.#answers[id]!]));
  }

  async #save(finished: boolean) {
    const body = {
      responseId: this.#responseId,
      surveyVersion: this.#def!.version,
      // past what any copy of this survey saved (another element or tab resuming the same response):
      // the server keeps only a higher seq
      seq: (this.#seq = Math.max(this.#seq, readRecord(this.#key).seq ?? 0) + 1),
      answers: this.#answersOnPath(),
      finished,
      locale: this.resolvedLocale.slice(0, 35),
      url: location.href.slice(0, 2048),
    };
    this.#persist();
    let d: NonNullable<typeof this.delivery>;
    try {
      // One upsert at a time: each waits until the previous one was acknowledged or queued, so a
      // newer answer never races the outbox settling an older one (seq keeps the order either way).
      const run = this.#saving.then(() => saveResponse(this.#client!, this.survey!, body));
      this.#saving = run.catch(() => {});
      d = await run;
    } catch (e) {
      d = { state: 'rejected', error: e instanceof KithError ? e : new KithError('invalid-config', String(e)) };
    }
    this.#persist();
    this.#delivery = d;
    this.requestUpdate();
  }

  /** How the last save went: sent (acknowledged), queued (saved, will send) or rejected. */
  get delivery(): { state: 'sent' | 'queued' | 'rejected'; error?: KithError } | undefined {
    return this.#delivery;
  }

  #focusQuestion() {
    // in this order (one selector list would give the first match in the page, the first option)
    const q = (s: string) => this.renderRoot.querySelector<HTMLElement>('.q ' + s);
    (q('input:checked') ?? q('[data-roving][tabindex="0"]') ?? q('input,textarea'))?.focus();
  }

  #enter = (e: KeyboardEvent) => {
    const t = e.target as HTMLInputElement;
    if (e.key === 'Enter' && (t.type === 'radio' || t.type === 'checkbox')) {
      e.preventDefault();
      (e.currentTarget as HTMLFormElement).requestSubmit();
    }
  };

  protected override get wrapperClass(): string {
    if (this.failure || this.misconfigured) return '';
    if (this.#off && !this.#open) return 'off';
    return this.mode === 'inline' ? (this.#open || !this.#def ? 'inline' : 'off') : 'floating';
  }

  protected override renderBody() {
    const def = this.#def;
    if (!def) return nothing;
    const body = this.#open ? this.#renderOpen(def) : nothing;
    if (this.mode === 'inline') return this.#open ? html`<section class="card" part="survey" aria-labelledby="title">${body}</section>` : nothing;
    return html`<dialog
      class=${this.mode}
      part="dialog"
      aria-labelledby="title"
      @keydown=${(e: KeyboardEvent) => this.#dialogCtl?.keydown(e)}
      @cancel=${(e: Event) => this.#dialogCtl?.cancel(e)}
    >
      ${body}
    </dialog>`;
  }

  /**
   * Backend text in the visitor's language. Text found only in another language (an English
   * question on a French page) is marked with its own `lang`, so a screen reader reads it in that
   * language's voice (WCAG 3.1.2).
   */
  #l(text: LocalizedText | undefined) {
    const dl = this.#def!.defaultLocale;
    const s = this.l(text, dl);
    const lang = s && otherLang(text, this.resolvedLocale, dl);
    return lang ? html`<span lang=${lang}>${s}</span>` : s;
  }

  #renderOpen(def: Survey) {
    const title = this.#l(def.title);
    return html`<div class="head">
        <h2 id="title" part="title" class=${title ? '' : 'sr-only'} dir="auto">${title || this.t('survey')}</h2>
        ${this.mode === 'inline'
          ? nothing
          : html`<button class="btn ghost icon close" part="close" aria-label=${this.t('close')} @click=${() => this.close()}>
              <span aria-hidden="true">✕</span>
            </button>`}
      </div>
      ${this.#finished ? this.#renderThanks(def) : this.#renderQuestion(def)}`;
  }

  #status() {
    const d = this.#delivery;
    if (d?.state === 'queued') return this.t(this.#finished ? 'thanksQueued' : 'queued');
    if (d?.state === 'rejected') return d.error ? this.errorText(d.error) : this.t('e-rejected');
    return d?.state === 'sent' && this.#finished ? this.t('thanksSent') : '';
  }

  #renderQuestion(def: Survey) {
    const q = this.#question!;
    const index = def.questions.indexOf(q);
    const name = `q${index}`;
    const msg = `${name}-msg`;
    const text = this.#l(q.text);
    const common = {
      name,
      label: q.required ? text : html`${text} (${this.t('optional')})`,
      hint: this.#l(q.description) || undefined,
      invalid: !!this.#error,
      describedBy: this.#error ? msg : undefined,
    };
    const a = this.#answers[q.id];
    const isEnd = nextQuestion(def, q, isEmpty(a) ? undefined : a) === 'end';
    // along the visitor's path: questions answered, this one, and at most those after it (none when
    // this is the last); skip logic that jumps ahead no longer reads "Question 4 of 4" on the second
    const n = this.#path.length;
    const total = isEnd ? n : n - 1 + def.questions.length - index;
    const control = this.#control(q, a, common);
    // Each step (Next or Back changes the path's length by one) renders the question from the other
    // of two templates, so its inputs are new: reused ones would keep the checked state of another
    // question (a checkbox the browser left ticked), which Lit does not see. The two differ in
    // attribute order only, or a minifier would fold them into one.
    return html`<form part="form" novalidate @submit=${this.#next} @keydown=${this.#enter}>
      ${progressBar(n, total, this.t('progress', { n, total }))}
      ${this.#path.length % 2
        ? html`<div class="q" part="question" dir="auto">${control}</div>`
        : html`<div part="question" class="q" dir="auto">${control}</div>`}
      <p class="msg" id=${msg} ?hidden=${!this.#error}>${this.#error}</p>
      <div class="nav">
        ${this.#path.length > 1
          ? html`<button class="btn" part="button back" type="button" @click=${this.#back}>${this.t('back')}</button>`
          : nothing}
        <button class="btn primary" part="button next" type="submit">${this.t(isEnd ? 'submit' : 'next')}</button>
      </div>
      <p class="status" part="status" role="status">${this.#status()}</p>
    </form>`;
  }

  #control(q: Question, a: Answer | undefined, common: { name: string; label: Content; hint?: Content; invalid: boolean; describedBy?: string }) {
    const scale = (from: number, to: number, kind: 'numbers' | 'stars' | 'emoji', low?: Content, high?: Content) =>
      ratingScale({
        ...common,
        from,
        to,
        kind,
        low,
        high,
        value: typeof a === 'number' ? a : undefined,
        format: (n) => this.n(n),
        itemLabel: (n) => (kind === 'numbers' ? this.n(n) : this.t('of', { n, max: to })),
        onChange: (n) => this.#set(q, n),
      });
    switch (q.type) {
      case 'nps':
        return scale(0, 10, 'numbers', this.#l(q.lowLabel) || this.t('low'), this.#l(q.highLabel) || this.t('high'));
      case 'rating':
        return scale(1, q.scale, q.style, this.#l(q.lowLabel), this.#l(q.highLabel));
      case 'yesno':
        return choiceList({
          ...common,
          choices: [
            { id: 'yes', label: this.t('yes') },
            { id: 'no', label: this.t('no') },
          ],
          selected: a === true ? ['yes'] : a === false ? ['no'] : [],
          onChange: ([s]) => this.#set(q, s === 'yes'),
        });
      case 'single':
      case 'multiple': {
        const picked = typeof a === 'object' ? a : undefined;
        return choiceList({
          ...common,
          multiple: q.type === 'multiple',
          choices: q.choices.map((c) => ({ id: c.id, label: this.#l(c.label) })),
          selected: picked?.selected ?? [],
          other: q.other ? { label: this.t('other'), specify: this.t('specify'), text: picked?.other } : undefined,
          onChange: (selected, other) => this.#set(q, other === undefined ? { selected } : { selected, other }),
        });
      }
      case 'text':
        return textField({
          ...common,
          id: common.name,
          value: typeof a === 'string' ? a : '',
          multiline: q.multiline,
          maxLength: q.maxLength,
          placeholder: this.l(q.placeholder, this.#def!.defaultLocale),
          required: q.required,
          counter: (n) => this.t('left', { n }),
          onInput: (v) => this.#set(q, v),
        });
    }
  }

  #renderThanks(def: Survey) {
    const ty = def.thankYou;
    return html`<div class="thanks" part="thanks">
      <h3 tabindex="-1">${this.#l(ty?.title) || this.t('thanks')}</h3>
      ${ty?.body ? html`<p>${this.#l(ty.body)}</p>` : nothing}
      <p class="status" part="status" role="status">${this.#status()}</p>
      ${ty?.link ? html`<a class="btn primary" part="link" href=${ty.link.url}>${this.#l(ty.link.label)}</a>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kith-survey': KithSurvey;
  }
  interface HTMLElementEventMap {
    'kith-survey-view': CustomEvent<SurveyEventDetail>;
    'kith-survey-start': CustomEvent<SurveyEventDetail>;
    'kith-survey-answer': CustomEvent<SurveyEventDetail & { questionId: string; answer: Answer }>;
    'kith-survey-complete': CustomEvent<SurveyEventDetail & { answers: Record<string, Answer> }>;
    'kith-survey-dismiss': CustomEvent<SurveyEventDetail & { questionId?: string }>;
  }
}
