// The badge detail dialog, loaded the first time a visitor opens a badge, with its styles and strings.
import { css, html, nothing } from 'lit';
import { DialogController } from '@kith/ui';
import type { KithBadgeWall } from './badge-wall.ts';
import type { Tier } from '@kith/client';
import { badgeIcon, meter, tierLabel, tierStyle, type Card } from './render.ts';

/** The detail's English strings, added to the wall's table when this part loads (the other locales' are in locales/*.ts). */
export const strings = {
  earned: 'Earned {date}',
  criteria: 'How to earn it',
};

const styles = css`
.detail { display: grid; justify-items: center; gap: .5rem; padding: 1.5rem 1rem 1rem; text-align: center }
.detail .art { width: 4.5rem; height: 4.5rem; font-size: 2.5rem }
.detail .meter { width: 100%; padding: 0 }
h4 { margin: .5rem 0 0; font-size: .875em }
.close { position: absolute; top: .5rem; inset-inline-end: .5rem }
`;

/** Drives the wall's `<dialog>`: modal, closed by Esc, the close button or a click outside. Brings its styles and strings. */
export class BadgeDetail {
  #wall: KithBadgeWall;
  #dialog: DialogController;

  constructor(wall: KithBadgeWall) {
    this.#wall = wall;
    wall.adopt(styles, strings);
    this.#dialog = new DialogController(wall, () => wall.renderRoot.querySelector('dialog'), () => wall.close());
  }

  /** Open the dialog on the badge the wall holds as opened, and record the open. */
  show(badgeId: string): void {
    this.#wall.requestUpdate();
    void this.#dialog.show(true);
    try {
      this.#wall.client.track('open', 'badge-wall', badgeId);
    } catch {
      // no client: nothing to record
    }
  }

  hide(): void {
    this.#dialog.hide();
    this.#wall.requestUpdate();
  }

  /** The dialog's keydown, cancel and click (a click on the backdrop targets the dialog itself). */
  handleEvent(e: Event): void {
    if (e.type !== 'click') this.#dialog[e.type as 'cancel'](e as KeyboardEvent);
    else if (e.target === e.currentTarget) this.#wall.close();
  }

  /** Name, tier, points, earned date (or locked with progress, or holders in the catalog), description and criteria. */
  render(c: Card, tiers: Tier[] | undefined, member: boolean) {
    const wall = this.#wall;
    const b = c.badge;
    const date = c.earnedAt && new Intl.DateTimeFormat(wall.resolvedLocale, { dateStyle: 'long' }).format(new Date(c.earnedAt));
    // prettier-ignore
    return html`<div class="detail" style=${tierStyle(b.tier, tiers)}><button class="btn ghost close" part="close" aria-label=${wall.t('close')} @click=${() => wall.close()}>✕</button>${badgeIcon(wall, b)}<h3 id="detail-name">${wall.l(b.name)}</h3><p class="tier muted">${tierLabel(wall, b.tier, tiers)}${b.points ? ` · ${wall.t('points', { n: b.points })}` : ''}</p>${
      date ? html`<p><time datetime=${c.earnedAt!}>${wall.t('earned', { date })}</time></p>`
      : html`<p class="muted">${member ? wall.t('locked') : wall.t('holders', { n: b.holders })}</p>`}${
      meter(wall, c)}${
      b.description ? html`<p>${wall.l(b.description)}</p>` : nothing}${
      b.criteria ? html`<h4>${wall.t('criteria')}</h4><p>${wall.l(b.criteria)}</p>` : nothing
    }</div>`;
  }
}
