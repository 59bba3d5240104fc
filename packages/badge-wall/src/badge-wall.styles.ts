import { css } from 'lit';

// The wall and its grid; the detail and the leaderboard bring their own styles when they load.
export const badgeWallStyles = css`
.wall { display: grid; gap: .75rem; align-content: start; min-height: var(--kith-badge-wall-min-height, 10rem) }
.grid { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; grid-template-columns: repeat(auto-fill, minmax(var(--kith-badge-size, 7.5rem), 1fr)) }
.cell { display: grid; align-content: start; min-height: 9.5rem; background: var(--_surface); border: 1px solid #0000; border-radius: var(--_radius) }
.cell:hover, .new { border-color: var(--_accent) }
.cell:has(:focus-visible) { outline: 2px solid var(--_accent); outline-offset: 2px }
.badge { position: relative; display: grid; gap: .25rem; justify-items: center; padding: .75rem .5rem; text-align: center; border: 0; outline: none }
.meter { display: grid; gap: .25rem; text-align: center; padding: 0 .75rem .75rem }
.cell .progress { background: var(--_bg) }
.skeleton { animation: pulse 1s infinite alternate }
@keyframes pulse { to { opacity: .5 } }
.art { display: grid; place-items: center; width: 3rem; height: 3rem; border-radius: 50%; overflow: hidden; font-size: 1.75rem; line-height: 1; background: var(--_bg); box-shadow: 0 0 0 3px var(--_tier) }
.art img { width: 100%; height: 100% }
.locked .art { filter: grayscale(1); opacity: .55; box-shadow: 0 0 0 2px var(--_border) }
.lock, .flag { position: absolute; top: .4rem; inset-inline-end: .4rem; font-size: .75rem }
.flag { inset-inline: .4rem auto; padding: 0 .4rem; border-radius: 1rem; font-weight: 600; background: var(--_accent); color: var(--_on-accent) }
.name { font-weight: 600; overflow-wrap: anywhere }
.tier::before { content: ''; display: inline-block; width: .6em; height: .6em; margin-inline-end: .3em; border-radius: 50%; background: var(--_tier) }
`;
