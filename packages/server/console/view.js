// @ts-check
// What the console's three views share: their context, the site they show, a Refresh button, and
// dropping answers that a newer load (or a sign-out) has overtaken.
import { byId } from './dom.js';

/** @typedef {import('./main.js').ViewContext} ViewContext */

/** A part of the console that shows one site's data; subclasses give `load` and `reset`. */
export class View {
  /** @protected @type {ViewContext} */
  ctx;
  /** The site shown (a site key). */
  site = '';
  #run = 0;

  /**
   * @param {ViewContext} ctx
   * @param {string} refreshId the id of the view's Refresh button
   */
  constructor(ctx, refreshId) {
    this.ctx = ctx;
    byId(refreshId, HTMLButtonElement).addEventListener('click', () => this.load(this.site, { announce: true }));
  }

  /**
   * Shows `site`'s data; with `announce`, says what it found in the live region.
   * @param {string} site
   * @param {{ announce?: boolean }} [opts]
   * @returns {Promise<void>}
   */
  async load(site, opts) {
    throw new Error(`${this.constructor.name} does not load ${site} ${opts}`);
  }

  /**
   * Marks the start of a load; the check it returns stays true until a newer load or a sign-out.
   * @protected
   */
  begin() {
    const run = ++this.#run;
    return () => run === this.#run;
  }

  /** Forgets what was shown and drops answers still on their way (sign-out). */
  clear() {
    this.#run++;
    this.reset();
  }

  /** Empties what the view shows. @protected */
  reset() {}
}
