import { css } from 'lit';

export const surveyStyles = css`
  .kith.inline {
    min-height: var(--kith-survey-min-height, 14rem);
  }
  .kith.off {
    display: none;
  }
  .kith.floating {
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
  .head:has(h2.sr-only) {
    justify-content: end;
    margin-block-end: 0;
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
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: end;
  }
  .status:empty {
    display: none;
  }
  .thanks a {
    justify-self: start;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
  }
  .thanks h3 {
    font-size: 1.125em;
  }
  .thanks h3:focus {
    outline: none; /* focused by script so screen readers announce it; not an interactive control */
  }
`;
