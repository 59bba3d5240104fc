import { html, nothing } from 'lit';
import type { Content } from './content.ts';
import { roving } from './roving.ts';

export interface ChoiceListOptions {
  /** Input name and id prefix, unique in the shadow root. */
  name: string;
  /** The question, as the group's legend. */
  label: Content;
  /** Checkboxes (with roving focus) instead of radios. */
  multiple?: boolean;
  choices: { id: string; label: Content }[];
  selected: readonly string[];
  /** Offer "other" with a text field; `text` is undefined while "other" is not picked. */
  other?: { label: string; specify: string; text?: string; maxLength?: number };
  /** Help text under the legend. */
  hint?: Content;
  invalid?: boolean;
  describedBy?: string;
  /** The new selection; `other` is the "other" text, undefined when "other" is not picked. */
  onChange: (selected: string[], other?: string) => void;
}

/** A radio or checkbox group of labelled native inputs, with an optional "other" text field. */
export function choiceList(o: ChoiceListOptions) {
  const type = o.multiple ? 'checkbox' : 'radio';
  const otherOn = o.other?.text !== undefined;
  const hint = o.hint ? `${o.name}-hint` : '';
  const first = Math.max(0, o.choices.findIndex((c) => o.selected.includes(c.id)));
  const toggle = (id: string, checked: boolean) => {
    if (!o.multiple) return o.onChange([id]);
    o.onChange(checked ? [...o.selected, id] : o.selected.filter((s) => s !== id), o.other?.text);
  };
  const item = (label: Content, checked: boolean, i: number, change: (checked: boolean) => void) =>
    html`<label class="choice ${checked ? 'on' : ''}" part="option${checked ? ' option-selected' : ''}"><input
        type=${type}
        name=${o.name}
        .checked=${checked}
        data-roving=${o.multiple ? '' : nothing}
        tabindex=${o.multiple ? (i === first ? 0 : -1) : nothing}
        @change=${(e: Event) => change((e.target as HTMLInputElement).checked)}
      /><span>${label}</span></label>`;
  // no whitespace between tags here: text nodes there would be bytes and DOM nodes for nothing
  return html`<fieldset
    class="choices"
    part="choices"
    role=${o.multiple ? nothing : 'radiogroup'}
    aria-invalid=${o.invalid ? 'true' : nothing}
    aria-describedby=${[hint, o.describedBy].filter(Boolean).join(' ') || nothing}
    @keydown=${o.multiple ? roving : undefined}><legend class="legend">${o.label}</legend>${
    hint ? html`<p class="muted hint" id=${hint}>${o.hint}</p>` : nothing
  }<div class="opts">${o.choices.map((c, i) => item(c.label, o.selected.includes(c.id), i, (on) => toggle(c.id, on)))}${
    o.other
      ? item(o.other.label, otherOn, o.choices.length, (on) =>
          o.onChange(o.multiple ? [...o.selected] : [], on ? (o.other!.text ?? '') : undefined),
        )
      : nothing
  }</div>${
    o.other && otherOn
      ? html`<input
          type="text"
          class="other"
          part="input"
          aria-label=${o.other.specify}
          placeholder=${o.other.specify}
          maxlength=${o.other.maxLength ?? 1000}
          .value=${o.other.text ?? ''}
          @input=${(e: Event) => o.onChange([...o.selected], (e.target as HTMLInputElement).value)} />`
      : nothing
  }</fieldset>`;
}
