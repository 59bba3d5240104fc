import { html, nothing, svg, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { KithError, newId, parseOrUndefined, type KithClient, type ReportReason, type Topic, type TopicQuery } from '@kith/client';
import { VoteAck, listTopics, vote } from '@kith/client/topics';
import { KithElement, attrIf, baseStyles, controlStyles, numberIn, oneOf } from '@kith/ui';
import type { TopicReport } from './report.ts';
import { TopicFeed, ago, ordered, safeHref, splitTags } from './feed.ts';
import { hotTopicsStyles } from './hot-topics.styles.ts';
import { hotTopicsLocales, hotTopicsStrings } from './strings.ts';

export type TopicLayout = 'list' | 'compact' | 'cards';

/** `kith-topic-open`: the visitor followed a topic's link; cancel it to handle the navigation yourself. */
export interface TopicOpenDetail {
  topicId: string;
  url: string;
}
/** `kith-topic-vote`: the visitor voted (1) or took the vote back (0); cancel it to stop the vote. */
export interface TopicVoteDetail {
  topicId: string;
  value: 0 | 1;
}
/** `kith-topic-report`: the visitor sent a report; cancel it to stop the report. */
export interface TopicReportDetail {
  topicId: string;
  reason: ReportReason;
  note?: string;
}

const icon = (d: string) => svg`<svg viewBox="0 0 16 16" aria-hidden="true"><path d=${d} /></svg>`;
const ARROW = icon('M8 3l6 9H2z');
const BUBBLE = icon('M2 2h12v9H7l-3 3v-3H2zm1.5 1.5v6h9v-6z');

// Shorthand in `properties` below, so the manifest takes these attribute names from the fields' @attr tags.
const linkTarget = { attribute: 'link-target' };
const communityUrl = attrIf(safeHref, 'an http(s) URL', { attribute: 'community-url' });

/**
 * A feed of what the community talks about: hot, new or top topics, pinned and promoted ones first,
 * with voting, reporting, tag filters, paging and live updates that never move the list under the
 * reader (new topics wait behind a "N new topics" button). Every backend string is rendered as text;
 * only http(s) URLs become links or images.
 *
 * @summary Trending community topics, live, in the visitor's language.
 *
 * @event kith-topic-open - A topic link was followed (cancelable). `detail: { topicId, url }`
 * @event kith-topic-vote - The visitor voted or took the vote back (cancelable). `detail: { topicId, value }`
 * @event kith-topic-report - The visitor reported a topic (cancelable). `detail: { topicId, reason, note? }`
 *
 * @csspart base - The wrapper around everything.
 * @csspart filters - The group of tag filter chips.
 * @csspart chip - One tag filter chip (`aria-pressed` tells the chosen one).
 * @csspart new-button - The "N new topics" button.
 * @csspart list - The list of topics.
 * @csspart topic - One topic (also `pinned`, `promoted`).
 * @csspart title - A topic's title (a link when it has an http(s) URL).
 * @csspart flag - The pinned or promoted mark.
 * @csspart excerpt - A topic's excerpt (not in the compact layout).
 * @csspart meta - Author, time and tags.
 * @csspart avatar - The author's picture (or initial).
 * @csspart author - The author's name.
 * @csspart time - The relative time of the last activity.
 * @csspart tag - One tag of a topic.
 * @csspart vote - The vote button, an arrow named "Upvote" (`vote-on` when voted), or the vote count without `voting`.
 * @csspart vote-count - The vote count beside the vote button.
 * @csspart replies - The reply count.
 * @csspart report-button - A topic's report button.
 * @csspart more - The "load more" button.
 * @csspart see-all - The community link.
 * @csspart empty - The empty state.
 * @csspart notice - A message about a vote or report, shown in that topic.
 * @csspart dialog - The report dialog.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error state.
 *
 * @cssproperty --kith-accent - Accent color (and every other `--kith-*` token of @kith/ui).
 * @cssproperty --kith-hot-topics-card-width - Smallest card width in the cards layout (16rem).
 */
export class KithHotTopics extends KithElement {
  static override styles = [baseStyles, controlStyles, hotTopicsStyles];
  static override strings = hotTopicsStrings;
  static override loaders = hotTopicsLocales;
  static override properties = {
    sort: oneOf('hot', 'new', 'top'),
    period: oneOf('day', 'week', 'month', 'all'),
    tag: {},
    tags: {},
    limit: numberIn(1, 100),
    layout: oneOf('list', 'compact', 'cards'),
    live: numberIn(0, Infinity, 0),
    voting: { type: Boolean },
    reporting: { type: Boolean },
    linkTarget,
    communityUrl,
  };

  /** hot (default), new or top. */
  declare sort?: TopicQuery['sort'];
  /** For `sort="top"`: day, week, month or all (the backend's default). */
  declare period?: TopicQuery['period'];
  /** Show only topics with this tag, or with any tag of a comma list. */
  declare tag?: string;
  /** Show filter chips ("All" and each tag): a comma list of tags. */
  declare tags?: string;
  /** Topics per page, 1 to 100 (10). */
  declare limit?: number;
  /** list (default), compact (one line, no excerpt or tags) or cards. */
  declare layout?: TopicLayout;
  /** Live updates over server-sent events; when the stream fails, poll every N seconds (empty or 0: 30). Absent: none. As a property, `true` is on (30) and `false` off. */
  declare live?: number | boolean;
  /** Let visitors vote (optimistic, one vote each, delivered through the outbox). */
  declare voting: boolean;
  /** Let visitors report a topic to the moderators. */
  declare reporting: boolean;
  /**
   * Where topic links open: _self (default), _blank, _top, _parent or a frame name.
   * @attr link-target
   */
  declare linkTarget?: string;
  /**
   * A "see all" link to the community (http(s)).
   * @attr community-url
   */
  declare communityUrl?: string;

  #feed = new TopicFeed();
  #client?: KithClient;
  #signal?: AbortSignal;
  #loaded = false;
  #filter?: string;
  #more?: 'busy' | KithError;
  /** The last message about a vote or report, and the topic it is about (shown in that topic). */
  #notice = '';
  #noticeAt = '';
  #mode: 'off' | 'stream' | 'polling' = 'off';
  #report?: TopicReport;
  /** Per topic, ends the latest vote (and its wait for a queued delivery): called by a newer vote and when the element leaves. */
  #stopVote = new Map<string, () => void>();
  #now = Date.now();
  #clock?: ReturnType<typeof setInterval>;
  #key = '';
  #said = new Map<string, string>();
  #fmt?: { loc: string; count: Intl.NumberFormat; rel: Intl.RelativeTimeFormat };

  constructor() {
    super();
    this.voting = false;
    this.reporting = false;
  }

  /** How live updates arrive now: off, stream (server-sent events) or polling. */
  get liveMode(): 'off' | 'stream' | 'polling' {
    return this.#mode;
  }

  /** The topics on screen, in display order (pinned, promoted, then the feed's order). */
  get topics(): Topic[] {
    return ordered(this.#feed.topics);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#clock = setInterval(() => ((this.#now = Date.now()), this.requestUpdate()), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clock);
    this.#mode = 'off';
    this.#stopVote.forEach((stop) => stop());
  }

  #tagFilter(): string {
    return this.#filter ?? splitTags(this.tag).join(',');
  }

  #query(): TopicQuery {
    const tag = this.#tagFilter();
    return { sort: this.sort ?? 'hot', limit: this.limit ?? 10, ...(this.period && { period: this.period }), ...(tag && { tag }) };
  }

  protected override async load(client: KithClient, signal: AbortSignal): Promise<void> {
    this.#client = client;
    this.#signal = signal;
    this.#loaded = false;
    this.#more = undefined;
    const query = this.#query();
    const page = await listTopics(client, query, signal);
    this.#feed.page(page.items, page.nextCursor, true);
    this.#loaded = true;
    this.requestUpdate();
    client.track('view', 'hot-topics');
    // live updates: their code arrives on first use (its own chunk)
    // `live` alone is 0 (the default interval); a framework's `false` is off and `true` the default
    const live = this.live;
    if (live !== undefined && live !== false)
      void import('./live.ts').then((m) => m.follow(this.#feed, this.#changed, client, query, signal, typeof live == 'number' && live > 0 ? live : 30));
  }

  /** A live change, or the live mode (stream, polling) as it starts. */
  #changed = (mode?: 'stream' | 'polling') => {
    if (mode) this.#mode = mode;
    this.requestUpdate();
  };

  #reload() {
    this.#loaded = false;
    this.#mode = 'off';
    this.retry();
  }

  #filterBy(tag: string) {
    if (tag === this.#tagFilter()) return;
    this.#filter = tag;
    this.#reload();
  }

  /** After the next render, focus the first of `shown` (the topics revealed or a new page's). */
  async #focusFirst(shown: Topic[]) {
    this.requestUpdate();
    await this.updateComplete;
    if (shown[0]) this.renderRoot.querySelector<HTMLElement>(`article[data-id="${CSS.escape(shown[0].id)}"]`)?.focus();
  }

  #reveal = () => this.#focusFirst(this.#feed.reveal());

  #loadMore = async () => {
    const f = this.#feed;
    if (!f.cursor || this.#more === 'busy' || !this.#client) return;
    const signal = this.#signal!;
    this.#more = 'busy';
    this.requestUpdate();
    try {
      const page = await listTopics(this.#client, { ...this.#query(), cursor: f.cursor }, signal);
      if (signal.aborted) return;
      this.#more = undefined;
      await this.#focusFirst(f.page(page.items, page.nextCursor, false));
    } catch (e) {
      if (!signal.aborted) this.#more = e instanceof KithError ? e : new KithError('invalid-response', String(e));
      this.requestUpdate();
    }
  };

  #open(e: MouseEvent, t: Topic, url: string) {
    if (!this.emit('kith-topic-open', { topicId: t.id, url })) e.preventDefault();
    this.#client?.track('open', 'hot-topics', t.id);
  }

  /**
   * Optimistic: the count changes at once, becomes the server's when it acknowledges, and rolls back
   * with a message when the backend refuses. A vote saved offline says so, then "Sent." (or why it
   * was refused) once the outbox has sent it; a newer vote on the topic or leaving the page ends the wait.
   */
  async #vote(id: string) {
    const t = this.#feed.topics.find((x) => x.id === id);
    const client = this.#client;
    if (!t || !client) return;
    const value = t.voted ? 0 : 1;
    if (!this.emit('kith-topic-vote', { topicId: id, value })) return;
    const set = (votes: number, voted?: boolean) => this.#feed.patch(id, { votes, voted });
    let off: (() => void) | undefined; // the wait for a queued vote's delivery
    let stopped = false;
    this.#stopVote.get(id)?.();
    this.#stopVote.set(id, () => ((stopped = true), off?.()));
    const settle = (d: Awaited<ReturnType<typeof vote>>) => {
      if (stopped) return; // a later click decides, or the element left
      if (d.state === 'rejected') {
        set(t.votes, t.voted);
        this.#say(id, `${this.t('voteFailed')} ${this.errorText(d.error)}`);
      } else if (d.state === 'sent') {
        if (d.ack) set(d.ack.votes, d.ack.voted);
        if (off) this.#say(id, this.t('sent')); // it was queued
      } else {
        this.#say(id, this.t('queued'));
        off = client.events.on('delivery', ({ item: { id: key, state }, ack, error }) => {
          if (key == `vote-${id}` && (state == 'delivered' || state == 'rejected'))
            off!(), settle(state == 'delivered' ? { state: 'sent', ack: parseOrUndefined(VoteAck, ack) } : { state, error: error! });
        });
      }
      this.requestUpdate();
    };
    set(t.votes + (value ? 1 : -1), !!value);
    this.#say(id, '');
    client.track('vote', 'hot-topics', id);
    settle(await vote(client, id, { id: newId(), value }));
  }

  /** Shows `notice` in the topic `id` (and says it once, through the polite region at the end). */
  #say = (id: string, notice: string) => {
    this.#noticeAt = id;
    this.#notice = notice;
    this.requestUpdate();
  };

  /** The report dialog arrives on first use (its own chunk). */
  async #openReport(topic: Topic) {
    if (!this.#client) return;
    const { TopicReport } = await import('./report.ts');
    this.#report ??= new TopicReport(this, this.#client, this.#say);
    this.#say(topic.id, ''); // a new action: the same confirmation again is said again
    this.#report.open(topic);
  }

  protected override get wrapperClass(): string {
    return this.layout ?? 'list';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.#client && ['sort', 'period', 'tag', 'limit', 'live'].some((k) => changed.has(k))) {
      if (changed.has('tag')) this.#filter = undefined;
      this.#reload();
    }
    const loc = this.resolvedLocale;
    if (this.#fmt?.loc !== loc)
      this.#fmt = {
        loc,
        count: new Intl.NumberFormat(loc, { notation: 'compact', maximumFractionDigits: 1 }),
        rel: new Intl.RelativeTimeFormat(loc, { numeric: 'auto' }),
      };
    // what every topic's template depends on besides the topic: items re-render only when it changes
    const ui = this.uiLocale;
    const key = [this.#now, this.layout, this.voting, this.reporting, this.linkTarget, loc, ui, !!hotTopicsStrings[ui]].join('|');
    if (key !== this.#key) this.#said.clear();
    this.#key = key;
  }

  protected override renderBody() {
    const f = this.#feed;
    const ready = this.#loaded && !this.loading;
    return html`${this.#chips()}
      <div class="fresh" aria-live="polite">
        ${ready && f.pending.length
          ? html`<button class="btn primary" part="new-button" @click=${this.#reveal}>${this.t('fresh', { n: f.pending.length })}</button>`
          : nothing}
      </div>
      ${!ready
        ? this.#skeleton()
        : f.topics.length
          ? html`<ul class="topics" part="list" role="list" aria-label=${this.t('topics')}>
              ${repeat(ordered(f.topics), (t) => t.id, (t) => {
                const notice = t.id === this.#noticeAt && this.#notice;
                return guard([t, this.#key, notice], () => this.#item(t, notice));
              })}
            </ul>`
          : html`<p class="empty" part="empty">${this.t('empty')}</p>`}
      <div class="foot">
        ${ready && f.cursor
          ? html`<button class="btn" part="more" ?disabled=${this.#more === 'busy'} @click=${this.#loadMore}>
              ${this.t(this.#more instanceof KithError ? 'retry' : 'more')}
            </button>`
          : nothing}
        ${this.#more instanceof KithError ? html`<p class="msg" role="alert">${this.errorText(this.#more)}</p>` : nothing}
        ${this.communityUrl
          ? html`<a part="see-all" href=${safeHref(this.communityUrl) ?? nothing} target=${this.linkTarget ?? nothing}>${this.t('seeAll')}</a>`
          : nothing}
      </div>
      <p class="sr-only" role="status">${this.#notice}</p>
      ${this.#report?.render() ?? nothing}`;
  }

  #chips() {
    const chips = splitTags(this.tags);
    if (!chips.length) return nothing;
    const on = this.#tagFilter();
    return html`<div class="chips" part="filters" role="group" aria-label=${this.t('filter')}>
      ${['', ...chips].map(
        (c) =>
          html`<button class="btn chip" part="chip" aria-pressed=${on === c} @click=${() => this.#filterBy(c)}>
            ${c || this.t('all')}
          </button>`,
      )}
    </div>`;
  }

  #skeleton() {
    return html`<p class="sr-only" role="status">${this.t('loading')}</p>
      <ul class="topics" part="skeleton" aria-hidden="true">
        ${Array.from({ length: Math.min(this.limit ?? 10, 10) }, () => html`<li class="topic"><div class="main"><p class="bone"></p><p class="bone"></p></div></li>`)}
      </ul>`;
  }

  /** "12 votes" for screen readers (`id` + key: the vote button's description); remembered, as `t()` builds its Intl objects on every call. */
  #count(n: number, key: string, id: string) {
    let said = this.#said.get(key + n);
    if (said === undefined) this.#said.set(key + n, (said = this.t(key, { n })));
    return html`<span aria-hidden="true">${this.#fmt!.count.format(n)}</span><span class="sr-only" id=${id + key}>${said}</span>`;
  }

  #item(t: Topic, notice: string | false) {
    const id = `t-${encodeURIComponent(t.id)}`;
    const href = safeHref(t.url);
    const avatar = safeHref(t.author.avatarUrl);
    const full = this.layout !== 'compact';
    const when = t.lastActivityAt ?? t.createdAt;
    const flag = t.pinned ? 'pinned' : t.promoted ? 'promoted' : '';
    const votes = this.#count(t.votes, 'votes', id);
    return html`<li>
      <article class="topic" part="topic ${flag}" aria-labelledby=${id} tabindex="-1" data-id=${t.id}>
        <div class="main">
          <h3 class="title" part="title" id=${id} dir="auto">
            ${href
              ? html`<a href=${href} target=${this.linkTarget ?? nothing} rel="ugc noopener" @click=${(e: MouseEvent) => this.#open(e, t, href)}
                  >${t.title}</a
                >`
              : t.title}
          </h3>
          ${flag ? html`<span class="flag" part="flag">${this.t(flag)}</span>` : nothing}
          ${full && t.excerpt ? html`<p class="excerpt" part="excerpt" dir="auto">${t.excerpt}</p>` : nothing}
          <div class="meta" part="meta">
            ${avatar
              ? html`<img class="avatar" part="avatar" src=${avatar} alt="" width="24" height="24" loading="lazy" referrerpolicy="no-referrer" />`
              : html`<span class="avatar" part="avatar" aria-hidden="true">${[...t.author.name.trim()][0]?.toUpperCase() ?? ''}</span>`}
            <span part="author" dir="auto">${t.author.name}</span>
            <time part="time" datetime=${when}>${this.#fmt!.rel.format(...ago(when, this.#now))}</time>
            ${full && t.tags.length
              ? html`<ul class="tags" role="list" aria-label=${this.t('tags')}>
                  ${t.tags.map((x) => html`<li part="tag" dir="auto">${x}</li>`)}
                </ul>`
              : nothing}
          </div>
          ${notice ? html`<p class="status" part="notice" aria-hidden="true">${notice}</p>` : nothing}
        </div>
        <div class="stats">
          ${this.voting
            ? html`<button class="btn stat" part="vote${t.voted ? ' vote-on' : ''}" aria-label=${this.t('vote')} aria-pressed=${!!t.voted} aria-describedby="${id}votes ${id}" @click=${() => this.#vote(t.id)}>
                  ${ARROW}
                </button>
                <span class="stat" part="vote-count">${votes}</span>`
            : html`<span class="stat" part="vote">${ARROW}${votes}</span>`}
          <span class="stat" part="replies">${BUBBLE}${this.#count(t.replies, 'replies', id)}</span>
          ${this.reporting
            ? html`<button class="btn ghost" part="report-button" aria-describedby=${id} @click=${() => this.#openReport(t)}>${this.t('report')}</button>`
            : nothing}
        </div>
      </article>
    </li>`;
  }

}

declare global {
  interface HTMLElementTagNameMap {
    'kith-hot-topics': KithHotTopics;
  }
  interface HTMLElementEventMap {
    'kith-topic-open': CustomEvent<TopicOpenDetail>;
    'kith-topic-vote': CustomEvent<TopicVoteDetail>;
    'kith-topic-report': CustomEvent<TopicReportDetail>;
  }
}
