// Template pieces the grid, the detail and the leaderboard share (the last two load on demand).
import { html, nothing } from 'lit';
import { cssProps, progressBar } from '@kith/ui';
import type { Badge, MemberBadge, Tier } from '@kith/client';
import type { KithBadgeWall } from './badge-wall.ts';

/** One badge as the wall shows it: catalog badges carry neither date nor progress. */
export type Card = Partial<Omit<MemberBadge, 'badge'>> & { badge: Badge };

const TIER_COLORS: Record<string, string> = { bronze: '#b26b34', silver: '#8d99a6', gold: '#d4a514' };

/** Only http(s) URLs become images (the protocol schema says so too; this guards custom backends' data twice). */
export const httpUrl = (u: string | null | undefined): u is string => !!u && /^https?:\/\//i.test(u);

/** `--_tier` for a tier: the page's `--kith-tier-<id>`, else the backend's color, else a built-in one. */
export function tierStyle(tier: string, tiers?: Tier[]) {
  const color = tiers?.find((t) => t.id === tier)?.color ?? TIER_COLORS[tier] ?? 'var(--_border)';
  return cssProps({ '--_tier': /^[\w-]+$/.test(tier) ? `var(--kith-tier-${tier}, ${color})` : color });
}

/** A tier's label in the visitor's language, else its id. */
export const tierLabel = (wall: KithBadgeWall, tier: string, tiers?: Tier[]): string => wall.l(tiers?.find((t) => t.id === tier)?.label) || tier;

/** A badge's image (with its alt text) or emoji (hidden: the badge's name beside it says it). */
export const badgeIcon = (wall: KithBadgeWall, b: Badge) =>
  html`<span class="art" part="icon">${
    httpUrl(b.icon.url)
      ? html`<img src=${b.icon.url} alt=${wall.l(b.icon.alt)} loading="lazy" width="48" height="48" />`
      : html`<span aria-hidden="true">${b.icon.emoji ?? '★'}</span>`
  }</span>`;

/** Progress toward a locked badge: the shared progress bar and its text. */
export function meter(wall: KithBadgeWall, c: Card) {
  const p = c.progress;
  if (!p || c.earnedAt) return nothing;
  const text = wall.t('of', { n: p.current, max: p.target });
  return html`<div class="meter">${progressBar(p.current, p.target, `${wall.l(c.badge.name)}: ${text}`)}<span class="muted">${text}</span></div>`;
}
