import { css } from 'lit';

// --_border is the same in both themes, so only the light block sets it.
const dark = css`
  --_bg: var(--kith-bg, #18181b);
  --_fg: var(--kith-fg, #f4f4f5);
  --_muted: var(--kith-muted, #a1a1aa);
  --_surface: var(--kith-surface, #27272a);
  --_accent: var(--kith-accent, #a5b4fc);
  --_on-accent: var(--kith-on-accent, #1e1b4b);
  --_error: var(--kith-error, #fca5a5);
  --_success: var(--kith-success, #86efac);
  color-scheme: dark;
`;

/**
 * The base every widget's styles start with: inherited properties reset at :host (so host page CSS
 * cannot leak in), the `--kith-*` tokens for light and dark, focus rings, buttons and fields.
 */
export const baseStyles = css`
  :host {
    all: initial;
    display: block;
    font-family: var(--kith-font, inherit);
    font-size: var(--kith-font-size, 1rem);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }
  .kith {
    /* Page rules on * reach the host element and would inherit inward; the wrapper, which no page
       selector can reach, resets them all again and takes back only the font family and size (set
       on :host from the --kith-* tokens or the page, on purpose). */
    all: initial;
    box-sizing: border-box;
    display: block;
    font-family: inherit;
    font-size: inherit;
    line-height: 1.5;
    -webkit-text-size-adjust: 100%;
    --_bg: var(--kith-bg, #fff);
    --_fg: var(--kith-fg, #18181b);
    --_muted: var(--kith-muted, #52525b);
    --_border: var(--kith-border, #71717a);
    --_surface: var(--kith-surface, #f4f4f5);
    --_accent: var(--kith-accent, #4338ca);
    --_on-accent: var(--kith-on-accent, #fff);
    --_error: var(--kith-error, #b91c1c);
    --_success: var(--kith-success, #15803d);
    --_radius: var(--kith-radius, 0.5rem);
    --_space: var(--kith-space, 1rem);
    --_shadow: var(--kith-shadow, 0 0.5rem 2rem #0003);
    color-scheme: light;
    color: var(--_fg);
    background: var(--_bg);
    border-radius: var(--_radius);
  }
  .kith[data-theme='dark'] {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    .kith[data-theme='auto'] {
      ${dark}
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    ::before,
    ::after {
      animation: none !important;
      transition: none !important;
    }
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  [hidden] {
    display: none !important;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.125em;
    font-weight: 600;
  }
  .muted,
  .status {
    color: var(--_muted);
  }
  .muted,
  .status,
  .msg {
    font-size: 0.875em;
  }
  .msg {
    color: var(--_error);
  }
  .btn,
  [type='text'],
  textarea {
    font: inherit;
    min-height: 2.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
  }
  .btn {
    min-width: 2.5rem;
    padding: 0.375rem 1rem;
    cursor: pointer;
  }
  .btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .btn.ghost {
    border-color: #0000;
    background: none;
  }
  .btn:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .btn:hover:not(:disabled) {
    filter: brightness(0.95);
  }
  .icon {
    padding: 0;
    line-height: 1;
    font-size: 1.25em;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  /* [type=text], not input[type=text]: [aria-invalid=true] below must win over the border */
  [type='text'],
  textarea {
    padding: 0.5rem 0.75rem;
    width: 100%;
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  /* Text on the accent is white or black by the accent's lightness (unless --kith-on-accent says),
     so a brand accent stays readable in both themes; [data-theme] outranks the dark defaults. Black
     and white contrast alike at OKLCH lightness 0.565, so the better one is always chosen. */
  @supports (color: oklch(from red l c h)) {
    .kith[data-theme] {
      --_on-accent: var(--kith-on-accent, oklch(from var(--_accent) clamp(0, (0.57 - l) * 1000, 1) 0 0));
    }
  }
`;
