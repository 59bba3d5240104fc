import { expect } from '@esm-bundle/chai';
import type { Backend } from '@kith/client';
import { $, badgeButton, memoryBackend, mount, noAxeViolations, seed, settle, text, until } from './harness.ts';

const states: [string, Record<string, string>, (() => Backend)?][] = [
  ['member with locked badges and progress', { member: 'ana', 'show-locked': '', 'show-progress': '' }],
  ['catalog', { mode: 'catalog' }],
  ['leaderboard', { mode: 'leaderboard' }],
  ['sign-in message', {}],
  ['empty', { mode: 'catalog' }, () => memoryBackend({})],
  ['error state', { member: 'nobody' }],
];

for (const [theme, locale] of [
  ['light', 'en'],
  ['dark', 'en'],
  ['light', 'ar'],
  ['dark', 'ar'],
] as const) {
  describe(`<kith-badge-wall> accessibility, ${theme} theme, ${locale}`, () => {
    for (const [what, attrs, backend] of states) {
      it(`has no axe violations: ${what}`, async () => {
        const el = await mount({ theme, locale, ...attrs }, backend?.());
        await noAxeViolations(el, what);
      });
    }

    it('has no axe violations with the detail open and a badge marked new', async () => {
      const s = seed();
      const b = memoryBackend(s);
      localStorage.setItem(`kith:badges-seen:a11y:ana`, JSON.stringify(['first-post']));
      const el = await mount({ theme, locale, member: 'ana', site: 'a11y', 'show-locked': '' }, b);
      expect(badgeButton(el, 'Helper').matches('[part~=badge-new]')).to.equal(true);
      badgeButton(el, 'Helper').focus();
      badgeButton(el, 'Voice').click();
      await until(() => $<HTMLDialogElement>(el, 'dialog')!.open);
      await noAxeViolations(el, 'detail');
    });
  });
}

describe('<kith-badge-wall> loading and layout', () => {
  it('is labelled by its heading, busy while loading, with a placeholder the same size as content', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const s = seed();
    s.badges = s.badges.filter((x) => x.id !== 'odd'); // its long name wraps to more lines than a placeholder has
    const b = memoryBackend(s);
    const slow: Backend = { ...b, getBadges: async (ctx) => (await gate, b.getBadges(ctx)) };
    const el = document.createElement('kith-badge-wall');
    el.setAttribute('mode', 'catalog');
    el.setAttribute('eager', '');
    el.backend = slow;
    document.body.append(el);
    await el.updateComplete;
    await until(() => el.loading);
    await el.updateComplete;
    const wall = $(el, 'section')!;
    expect(wall.getAttribute('aria-labelledby')).to.equal('title');
    expect(wall.getAttribute('aria-busy')).to.equal('true');
    expect(text($(el, '[role=status]'))).to.equal('Loading…');
    await noAxeViolations(el, 'loading');
    const before = el.getBoundingClientRect().height;
    release();
    await settle(el);
    expect(wall.getAttribute('aria-busy')).to.equal('false');
    expect(el.getBoundingClientRect().height).to.equal(before); // one row of tiles either way
    el.remove();
  });
});
