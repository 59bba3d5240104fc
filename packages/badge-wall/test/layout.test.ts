import { expect } from '@esm-bundle/chai';
import { $, badgeButton, focused, memoryBackend, mount, press, seed, until } from './harness.ts';

const earnedAll = '2025-01-01T00:00:00Z';

describe('<kith-badge-wall> in a narrow container', () => {
  // like the demo site's leaderboard: members with two-word names and three top badges each
  const demoLike = () => {
    const s = seed();
    const names = ['Maya Kowalski', 'Tomás García', 'Alex Rivera'];
    s.members.forEach((m, i) => ((m.name = names[i]!), (m.points = [1245, 980, 455][i]!), (m.earned = { 'first-post': earnedAll, voice: earnedAll, legend: earnedAll })));
    return s;
  };
  // one long name and a six-digit score: too wide for 180 px even with the badges under each other
  const crowded = () => {
    const s = demoLike();
    s.members[0]!.name = 'Alexandra Rivera-Montgomery';
    s.members[1]!.points = 123456;
    return s;
  };

  // 360 px: a phone; 270 px: the demo page's card on that phone (where the third badge was cut off)
  for (const locale of ['en', 'ru', 'ar'])
    for (const width of [360, 270])
      it(`fits the leaderboard in ${width} px (${locale})`, async () => {
        const box = document.createElement('div');
        box.style.width = `${width}px`;
        document.body.append(box);
        try {
          const el = await mount({ mode: 'leaderboard', locale }, memoryBackend(demoLike()), box);
          await until(() => $(el, `[lang=${locale}]`) && $(el, 'table'), 3000, 'the table');
          const table = $(el, 'table')!;
          const host = el.getBoundingClientRect();
          const t = table.getBoundingClientRect();
          for (const area of [$(el, '[part=base]')!, table.parentElement!])
            expect(area.scrollWidth, `${area.className} scrollWidth`).to.be.at.most(area.clientWidth);
          expect(t.right, 'the table’s right edge').to.be.at.most(host.right);
          expect(t.left, 'the table’s left edge').to.be.at.least(host.left);
          // every top badge shows (they wrap under each other rather than run past the edge)
          for (const badge of table.querySelectorAll('[role=img]')) {
            const b = badge.getBoundingClientRect();
            expect(b.right).to.be.at.most(host.right);
            expect(b.left).to.be.at.least(host.left);
          }
        } finally {
          box.remove();
        }
      });

  it('scrolls the table inside its own area where even that cannot fit', async () => {
    const box = document.createElement('div');
    box.style.width = '180px';
    document.body.append(box);
    try {
      const el = await mount({ mode: 'leaderboard', locale: 'ru' }, memoryBackend(crowded()), box);
      await until(() => $(el, '[lang=ru]') && $(el, 'table'), 3000, 'the table');
      const table = $(el, 'table')!;
      const area = table.parentElement!;
      const base = $(el, '[part=base]')!;
      expect(base.scrollWidth, 'the wall scrollWidth').to.be.at.most(base.clientWidth);
      expect(area.scrollWidth, 'the table is wider than its area').to.be.above(area.clientWidth);
      expect(area.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
      // a tab stop only while the table overflows (Safari makes no scroller one by itself), named
      await until(() => area.getAttribute('tabindex') === '0', 2000, 'the area to become a tab stop');
      expect([area.getAttribute('role'), area.getAttribute('aria-labelledby')]).to.deep.equal(['region', 'title']);
      area.scrollLeft = 0;
      $(el, '[part=summary]')!.setAttribute('tabindex', '-1');
      $(el, '[part=summary]')!.focus();
      await press('Tab');
      expect(focused(el), 'Tab reaches the scrolling area').to.equal(area);
      await press('ArrowRight');
      await until(() => area.scrollLeft > 0, 2000, 'the arrow key to scroll the table');
      // wide enough again: no extra tab stop
      box.style.width = '900px';
      await until(() => !area.hasAttribute('tabindex'), 2000, 'the tab stop to go');
      expect(area.hasAttribute('role')).to.equal(false);
    } finally {
      box.remove();
    }
  });
});

describe('<kith-badge-wall> detail dialog', () => {
  for (const locale of ['en', 'ar'])
    it(`shows the close button’s whole focus ring (${locale})`, async () => {
      const el = await mount({ mode: 'catalog', locale });
      badgeButton(el, 'Voice').focus();
      await press('Enter');
      const dialog = $<HTMLDialogElement>(el, 'dialog')!;
      await until(() => dialog.open && focused(el)?.matches('[part=close]'), 3000, 'the close button to take focus');
      const close = focused(el)!;
      expect(close.matches(':focus-visible')).to.equal(true);
      const cs = getComputedStyle(close);
      expect(cs.outlineStyle).to.not.equal('none');
      const grow = parseFloat(cs.outlineWidth) + parseFloat(cs.outlineOffset);
      const r = close.getBoundingClientRect();
      const ring = { top: r.top - grow, right: r.right + grow, bottom: r.bottom + grow, left: r.left - grow };
      const clippers: Element[] = [];
      for (let a = close.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflow !== 'visible') clippers.push(a);
      expect(clippers).to.include(dialog);
      for (const a of clippers) {
        // what an ancestor clips to: its padding box. A ring that only touches that edge is drawn
        // against the border and loses a pixel row to snapping, so it must clear the edge by 1 px.
        const b = a.getBoundingClientRect();
        const box = { top: b.top + a.clientTop, left: b.left + a.clientLeft, right: b.left + a.clientLeft + a.clientWidth, bottom: b.top + a.clientTop + a.clientHeight };
        const what = `the ring in <${a.localName}>`;
        expect(ring.top, `${what}, top`).to.be.at.least(box.top + 1);
        expect(ring.left, `${what}, left`).to.be.at.least(box.left + 1);
        expect(ring.right, `${what}, right`).to.be.at.most(box.right - 1);
        expect(ring.bottom, `${what}, bottom`).to.be.at.most(box.bottom - 1);
      }
    });
});
