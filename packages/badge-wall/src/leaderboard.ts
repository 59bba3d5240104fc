// The leaderboard table, loaded only by walls in leaderboard mode.
import { html, nothing } from 'lit';
import type { Leaderboard } from '@kith/client';
import type { KithBadgeWall } from './badge-wall.ts';
import { badgeIcon, httpUrl, type Tiers } from './render.ts';

/** Rank, member (the row header), points and top badges, labelled by the wall's heading. */
export function renderBoard(wall: KithBadgeWall, rows: Leaderboard['items'], tiers: Tiers) {
  // prettier-ignore
  return html`<table part="table" aria-labelledby="title"><thead><tr>${['rank', 'member', 'score', 'badges'].map((k) => html`<th scope="col">${wall.t(k)}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr part="row"><td>${wall.n(r.rank)}</td><th scope="row"><span class="who">${
      httpUrl(r.member.avatarUrl) ? html`<img part="avatar" src=${r.member.avatarUrl} alt="" loading="lazy" width="28" height="28" />` : nothing
    }${r.member.name}</span></th><td class="num">${wall.n(r.points)}</td><td><span class="tops">${r.topBadges.map((b) => badgeIcon(b, tiers))}</span></td></tr>`,
  )}</tbody></table>`;
}
