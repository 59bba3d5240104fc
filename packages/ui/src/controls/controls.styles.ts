import { css } from 'lit';

/** Styles of the shared controls: rating scale, choice list, progress bar, dialog and popover. */
export const controlStyles = css`
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .legend {
    display: block;
    padding: 0;
    margin-block-end: 0.5rem;
    font-weight: 600;
  }
  .hint {
    margin-block: -0.25rem 0.5rem;
  }
  .field .hint {
    margin: 0;
  }
  .opts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .opt {
    position: relative;
    display: grid;
    place-items: center;
    flex: 1 0 auto;
    min-width: 2.25rem;
    min-height: 2.5rem;
    padding: 0 0.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    font-variant-numeric: tabular-nums;
  }
  .opt.on {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  :is(.opt, .choice):has(:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .numbers .opts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(1.5rem, 1fr));
  }
  /* 2px gaps: the 0-10 scale keeps one row in a 360px phone's dialog (24px targets, 2.5.8) */
  .numbers .opts {
    gap: 2px;
  }
  .numbers .opt {
    min-width: 1.5rem;
    padding: 0;
  }
  :is(.stars, .emoji) .opts {
    gap: 0;
  }
  :is(.stars, .emoji) .opt {
    flex: 0 0 auto;
    min-width: 2.75rem;
    border-color: #0000;
    background: none;
    font-size: 1.75rem;
    line-height: 1;
  }
  /* the stars up to the hovered one light up */
  .stars .opt,
  .stars .opts:hover .opt:hover ~ .opt {
    color: var(--_border);
  }
  .stars .opt.on,
  .stars .opts:hover .opt {
    color: var(--_accent);
  }
  .emoji .opt {
    filter: grayscale(1);
    opacity: 0.7;
  }
  .emoji .opt:is(.on, :hover) {
    filter: none;
    opacity: 1;
    border-color: var(--_accent);
    color: inherit;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    margin-block-start: 0.25rem;
  }
  .choices .opts {
    display: grid;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.5rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .choice.on {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .choice input {
    accent-color: var(--_accent);
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    flex: none;
  }
  .choice input:focus-visible {
    outline: none;
  }
  .other {
    margin-block-start: 0.5rem;
  }
  .count {
    justify-self: end;
  }
  .progress {
    height: 0.25rem;
    border-radius: 1rem;
    background: var(--_surface);
    overflow: hidden;
  }
  .progress .fill {
    height: 100%;
    background: var(--_accent);
    transform-origin: left;
    transition: transform 0.2s;
  }
  [dir='rtl'] .progress .fill {
    transform-origin: right;
  }
  @media (forced-colors: active) {
    /* backgrounds become the page's Canvas: the bar keeps a border and its fill a system color */
    .progress {
      border: 1px solid CanvasText;
    }
    .progress .fill {
      forced-color-adjust: none;
      background: Highlight;
    }
    :is(.opt, .choice).on {
      outline: 3px solid Highlight;
      outline-offset: -3px;
    }
    .stars .opt {
      forced-color-adjust: none;
      color: GrayText;
    }
    .stars .opt.on {
      color: Highlight;
      outline: none;
    }
  }
  dialog {
    border: 1px solid var(--_border);
    padding: 0;
    background: var(--_bg);
    color: var(--_fg);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    width: min(30rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    overflow: auto;
  }
  /* :modal: a popover in the top layer has a backdrop too, and must not dim the page it leaves usable */
  dialog:modal::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog.popover {
    position: fixed;
    inset-block: auto 1rem;
    inset-inline: auto 1rem;
    margin: 0;
    z-index: 2147483646;
  }
`;
