import { html, nothing, type PropertyValues } from 'lit';
import { getConfig, type KithClient, type KithError, type Leaderboard, type MemberBadges, type Tier } from '@kith/client';
import { getBadges, getLeaderboard, getMemberBadges } from '@kith/client/badges';
import { KithElement, baseStyles, controlStyles, numberIn, oneOf, words } from '@kith/ui';
import { badgeWallStyles } from './badge-wall.styles.ts';
import { gridStep } from './grid-keys.ts';
import { badgeIcon, meter, tierLabel, tierStyle, type Card } from './render.ts';
import { markSeen } from './seen.ts';
import { badgeWallLocales, badgeWallStrings } from './strings.ts';

export type BadgeWallMode = 'member' | 'catalog' | 'leaderboard';
export type LeaderboardPeriod = 'day' | 'week' | 'month' | 'all';
/** Why a member's own badges cannot be shown: no token, an expired one, or one the backend refused. */
export type SignInReason = 'missing' | 'expired' | 'invalid';

/** `kith-badge-open`: a badge's detail is about to open (cancelable: `preventDefault()` keeps it closed). */
export interface BadgeOpenDetail {
  badgeId: string;
  mode: BadgeWallMode;
  earned: boolean;
}

/** What the wall shows: badges (catalog or member), or leaderboard rows. */
interface View {
  items?: Card[];
  rows?: Leaderboard['items'];
  tiers?: Tier[];
  member?: MemberBadges['member'];
}

/** Events a badge may have been earned by (a submission elsewhere on the page). */
const ACTIVITY = ['kith-feedback-sent', 'kith-survey-complete', 'kith-topic-vote'];

/**
 * A member's badges (earned, and locked ones with progress), the whole badge catalog with holder
 * counts, or a leaderboard by period. Badges sit in a grid moved through with the arrow keys; each
 * opens a detail dialog with its criteria and date. Badges earned since the visitor's last view are
 * marked new, and the wall refreshes itself after a feedback, survey or vote elsewhere on the page.
 *
 * @summary Recognition for community members: badges, progress, tiers and a leaderboard.
 *
 * @attr mode - member (default), catalog or leaderboard.
 * @attr member - A member id, or `me` (default) for the signed-in member (needs `member-token`).
 * @attr period - Leaderboard period: day, week (default), month or all.
 * @attr limit - How many badges (or leaderboard rows, default 10) to show, 1 to 100.
 * @attr tiers - Only badges of these tiers, comma-separated (`gold,silver`).
 * @attr show-locked - In member mode, also show badges not earned yet.
 * @attr show-progress - Show progress toward locked badges.
 *
 * @event kith-badge-open - A badge's detail opens (cancelable). `detail: { badgeId, mode, earned }`
 * @event kith-badge-earned - Badges were earned since the visitor last saw the wall. `detail: { memberId, badgeIds }`
 * @event kith-badge-signin - A member's own badges need a (new) member token. `detail: { reason: 'missing' | 'expired' | 'invalid' }`
 *
 * @csspart base - The wrapper around everything.
 * @csspart title - The heading.
 * @csspart summary - The line under the heading (badges earned and points, or the period).
 * @csspart grid - The badge grid.
 * @csspart badge - A badge button (`badge-locked` when not earned, `badge-new` when newly earned).
 * @csspart icon - A badge's image or emoji.
 * @csspart name - A badge's name.
 * @csspart tier - A badge's tier.
 * @csspart new - The "New" flag.
 * @csspart progress - Progress toward a locked badge.
 * @csspart table - The leaderboard table.
 * @csspart row - A leaderboard row.
 * @csspart avatar - A member's picture.
 * @csspart detail - The badge detail dialog.
 * @csspart close - The dialog's close button.
 * @csspart message - The empty and sign-in messages.
 * @csspart error - The error state.
 *
 * @cssproperty --kith-tier-<id> - Color of a tier (`--kith-tier-gold`); else the backend's tier color.
 * @cssproperty --kith-badge-size - Smallest width of a grid cell (7.5rem).
 * @cssproperty --kith-badge-wall-min-height - Space reserved while loading (10rem).
 * @cssproperty --kith-accent - Accent color (and every other `--kith-*` token of @kith/ui).
 */
export class KithBadgeWall extends KithElement {
  static override styles = [baseStyles, controlStyles, badgeWallStyles];
  static override strings = badgeWallStrings;
  static override loaders = badgeWallLocales;
  static override properties = {
    mode: oneOf('member', 'catalog', 'leaderboard'),
    member: {},
    period: oneOf('day', 'week', 'month', 'all'),
    limit: numberIn(1, 100),
    tiers: {},
    showLocked: { type: Boolean, attribute: 'show-locked' },
    showProgress: { type: Boolean, attribute: 'show-progress' },
  };
  /** Milliseconds to wait after page activity before fetching again (several events, one fetch). */
  static refreshDelay = 1000;

  /** member (default), catalog or leaderboard. */
  declare mode?: BadgeWallMode;
  /** A member id, or `me` (default). */
  declare member?: string;
  /** Leaderboard period (default week). */
  declare period?: LeaderboardPeriod;
  /** How many badges or rows to show. */
  declare limit?: number;
  /** Comma-separated tier ids to show. */
  declare tiers?: string;
  /** Also show badges the member has not earned (default false). */
  declare showLocked?: boolean;
  /** Show progress toward locked badges (default false). */
  declare showProgress?: boolean;

  #view?: View;
  #signin?: SignInReason;
  #fresh = new Set<string>();
  #said = '';
  #focus = 0;
  #opened?: Card;
  // the parts that load on demand: the table (leaderboard mode) and the detail (first open)
  #board?: InstanceType<(typeof import('./leaderboard.ts'))['Board']>;
  #detail?: InstanceType<(typeof import('./detail.ts'))['BadgeDetail']>;
  #gen = 0;
  /** Set once loaded (`aborted === false` while the wall is on the page; its page listeners go with it). */
  #live?: AbortSignal;
  #timer?: ReturnType<typeof setTimeout>;
  /** The client of the last fetch and the member token it used. */
  #client?: KithClient;
  #token?: string;

  get #mode(): BadgeWallMode {
    return this.mode ?? 'member';
  }

  #onActivity = () => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#live?.aborted === false && this.refresh(), (this.constructor as typeof KithBadgeWall).refreshDelay);
  };

  protected override async load(client: KithClient, signal: AbortSignal): Promise<void> {
    await this.#fetch(client, signal);
    this.#live = signal;
    for (const type of ACTIVITY) document.addEventListener(type, this.#onActivity, { signal });
    client.track('view', 'badge-wall', this.#mode);
  }

  /** Fetch again now (the wall also does this by itself after submissions elsewhere on the page). */
  async refresh(): Promise<void> {
    try {
      await this.#fetch(this.client);
    } catch (e) {
      // keep showing what was there; only a wall with nothing to show turns into the error state
      if (!this.#view) this.fail(e);
    }
  }

  async #fetch(client: KithClient, signal?: AbortSignal): Promise<void> {
    const gen = ++this.#gen;
    const mode = this.#mode;
    const id = this.member || 'me';
    const token = (this.#token = client.identity.memberToken);
    this.#client = client;
    let view: View | undefined;
    let signin: SignInReason | undefined;
    try {
      if (mode === 'leaderboard') {
        const [board, part] = await Promise.all([
          getLeaderboard(client, { period: this.period ?? 'week', limit: this.limit ?? 10 }, signal),
          import('./leaderboard.ts'),
        ]);
        this.#board ??= new part.Board(this);
        view = { rows: board.items };
      } else if (mode === 'catalog') {
        const c = await getBadges(client, signal);
        view = { items: c.items.map((badge) => ({ badge })), tiers: c.tiers };
      } else if (token || id !== 'me') view = await getMemberBadges(client, id, signal);
      else signin = 'missing'; // no request without a token
    } catch (e) {
      const { status, problem: p } = e as KithError;
      if (gen !== this.#gen) return;
      if (mode !== 'member' || status !== 401) throw e;
      signin = !token ? 'missing' : /expired/i.test(`${p?.type} ${p?.detail}`) ? 'expired' : 'invalid';
    }
    if (gen !== this.#gen) return;
    if (signin && signin !== this.#signin) this.emit('kith-badge-signin', { reason: signin });
    this.#signin = signin;
    this.#view = view;
    if (view?.member) {
      const scope = `${this.site ?? getConfig().site ?? this.endpoint ?? ''}:${view.member.id}`;
      const got = markSeen(scope, view.items!.filter((c) => c.earnedAt)).filter((c) => !this.#fresh.has(c.badge.id));
      if (got.length) {
        const ids = got.map((c) => c.badge.id);
        for (const id of ids) this.#fresh.add(id);
        // "A, B and C" as the visitor's language lists them (a bare ", " is wrong in Arabic, say)
        this.#said = this.t('got', { name: new Intl.ListFormat(this.resolvedLocale).format(got.map((c) => this.l(c.badge.name))) });
        this.emit('kith-badge-earned', { memberId: view.member.id, badgeIds: ids });
      }
    }
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#live?.aborted === false && (this.#client?.identity.memberToken !== this.#token || ['mode', 'member', 'period', 'limit', 'memberToken'].some((k) => changed.has(k)))) {
      if (changed.has('mode')) this.#view = undefined;
      void this.refresh();
    }
  }

  /** Open the detail of a badge shown on the wall. */
  open(badgeId: string): void {
    const card = this.#cards().find((c) => c.badge.id === badgeId);
    if (!card || !this.emit('kith-badge-open', { badgeId, mode: this.#mode, earned: !!card.earnedAt })) return;
    this.#opened = card;
    import('./detail.ts').then(
      (part) => {
        this.#detail ??= new part.BadgeDetail(this);
        if (this.#opened === card) this.#detail.show(badgeId);
      },
      () => (this.#opened = undefined), // the chunk could not load: nothing opens
    );
  }

  /** Close the badge detail. */
  close(): void {
    this.#opened = undefined;
    this.#detail?.hide();
  }

  /** The badges on the grid, in order: earned first, then locked ones (when shown), filtered and limited. */
  #cards(): Card[] {
    const v = this.#view;
    if (!v?.items) return [];
    const only = words(this.tiers);
    const cards = v.items.filter((c) => (!only.length || only.includes(c.badge.tier)) && (!v.member || c.earnedAt || this.showLocked));
    if (v.member) cards.sort((a, b) => +!a.earnedAt - +!b.earnedAt); // stable: the backend's order within each
    return cards.slice(0, this.limit);
  }

  // the grid's one tab stop moves with focus (the button's @focus); the columns are the grid's tracks
  #keydown = (e: KeyboardEvent) => {
    const grid = e.currentTarget as HTMLElement;
    const items = [...grid.querySelectorAll('button')];
    const i = items.indexOf(e.target as HTMLButtonElement); // only the buttons take focus in the grid
    const columns = getComputedStyle(grid).gridTemplateColumns.split(' ').length;
    const next = e.altKey || e.ctrlKey || e.metaKey ? undefined : gridStep(e.key, i, items.length, columns, this.direction === 'rtl');
    if (next === undefined) return;
    e.preventDefault();
    items[next]!.focus();
  };

  protected override renderBody() {
    const v = this.#view;
    const mode = this.#mode;
    const someone = this.member && this.member !== 'me';
    const title = someone && v?.member ? v.member.name : this.t(mode === 'leaderboard' ? 'board' : mode === 'catalog' || someone ? 'badges' : 'me');
    const busy = this.loading && !v;
    const opened = this.#opened;
    const d = this.#detail;
    // prettier-ignore
    return html`<section class="wall" aria-labelledby="title" aria-busy=${busy}><h2 id="title" part="title">${title}</h2>${
      v?.member ? html`<p class="muted" part="summary">${this.t('count', { n: v.items!.filter((c) => c.earnedAt).length, total: v.items!.length })} · ${this.t('points', { n: v.member.points })}</p>` : nothing}${
      this.#signin ? html`<p part="message">${this.t(this.#signin)}</p>`
      : !v ? html`<ul class="grid" aria-hidden="true"><li class="cell skeleton"></li><li class="cell skeleton"></li><li class="cell skeleton"></li><li class="cell skeleton"></li></ul>`
      : v.rows ? this.#board!.render(v.rows)
      : this.#renderGrid()
    }<p class="sr-only" role="status">${busy ? this.t('loading') : this.#said}</p></section><dialog part="detail" aria-labelledby="detail-name" @keydown=${d} @cancel=${d} @click=${d}>${
      opened && v && d ? d.render(opened, v.tiers, !!v.member) : nothing
    }</dialog>`;
  }

  #renderGrid() {
    const cards = this.#cards();
    const tiers = this.#view!.tiers;
    const focus = Math.min(this.#focus, cards.length - 1);
    const catalog = this.#mode === 'catalog';
    // prettier-ignore
    return cards.length
      ? html`<ul class="grid" part="grid" role="list" aria-labelledby="title" @keydown=${this.#keydown}>${cards.map((c, i) => {
          const b = c.badge;
          const locked = !catalog && !c.earnedAt;
          const fresh = this.#fresh.has(b.id);
          return html`<li class="cell ${locked ? 'locked' : ''} ${fresh ? 'new' : ''}"><button class="btn ghost badge" part="badge ${locked ? 'badge-locked' : ''} ${fresh ? 'badge-new' : ''}" style=${tierStyle(b.tier, tiers)} tabindex=${i === focus ? 0 : -1} aria-haspopup="dialog" @focus=${() => ((this.#focus = i), this.requestUpdate())} @click=${() => this.open(b.id)}>${badgeIcon(this, b)}<span class="name" part="name">${this.l(b.name)}</span><span class="tier muted" part="tier">${tierLabel(this, b.tier, tiers)}</span>${
            catalog ? html`<span class="muted">${this.t('holders', { n: b.holders })}</span>` : nothing}${
            fresh ? html`<span class="flag" part="new">${this.t('new')}</span>` : nothing}${
            locked ? html`<span class="lock" aria-hidden="true">🔒</span><span class="sr-only">${this.t('locked')}</span>` : nothing
          }</button>${this.showProgress ? meter(this, c) : nothing}</li>`;
        })}</ul>`
      : html`<p part="message">${this.t('none')}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kith-badge-wall': KithBadgeWall;
  }
  interface HTMLElementEventMap {
    'kith-badge-open': CustomEvent<BadgeOpenDetail>;
    'kith-badge-earned': CustomEvent<{ memberId: string; badgeIds: string[] }>;
    'kith-badge-signin': CustomEvent<{ reason: SignInReason }>;
  }
}
