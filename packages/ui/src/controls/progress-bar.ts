import { html } from 'lit';
import { cssProps } from '../css-props.ts';

/** A determinate progress bar; `text` is what assistive technology reads (`Question 2 of 5`). */
export const progressBar = (value: number, max: number, text: string) =>
  html`<div
    class="progress"
    part="progress"
    role="progressbar"
    aria-label=${text}
    aria-valuetext=${text}
    aria-valuemin="0"
    aria-valuemax=${max}
    aria-valuenow=${value}
  >
    <div class="fill" style=${cssProps({ transform: `scaleX(${max > 0 ? Math.min(1, value / max) : 0})` })}></div>
  </div>`;
