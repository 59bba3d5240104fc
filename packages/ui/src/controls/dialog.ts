import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement as HTMLElement | null;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLElement;
  return el;
}

const FOCUSABLE = ':is(input,textarea,select,button):enabled,a[href],[tabindex="0"]';

/**
 * Drives a `<dialog>` the host renders: `show(true)` opens it modal (page inert and not scrolling,
 * focus inside), `show(false)` as a non-modal popover; Esc and the native cancel call `onDismiss`;
 * `hide()` returns focus to where it was. Bind `@keydown=${c.keydown}` and `@cancel=${c.cancel}` on
 * the dialog.
 *
 *   #dialog = new DialogController(this, () => this.renderRoot.querySelector('dialog'), () => this.close());
 */
export class DialogController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #find: () => HTMLDialogElement | null | undefined;
  #onDismiss: () => void;
  #returnTo?: HTMLElement | null;
  /** This dialog's scroll lock while it is modal: a sheet in the page's `adoptedStyleSheets`. */
  #lock?: CSSStyleSheet;
  /** Shown as a modal (until `hide()`). */
  #modal = false;

  constructor(host: ReactiveControllerHost & HTMLElement, find: () => HTMLDialogElement | null | undefined, onDismiss: () => void) {
    this.#host = host;
    this.#find = find;
    this.#onDismiss = onDismiss;
    host.addController(this);
  }

  /** Out of the page (or closed, from `hide()`): a modal it had open no longer is one; its scroll lock goes. */
  hostDisconnected(): void {
    this.#returnTo = null;
    this.#unlock();
  }

  /** Re-rendered while locked: a modal that is gone (a new display mode, the error state) or was closed without `hide()` unlocks the page. */
  hostUpdated(): void {
    if (!this.#find()?.matches(':modal')) this.#unlock();
  }

  #unlock() {
    if (this.#lock) (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s != this.#lock)), (this.#lock = undefined);
  }

  /**
   * Moved in the page: leaving it took an open dialog out of the top layer, and a modal came back as
   * a plain open dialog (no backdrop, the page live); put each back as it was.
   */
  hostConnected(): void {
    const d = this.#find();
    if (!d?.open || d.matches(':modal')) return;
    if (this.#modal) d.close(), void this.show(true);
    else if (d.popover && !d.matches(':popover-open')) this.#top(d);
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
    this.#modal = modal;
    await this.#host.updateComplete;
    const d = this.#find();
    if (!d) return;
    const active = deepActiveElement();
    if (!d.contains(active)) this.#returnTo = active;
    // a popover that opened by itself: Esc returns focus to where the visitor came into it from
    d.addEventListener('focusin', this.#entered);
    if (!d.open) {
      try {
        if (modal) {
          d.showModal();
          // The page behind does not scroll either (wheel, touch, Space or PageDown on the backdrop): a
          // sheet of this dialog's own in the page's adoptedStyleSheets, so the page stays locked while
          // any Kith modal is open, and the page's inline styles are never touched (nothing to restore;
          // CSSOM, so a strict CSP allows it). Where the page had a scrollbar, `scrollbar-gutter: stable`
          // keeps its room so nothing moves sideways (on the scrollbar's side in RTL too; overlay
          // scrollbars take none). `hostDisconnected()` takes it out again.
          if (!this.#lock) document.adoptedStyleSheets.push((this.#lock = new CSSStyleSheet()));
          this.#lock.replaceSync(
            `:root{overflow:hidden!important;scrollbar-gutter:${innerWidth > document.documentElement.clientWidth ? 'stable' : 'auto'}}`,
          );
        }
        // non-modal in the top layer where there is one (a browser without the popover API has no
        // showPopover), with `open` too (below), so it reads as open either way
        else if ((d as Partial<HTMLDialogElement>).showPopover) this.#top(d);
        // show() would move focus in (the dialog focusing steps): a popover that opens by itself must
        // not take focus from whatever the visitor is typing into
        else if (focus) d.show();
      } catch {
        // not in the document yet, or a browser without dialog support: `open` below
      }
      if (!d.open) d.setAttribute('open', '');
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
    if (d) {
      const root = this.#host.shadowRoot;
      const inside = !!root?.activeElement && d.contains(root.activeElement);
      if (d.popover && d.matches(':popover-open')) d.hidePopover();
      if (d.open) d.close();
      if (inside && this.#returnTo?.isConnected) this.#returnTo.focus();
    }
    this.#modal = false;
    this.hostDisconnected();
  }

  #entered = (e: FocusEvent) => {
    const from = e.relatedTarget as HTMLElement | null;
    if (from && !(e.currentTarget as Node).contains(from)) this.#returnTo = from;
  };

  keydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.stopPropagation();
    this.cancel(e);
  };

  cancel = (e: Event): void => {
    e.preventDefault();
    this.#onDismiss();
  };
}
