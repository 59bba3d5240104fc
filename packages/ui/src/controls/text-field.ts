import { html, nothing } from 'lit';
import type { Content } from './content.ts';

export interface TextFieldOptions {
  /** The control's id, unique in the shadow root. */
  id: string;
  label: Content;
  value: string;
  multiline?: boolean;
  maxLength?: number;
  placeholder?: string;
  required?: boolean;
  /** Help text under the label. */
  hint?: Content;
  invalid?: boolean;
  describedBy?: string;
  /** An email address: `autocomplete=email` (WCAG 1.3.5) and a phone's email keyboard, no capitals. */
  email?: boolean;
  /** The counter's text for the characters left (shown when `maxLength` is set). */
  counter?: (left: number) => string;
  onInput: (value: string) => void;
}

/** A labelled text input or textarea with a characters-left counter. */
export function textField(o: TextFieldOptions) {
  const count = o.maxLength && o.counter ? `${o.id}-count` : '';
  const hint = o.hint ? `${o.id}-hint` : '';
  const input = (e: Event) => o.onInput((e.target as HTMLInputElement).value);
  const describedBy = [hint, o.describedBy, count].filter(Boolean).join(' ') || nothing;
  const invalid = o.invalid ? 'true' : nothing;
  const email = o.email ? 'email' : nothing;
  // no whitespace between tags here: text nodes there would be bytes and DOM nodes for nothing
  return html`<div class="field"><label class="legend" for=${o.id}>${o.label}</label>${
    hint ? html`<p class="muted hint" id=${hint}>${o.hint}</p>` : nothing
  }${o.multiline
      ? html`<textarea
          id=${o.id}
          part="input"
          maxlength=${o.maxLength ?? nothing}
          placeholder=${o.placeholder || nothing}
          ?required=${o.required}
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          .value=${o.value}
          @input=${input}></textarea>`
      : html`<input
          type="text"
          id=${o.id}
          autocomplete=${email}
          inputmode=${email}
          autocapitalize=${o.email ? 'off' : nothing}
          part="input"
          maxlength=${o.maxLength ?? nothing}
          placeholder=${o.placeholder || nothing}
          ?required=${o.required}
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          .value=${o.value}
          @input=${input} />`}${
    count ? html`<span class="muted count" id=${count}>${o.counter!(o.maxLength! - o.value.length)}</span>` : nothing
  }</div>`;
}
