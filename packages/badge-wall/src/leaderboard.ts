// The leaderboard table, loaded only by walls in leaderboard mode, with its styles and strings.
import { css, html, nothing } from 'lit';
import type { Leaderboard } from '@kith/client';
import type { KithBadgeWall } from './badge-wall.ts';
import { badgeIcon, httpUrl, tierStyle } from './render.ts';

/** The leaderboard's English strings, added to the wall's table when this part loads (the other locales' are in locales/*.ts). */
export const strings = {
  all: 'All time',
  rank: 'Rank',
  member: 'Member',
  score: 'Points',
  nobody: 'No one is on the leaderboard yet.',
};

const styles = css`
[part=summary]::first-letter { text-transform: uppercase }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums }
th, td { padding: .5rem .375rem; text-align: start; font-weight: normal; border-bottom: 1px solid var(--_surface) }
thead th { color: var(--_muted); font-size: .875em }
.num, th:nth-child(3) { text-align: end }
.who, .tops { display: flex; align-items: center; gap: .4rem; font-weight: 600 }
.tops { flex-wrap: wrap }
.scroll { overflow-x: auto }
.scroll:focus-visible { outline-offset: -2px }
.who img { width: 1.75rem; height: 1.75rem; border-radius: 50% }
.tops .art { width: 1.75rem; height: 1.75rem; font-size: 1rem; box-shadow: 0 0 0 2px var(--_tier) }
`;

/** The table of a wall in leaderboard mode. Brings its styles and strings. */
export class Board {
  #wall: KithBadgeWall;
  /**
   * Where the table is wider than its area (a narrow column), the area is a tab stop, so keys can
   * scroll it: Safari does not make a scroller a tab stop by itself as Chromium and Firefox do. Only
   * then, so there is no extra tab stop where the table fits.
   */
  #fit = new ResizeObserver(() => {
    const area = this.#wall.renderRoot.querySelector('.scroll');
    const over = !!area && area.scrollWidth > area.clientWidth;
    for (const [k, v] of [['tabindex', '0'], ['role', 'region'], ['aria-labelledby', 'title']]) over ? area.setAttribute(k, v!) : area?.removeAttribute(k);
  });

  constructor(wall: KithBadgeWall) {
    this.#wall = wall;
    wall.adopt(styles, strings);
  }

  /**
   * The period under the heading ("this week" from Intl.RelativeTimeFormat, capitalized by CSS, or "All time"),
   * then rank, member (the row header), points and top badges, labelled by the wall's heading; a message when empty.
   */
  render(rows: Leaderboard['items']) {
    const wall = this.#wall;
    const p = wall.period ?? 'week';
    const period = p === 'all' ? wall.t('all') : new Intl.RelativeTimeFormat(wall.resolvedLocale, { numeric: 'auto' }).format(0, p);
    // the area and the table: either one changing size may make the table overflow or fit
    void wall.updateComplete.then(() => wall.renderRoot.querySelectorAll('.scroll, .scroll table').forEach((e) => this.#fit.observe(e)));
    // prettier-ignore
    return html`<p class="muted" part="summary">${period}</p>${rows.length ? html`<div class="scroll"><table part="table" aria-labelledby="title"><thead><tr>${['rank', 'member', 'score', 'badges'].map((k) => html`<th scope="col">${wall.t(k)}</th>`)}</tr></thead><tbody>${rows.map(
      (r) => html`<tr part="row"><td>${wall.n(r.rank)}</td><th scope="row"><span class="who">${
        httpUrl(r.member.avatarUrl) ? html`<img part="avatar" src=${r.member.avatarUrl} alt="" loading="lazy" width="28" height="28" />` : nothing
      }${r.member.name}</span></th><td class="num">${wall.n(r.points)}</td><td><span class="tops">${r.topBadges.map((b) => html`<span role="img" aria-label=${wall.l(b.icon.alt ?? b.name)} style=${tierStyle(b.tier)}>${badgeIcon(wall, b)}</span>`)}</span></td></tr>`,
    )}</tbody></table></div>` : html`<p part="message">${wall.t('nobody')}</p>`}`;
  }
}
