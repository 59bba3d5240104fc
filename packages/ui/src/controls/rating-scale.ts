import { html, nothing } from 'lit';
import type { Content } from './content.ts';

export interface RatingScaleOptions {
  /** Radio group name and id prefix, unique in the shadow root. */
  name: string;
  /** The question, as the group's legend. */
  label: Content;
  from: number;
  to: number;
  value?: number;
  kind?: 'numbers' | 'stars' | 'emoji';
  /** Words under the two ends (`Not likely`, `Very likely`). */
  low?: Content;
  high?: Content;
  /** Help text under the legend. */
  hint?: Content;
  invalid?: boolean;
  /** Ids of elements describing the group (an error message). */
  describedBy?: string;
  /** How a number is shown (locale digits). */
  format: (n: number) => string;
  /** The accessible name of one option: `3 of 5`. */
  itemLabel: (n: number) => string;
  onChange: (n: number) => void;
}

const FACES = ['😞', '🙁', '😐', '🙂', '😀'];

/**
 * A rating scale (numbers such as NPS 0-10, stars, or emoji faces) as a native radio group: arrows
 * move and select, one tab stop, and the legend names it.
 */
export function ratingScale(o: RatingScaleOptions) {
  const kind = o.kind ?? 'numbers';
  const values = Array.from({ length: o.to - o.from + 1 }, (_, i) => o.from + i);
  const ends = o.low || o.high ? `${o.name}-ends` : '';
  const hint = o.hint ? `${o.name}-hint` : '';
  const glyph = (n: number) =>
    kind === 'stars' ? '★' : kind === 'emoji' ? FACES[Math.round(((n - o.from) * 4) / (o.to - o.from))] : o.format(n);
  const on = (n: number) => o.value !== undefined && (kind === 'stars' ? n <= o.value : n === o.value);
  // no whitespace between tags here: text nodes there would be bytes and DOM nodes for nothing
  return html`<fieldset
    class="scale ${kind}"
    part="scale"
    role="radiogroup"
    aria-invalid=${o.invalid ? 'true' : nothing}
    aria-describedby=${[hint, ends, o.describedBy].filter(Boolean).join(' ') || nothing}><legend class="legend">${o.label}</legend>${
    hint ? html`<p class="muted hint" id=${hint}>${o.hint}</p>` : nothing
  }<div class="opts">${values.map(
    (n) => html`<label class="opt ${on(n) ? 'on' : ''}" part="option${on(n) ? ' option-selected' : ''}"><input
        class="sr-only"
        type="radio"
        name=${o.name}
        .value=${String(n)}
        .checked=${o.value === n}
        aria-label=${o.itemLabel(n)}
        @change=${() => o.onChange(n)}
      /><span aria-hidden="true">${glyph(n)}</span></label>`,
  )}</div>${
    ends ? html`<div class="ends muted" id=${ends}><span>${o.low}</span><span>${o.high}</span></div>` : nothing
  }</fieldset>`;
}
