// @ts-check
// The feedback inbox: newest first, filtered by status (or the spam that anti-spam kept out), a
// status per item, and more pages by the API's cursor.
import { path } from './adminApi.js';
import { byId, focusOn, h, newId } from './dom.js';
import { number, time } from './format.js';
import { View } from './view.js';

/**
 * @typedef {import('./adminApi.js').FeedbackItem} FeedbackItem
 * @typedef {import('./adminApi.js').FeedbackPage} FeedbackPage
 * @typedef {import('./adminApi.js').FeedbackStatus} FeedbackStatus
 * @typedef {import('./main.js').ViewContext} ViewContext
 */

/** Every status the server knows (the type makes a missing or unknown one an error), in workflow order. */
const STATUS_LABELS = /** @satisfies {Record<FeedbackStatus, string>} */ ({
  new: 'New',
  read: 'Read',
  'in-progress': 'In progress',
  done: 'Done',
  archived: 'Archived',
});
const STATUSES = /** @type {FeedbackStatus[]} */ (Object.keys(STATUS_LABELS));
const PAGE_SIZE = 20;

export class Inbox extends View {
  /** @type {string | null} */
  #cursor = null;
  #shown = 0;
  /** The check of the load that shows the current list ("Load more" adds to it only while it holds). */
  #current = () => false;
  #list = byId('inbox-items', HTMLOListElement);
  #filter = byId('inbox-filter', HTMLSelectElement);
  #more = byId('inbox-more', HTMLButtonElement);
  #empty = byId('inbox-empty', HTMLParagraphElement);

  /** @param {ViewContext} ctx */
  constructor(ctx) {
    super(ctx, 'inbox-refresh');
    this.#filter.addEventListener('change', () => this.load(this.site, { announce: true }));
    this.#more.addEventListener('click', () => this.#loadMore());
  }

  /**
   * The first page for `site` with the chosen filter.
   * @override
   * @param {string} site
   * @param {{ announce?: boolean }} [opts]
   */
  async load(site, opts = {}) {
    this.site = site;
    const current = this.begin();
    const page = await this.#page(null);
    if (!page || !current()) return;
    this.#current = current;
    this.reset();
    this.#show(page);
    if (opts.announce) this.ctx.announce(this.#shown ? `${number(this.#shown)} feedback items shown${page.nextCursor ? ', more to load' : ''}.` : 'No feedback here.');
  }

  /** @override */
  reset() {
    this.#list.replaceChildren();
    this.#shown = 0;
    this.#cursor = null;
    this.#more.hidden = true;
    this.#empty.hidden = true;
  }

  async #loadMore() {
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus it has
    if (this.#more.getAttribute('aria-disabled') === 'true') return;
    const current = this.#current;
    this.#more.setAttribute('aria-disabled', 'true');
    const page = await this.#page(this.#cursor);
    this.#more.removeAttribute('aria-disabled');
    if (!page || !current()) return;
    const first = this.#show(page);
    this.ctx.announce(`${number(page.items.length)} more loaded, ${number(this.#shown)} shown.`);
    // the button leaves with the last page: focus goes to the first item it brought
    if (this.#more.hidden && first) focusOn(first);
  }

  /**
   * @param {string | null} cursor
   * @returns {Promise<FeedbackPage | undefined>}
   */
  async #page(cursor) {
    const filter = this.#filter.value;
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (filter === 'spam') query.set('spam', 'true');
    else if (filter) query.set('status', filter);
    if (cursor) query.set('cursor', cursor);
    try {
      return await this.ctx.api.get(`${path`/sites/${this.site}/feedback`}?${query}`);
    } catch (e) {
      this.ctx.fail(e);
      return undefined;
    }
  }

  /**
   * Appends a page; returns the heading of its first item.
   * @param {FeedbackPage} page
   */
  #show(page) {
    const cards = page.items.map((item) => this.#card(item));
    this.#list.append(...cards.map((c) => c.item));
    this.#shown += page.items.length;
    this.#cursor = page.nextCursor;
    this.#more.hidden = !page.nextCursor;
    this.#empty.hidden = this.#shown > 0;
    return cards[0]?.heading;
  }

  /** @param {FeedbackItem} f */
  #card(f) {
    const headingId = newId('feedback');
    const labelId = newId('status-label');
    const heading = h('h3', { id: headingId }, f.category ? `${f.category}, ` : 'Feedback, ', time(f.createdAt));
    const status = h('select', { 'aria-labelledby': `${labelId} ${headingId}` }, STATUSES.map((s) => h('option', { value: s, selected: s === f.status }, STATUS_LABELS[s])));
    status.addEventListener('change', () => this.#setStatus(f, status, heading.textContent ?? ''));
    /** @type {[string, string | number | undefined][]} */
    const facts = [
      ['Rating', f.rating],
      ['Email', f.email],
      ['Page', f.context?.url],
      ['Page title', f.context?.title],
      ['Language', f.context?.locale],
      ['Screen', f.context?.viewport],
      ['Member', f.memberId],
      ['Spam', f.spam ? `yes${f.spamReason ? ` (${f.spamReason})` : ''}` : undefined],
    ];
    const item = h(
      'li',
      { class: f.spam ? 'card spam' : 'card' },
      h(
        'article',
        { 'aria-labelledby': headingId },
        heading,
        h('p', { class: 'message' }, f.message),
        h(
          'dl',
          { class: 'facts' },
          facts.filter(([, value]) => value !== undefined && value !== '').map(([name, value]) => h('div', {}, h('dt', {}, name), h('dd', {}, String(value)))),
        ),
        h('p', { class: 'field' }, h('span', { id: labelId }, 'Status'), status),
      ),
    );
    return { item, heading };
  }

  /**
   * @param {FeedbackItem} f
   * @param {HTMLSelectElement} select
   * @param {string} what the item's heading, for the message
   */
  async #setStatus(f, select, what) {
    const wanted = /** @type {FeedbackStatus} */ (select.value);
    try {
      /** @type {FeedbackItem} */
      const saved = await this.ctx.api.patch(path`/sites/${this.site}/feedback/${f.id}`, { status: wanted });
      f.status = saved.status;
      this.ctx.announce(`${what}: marked ${STATUS_LABELS[saved.status].toLowerCase()}.`);
    } catch (e) {
      this.ctx.fail(e);
    } finally {
      select.value = f.status;
    }
  }
}
