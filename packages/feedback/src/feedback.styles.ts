import { css } from 'lit';

// One rule per line: Lit's css`` is shipped as written, so whitespace here is bytes on every page.
export const feedbackStyles = css`
.kith { --o: var(--kith-feedback-offset, 1rem) }
.card { border: 1px solid var(--_border); border-radius: inherit }
.card, dialog { padding: var(--_space) }
.head { display: flex; justify-content: space-between; margin-block-end: .75rem }
.close { margin: -.5rem }
form { display: grid; gap: .75rem }
.actions { text-align: end }
[role=status]:not(:empty) { margin-block-end: .75rem }
.kith > dialog { inset: auto; margin: 0; max-height: calc(100dvh - 2 * var(--o) - 3.5rem) }
.launcher-btn { position: fixed; z-index: 2147483646; inset: auto; border-radius: 2rem; box-shadow: var(--_shadow) }
.kith.bottom > * { bottom: var(--o) }
.kith.top > * { top: var(--o) }
.kith.right > * { right: var(--o) }
.kith.left > * { left: var(--o) }
.kith.bottom > dialog { bottom: calc(var(--o) + 3.5rem) }
.kith.top > dialog { top: calc(var(--o) + 3.5rem) }
`;
