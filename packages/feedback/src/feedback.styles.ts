import { css } from 'lit';

export const feedbackStyles = css`
  .kith.launcher {
    display: contents;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .card,
  dialog {
    padding: var(--_space);
  }
  .head {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: 0.5rem;
    margin-block-end: 0.75rem;
  }
  .head h2:focus {
    outline: none;
  }
  .close {
    margin: -0.5rem;
    margin-inline-start: auto;
  }
  form,
  .thanks {
    display: grid;
    gap: 0.75rem;
  }
  .thanks {
    justify-items: start;
  }
  .actions {
    display: flex;
    justify-content: end;
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  [role='status']:not(:empty) {
    margin-block-start: 0.5rem;
  }
  .thumbs .opt {
    font-size: 1.5rem;
  }
  /* the honeypot: out of sight and out of the tab order, but not display:none, which bots skip */
  .hp {
    position: absolute;
    inset-inline-start: -100vw;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .launcher-btn,
  dialog.popover {
    position: fixed;
    inset: auto;
    z-index: var(--kith-feedback-z-index, 2147483000);
  }
  .launcher-btn {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    border-radius: 2rem;
    box-shadow: var(--_shadow);
  }
  .launcher-btn svg {
    width: 1.25em;
    height: 1.25em;
    fill: currentColor;
  }
  .kith.bottom > .launcher-btn {
    bottom: var(--kith-feedback-offset, 1rem);
  }
  .kith.top > .launcher-btn {
    top: var(--kith-feedback-offset, 1rem);
  }
  .kith.right > * {
    right: var(--kith-feedback-offset, 1rem);
  }
  .kith.left > * {
    left: var(--kith-feedback-offset, 1rem);
  }
  .kith.bottom > dialog {
    bottom: calc(var(--kith-feedback-offset, 1rem) + 3.5rem);
  }
  .kith.top > dialog {
    top: calc(var(--kith-feedback-offset, 1rem) + 3.5rem);
  }
  dialog.popover {
    margin: 0;
    max-height: calc(100dvh - 2 * var(--kith-feedback-offset, 1rem) - 3.5rem);
  }
`;
