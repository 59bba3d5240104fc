// @ts-check
// The moderation queue: hidden and reported topics, each with a hide or restore button.
import { path } from './adminApi.js';
import { byId, focusOn, h, newId } from './dom.js';
import { number, time } from './format.js';
import { View } from './view.js';

/**
 * @typedef {import('./adminApi.js').ModerationItem} ModerationItem
 * @typedef {import('./adminApi.js').ModerationQueue} ModerationQueue
 * @typedef {import('./adminApi.js').Topic} Topic
 * @typedef {import('./main.js').ViewContext} ViewContext
 */

/** @param {Topic} t */
const state = (t) => (!t.hidden ? 'Visible, reported' : t.hiddenReason === 'reports' ? 'Hidden by reports' : 'Hidden by an admin');

export class Moderation extends View {
  #list = byId('moderation-items', HTMLOListElement);
  #empty = byId('moderation-empty', HTMLParagraphElement);
  #rule = byId('moderation-rule', HTMLParagraphElement);
  #heading = byId('moderation-title', HTMLHeadingElement);

  /** @param {ViewContext} ctx */
  constructor(ctx) {
    super(ctx, 'moderation-refresh');
  }

  /**
   * @override
   * @param {string} site
   * @param {{ announce?: boolean }} [opts]
   */
  async load(site, opts = {}) {
    this.site = site;
    const current = this.begin();
    try {
      /** @type {ModerationQueue} */
      const queue = await this.ctx.api.get(path`/sites/${site}/moderation`);
      if (!current()) return;
      this.reset();
      this.#rule.textContent =
        queue.threshold > 0
          ? `A topic is hidden when ${number(queue.threshold)} different people report it; restoring it starts the count again.`
          : 'Reports never hide a topic on this site (its report threshold is 0).';
      this.#list.append(...queue.items.map((m) => this.#card(m)));
      this.#empty.hidden = queue.items.length > 0;
      if (opts.announce) this.ctx.announce(queue.items.length ? `${number(queue.items.length)} topics to moderate.` : 'Nothing to moderate.');
    } catch (e) {
      this.ctx.fail(e);
    }
  }

  /** @override */
  reset() {
    this.#list.replaceChildren();
    this.#rule.textContent = '';
    this.#empty.hidden = true;
  }

  /** @param {ModerationItem} m */
  #card({ topic, reports, reasons, notes }) {
    const headingId = newId('topic');
    const action = h('button', { type: 'button', 'aria-describedby': headingId }, topic.hidden ? 'Restore' : 'Hide');
    action.addEventListener('click', () => this.#setHidden(topic, !topic.hidden));
    /** @type {[string, string | Node][]} */
    const facts = [
      ['State', state(topic)],
      ['Reports', `${number(reports)}${Object.keys(reasons).length ? ` (${Object.entries(reasons).map(([reason, n]) => `${reason} ${number(n)}`).join(', ')})` : ''}`],
      ['Author', topic.author.name || topic.author.id],
      ['Tags', topic.tags.join(', ')],
      ['Votes', number(topic.votes)],
      ['Link', topic.url ?? ''],
      ['Created', time(topic.createdAt)],
    ];
    return h(
      'li',
      { class: topic.hidden ? 'card hidden-topic' : 'card' },
      h(
        'article',
        { 'aria-labelledby': headingId },
        h('h3', { id: headingId }, topic.title),
        topic.excerpt ? h('p', { class: 'message' }, topic.excerpt) : null,
        h('dl', { class: 'facts' }, facts.filter(([, v]) => v !== '').map(([name, value]) => h('div', {}, h('dt', {}, name), h('dd', {}, value)))),
        notes.length ? [h('p', { class: 'quotes-title' }, 'Reporters’ notes'), h('ul', { class: 'quotes' }, notes.map((n) => h('li', {}, n)))] : null,
        action,
      ),
    );
  }

  /**
   * @param {Topic} topic
   * @param {boolean} hidden
   */
  async #setHidden(topic, hidden) {
    try {
      await this.ctx.api.patch(path`/sites/${this.site}/topics/${topic.id}`, { hidden });
      await this.load(this.site);
      // the button was replaced with the list: focus goes back to the section
      focusOn(this.#heading);
      this.ctx.announce(`“${topic.title}” ${hidden ? 'hidden' : 'restored'}.`);
    } catch (e) {
      this.ctx.fail(e);
    }
  }
}
