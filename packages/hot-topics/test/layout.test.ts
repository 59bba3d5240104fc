// What sighted visitors see in narrow containers, after acting on a topic, and around focused controls.
import { expect } from '@esm-bundle/chai';
import { KithError } from '@kith/client';
import { $, $$, backend, click, ids, makeTopics, mount, topicEl, until, type KithHotTopics } from './harness.ts';

const LONG = [
  'Предложения сообщества по улучшению модерирования',
  'Community moderation guidelines',
  'Propuestas de la comunidad sobre la moderación',
  'Как настроить уведомления о новых ответах',
];

/** The words of each title that a line break cuts in two (a word in two line boxes). */
function brokenWords(el: KithHotTopics): string[] {
  const broken: string[] = [];
  for (const h of $$(el, '[part~=topic] [part=title]')) {
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent!.matchAll(/\S+/g)) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        if (r.getClientRects().length > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}

describe('<kith-hot-topics> layout', () => {
  for (const [locale, report] of [
    ['ru', 'Пожаловаться'],
    ['es', 'Denunciar'],
  ] as const) {
    it(`at 360 px in ${locale}, the actions leave the title its room: no word is cut`, async () => {
      const topics = makeTopics(4);
      // the demo's counts: compact numbers are wider in these languages ("1,2 тыс.", "1,2 mil")
      topics.forEach((t, i) => Object.assign(t, { title: LONG[i]!, votes: 1234 * (i + 1), replies: 1500 }));
      const el = await mount({ locale, voting: '', reporting: '', sort: 'new', style: 'width: 360px' }, backend({ topics }));
      await until(() => topicEl(el, 't0').querySelector('[part=report-button]')!.textContent === report);
      for (const id of ids(el)) {
        const item = topicEl(el, id).getBoundingClientRect();
        const title = topicEl(el, id).querySelector('[part=title]')!.getBoundingClientRect();
        expect(title.width / item.width, `${id}: title ${title.width} of ${item.width} px`).to.be.at.least(0.6);
      }
      expect(brokenWords(el)).to.deep.equal([]);
      const main = topicEl(el, 't0').querySelector('.main')!.getBoundingClientRect();
      expect(topicEl(el, 't0').querySelector('.stats')!.getBoundingClientRect().top, 'the actions under the topic').to.be.at.least(main.bottom);
      // wide: the counts and actions stay beside the topic
      el.style.width = '48rem';
      await until(() => {
        const a = topicEl(el, 't0');
        return a.querySelector('.stats')!.getBoundingClientRect().left > a.querySelector('.main')!.getBoundingClientRect().right;
      }, 1000, 'the actions beside the topic at 48rem');
    });
  }

  /** The visible notice(s) and the text of the polite live region(s). */
  const notices = (el: KithHotTopics) => ({
    shown: $$(el, '[part=notice]').filter((n) => n.textContent && n.getClientRects().length && n.getBoundingClientRect().width > 1),
    live: $$(el, '[role=status], [aria-live]').filter((n) => n.textContent!.trim()),
  });

  /** The one visible confirmation sits in the topic's item, and screen readers hear it once. */
  function expectNoticeAt(el: KithHotTopics, id: string, text: string) {
    const { shown, live } = notices(el);
    expect(shown.map((n) => n.textContent!.trim()), 'visible notices').to.deep.equal([text]);
    expect(shown[0]!.closest('li'), 'next to the topic').to.equal(topicEl(el, id).closest('li'));
    const box = shown[0]!.getBoundingClientRect();
    const item = topicEl(el, id).closest('li')!.getBoundingClientRect();
    expect(box.top >= item.top && box.bottom <= item.bottom, 'inside the item').to.equal(true);
    expect(live.map((n) => n.textContent!.trim()), 'live regions').to.deep.equal([text]);
    expect(live[0]!.getAttribute('role')).to.equal('status');
    // the visible copy is not read a second time
    expect(shown[0]!.closest('[aria-hidden=true]') ?? live.includes(shown[0]!), 'visible copy hidden from AT or the region itself').to.be.ok;
  }

  it('the report confirmation shows next to the reported topic', async () => {
    const el = await mount({ reporting: '', voting: '', sort: 'new' }, backend());
    const second = ids(el)[1]!;
    await click(el, topicEl(el, second).querySelector('[part=report-button]'));
    await until(() => $<HTMLDialogElement>(el, 'dialog')?.open, 3000, 'the dialog');
    await click(el, $$(el, 'dialog input[type=radio]')[0]!);
    await click(el, $(el, 'dialog [part=submit]'));
    await until(() => !$(el, 'dialog'));
    await el.updateComplete;
    expectNoticeAt(el, second, 'Thank you. A moderator will look at this topic.');
  });

  it('"saved, will send" after an offline vote, and a refused vote, show next to that topic', async () => {
    const b = backend();
    b.voteTopic = async () => {
      throw new KithError('network', 'offline');
    };
    const el = await mount({ voting: '', sort: 'new' }, b);
    await click(el, topicEl(el, 't2').querySelector('button[part~=vote]'));
    await until(() => notices(el).shown.length, 3000, 'a notice');
    expectNoticeAt(el, 't2', 'Saved, will send when you are online.');
    // t3's vote is refused; t2's, still queued, stays offline (the outbox retries it when t3's is
    // sent, and a refusal of it too would rightly show next to t2 instead)
    b.voteTopic = async (id) => {
      throw id === 't3' ? new KithError('rejected', 'closed', { status: 403 }) : new KithError('network', 'offline');
    };
    await click(el, topicEl(el, 't3').querySelector('button[part~=vote]'));
    await until(() => notices(el).shown[0]?.textContent?.includes('not counted'), 3000, 'the refusal');
    expectNoticeAt(el, 't3', 'Your vote was not counted. The server refused this request.');
  });

  /** Where a focused element's outline reaches past an ancestor (in the shadow root) that clips it. */
  function ringClippedBy(target: Element): string[] {
    const s = getComputedStyle(target);
    expect(s.outlineStyle, 'a focus ring').to.not.equal('none');
    const grow = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
    const r = target.getBoundingClientRect();
    const ring = { left: r.left - grow, top: r.top - grow, right: r.right + grow, bottom: r.bottom + grow };
    const out: string[] = [];
    for (let a = target.parentElement; a; a = a.parentElement) {
      const c = getComputedStyle(a);
      const scrolls = [c.overflowX, c.overflowY].some((o) => o !== 'visible' && o !== 'clip');
      const paint = /paint|strict|content/.test(c.contain) || c.contentVisibility !== 'visible';
      if (!scrolls && !paint && c.overflowX !== 'clip' && c.overflowY !== 'clip') continue;
      // overflow: clip and paint containment clip at the padding box grown by overflow-clip-margin
      const m = scrolls ? 0 : parseFloat(c.overflowClipMargin) || 0;
      const b = a.getBoundingClientRect();
      const box = {
        left: b.left + parseFloat(c.borderLeftWidth) - m,
        top: b.top + parseFloat(c.borderTopWidth) - m,
        right: b.right - parseFloat(c.borderRightWidth) + m,
        bottom: b.bottom - parseFloat(c.borderBottomWidth) + m,
      };
      const cut = [
        ...(['left', 'top'] as const).filter((k) => ring[k] < box[k] - 0.5),
        ...(['right', 'bottom'] as const).filter((k) => ring[k] > box[k] + 0.5),
      ];
      if (cut.length) out.push(`${a.localName}.${a.className} cuts ${cut.join(',')}`);
    }
    return out;
  }

  for (const [layout, locale] of [
    ['list', 'en'],
    ['compact', 'en'],
    ['cards', 'en'],
    ['list', 'ar'],
  ] as const) {
    it(`${layout}, ${locale}: focus rings of the topic, its link, vote and report buttons are not clipped`, async () => {
      const el = await mount({ layout, locale, voting: '', reporting: '', style: 'width: 60rem' }, backend());
      await until(() => $(el, '[part=base]')!.getAttribute('lang') === locale && (locale === 'en' || topicEl(el, 't1').querySelector('[part=report-button]')!.textContent !== 'Report'));
      const topic = topicEl(el, 't1');
      for (const sel of ['[part=report-button]', 'button[part~=vote]', '[part=title] a', ':scope']) {
        const target = topic.matches(sel) ? topic : topic.querySelector<HTMLElement>(sel)!;
        target.focus();
        expect(target.matches(':focus-visible'), `${sel} shows focus`).to.equal(true);
        expect(ringClippedBy(target), sel).to.deep.equal([]);
      }
    });
  }
});
