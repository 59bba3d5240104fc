import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement as HTMLElement | null;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
  return el;
}

const FOCUSABLE = ':is(input,textarea,select,button):enabled,a[href],[tabindex="0"]';

/**
 * Drives a `<dialog>` the host renders: `show(true)` opens it modal (page inert, focus inside),
 * `show(false)` as a non-modal popover; Esc and the native cancel call `onDismiss`; `hide()` returns
 * focus to where it was. Bind `@keydown=${c.keydown}` and `@cancel=${c.cancel}` on the dialog.
 *
 *   #dialog = new DialogController(this, () => this.renderRoot.querySelector('dialog'), () => this.close());
 */
export class DialogController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #find: () => HTMLDialogElement | null | undefined;
  #onDismiss: () => void;
  #returnTo: HTMLElement | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, find: () => HTMLDialogElement | null | undefined, onDismiss: () => void) {
    this.#host = host;
    this.#find = find;
    this.#onDismiss = onDismiss;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#returnTo = null;
  }

  /** Moved in the page: leaving it took an open popover out of the top layer; put it back. */
  hostConnected(): void {
    const d = this.#find();
    if (d?.open && d.popover && !d.matches(':popover-open')) this.#top(d);
  }

  /**
   * A non-modal dialog in the top layer (a popover): above any page z-index and the feedback launcher
   * (itself a popover, shown earlier). Inert meanwhile: showing a dialog as a popover would move focus
   * in (the dialog focusing steps), and a popover that opens by itself must not take it.
   */
  #top(d: HTMLDialogElement) {
    d.popover = 'manual';
    d.inert = true;
    try {
      d.showPopover();
    } finally {
      d.inert = false;
    }
  }

  /** Open the dialog (after the host's pending render); moves focus in when modal or when `focus`. */
  async show(modal: boolean, focus = modal): Promise<void> {
    await this.#host.updateComplete;
    const d = this.#find();
    if (!d) return;
    const active = deepActiveElement();
    if (!d.contains(active)) this.#returnTo = active;
    // a popover that opened by itself: Esc returns focus to where the visitor came into it from
    d.addEventListener('focusin', this.#entered);
    if (!d.open) {
      try {
        if (modal) d.showModal();
        // non-modal in the top layer where there is one, and `open` too, so it reads as open either way
        // (a browser without the popover API has no showPopover)
        else if ((d as Partial<HTMLDialogElement>).showPopover) this.#top(d), d.setAttribute('open', '');
        else if (focus) d.show();
        // show() would move focus in (the dialog focusing steps): a popover that opens by itself must
        // not take focus from whatever the visitor is typing into
        else d.setAttribute('open', '');
      } catch {
        d.setAttribute('open', ''); // not in the document yet, or a browser without dialog support
      }
    }
    if (focus) this.focusFirst();
  }

  /** Focus the first field or button inside the dialog (the close button last). */
  focusFirst(): void {
    const d = this.#find();
    const all = [...(d?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    (all.find((el) => !el.classList.contains('close')) ?? all[0] ?? d)?.focus();
  }

  /** Close the dialog; focus goes back to where it was before `show()` if it was inside. */
  hide(): void {
    const d = this.#find();
    if (!d) return;
    const root = this.#host.shadowRoot;
    const inside = !!root?.activeElement && d.contains(root.activeElement);
    if (d.popover && d.matches(':popover-open')) d.hidePopover();
    if (d.open) d.close();
    if (inside && this.#returnTo?.isConnected) this.#returnTo.focus();
    this.#returnTo = null;
  }

  #entered = (e: FocusEvent) => {
    const from = e.relatedTarget as HTMLElement | null;
    if (from && !(e.currentTarget as Node).contains(from)) this.#returnTo = from;
  };

  keydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    e.stopPropagation();
    this.#onDismiss();
  };

  cancel = (e: Event): void => {
    e.preventDefault();
    this.#onDismiss();
  };
}
