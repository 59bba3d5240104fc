import { html } from 'lit';

/**
 * A determinate progress bar; `text` is what assistive technology reads (`Question 2 of 5`).
 * The fill's width is set with a `.style` property write (style.cssText, the CSSOM), which a strict
 * Content-Security-Policy allows where it blocks a style attribute; the fill owns its whole inline style.
 */
export const progressBar = (value: number, max: number, text: string) =>
  html`<div
    class="progress"
    part="progress"
    role="progressbar"
    aria-label=${text}
    aria-valuetext=${text}
    aria-valuemin="0"
    aria-valuemax=${max}
    aria-valuenow=${value}><div class="fill" .style=${`transform:scaleX(${max > 0 ? Math.min(1, value / max) : 0})`}></div></div>`;
