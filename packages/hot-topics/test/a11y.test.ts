import { expect } from '@esm-bundle/chai';
import { KithError, type Topic } from '@kith/client';
import { $, $$, backend, click, makeTopics, mount, noAxeViolations, topicEl, until } from './harness.ts';
import { command } from '../../../test/browser/dom.ts';

function rich(): Topic[] {
  const t = makeTopics(6);
  t[0]!.pinned = true;
  t[1]!.promoted = true;
  t[2]!.voted = true;
  return t;
}
const full = { voting: '', reporting: '', tags: 'ideas,bugs', 'community-url': 'https://community.example/', sort: 'new', limit: '4', live: '' };

describe('<kith-hot-topics> accessibility (axe-core)', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const layout of ['list', 'compact', 'cards'] as const) {
      it(`${layout}, ${theme}: list, chips, votes, pill, load more`, async () => {
        const b = backend({ topics: rich() });
        const el = await mount({ ...full, layout, theme }, b);
        await until(() => el.liveMode === 'stream');
        b.publish({ type: 'upsert', topic: { ...makeTopics(1)[0]!, id: 'new1' } });
        await until(() => $(el, '[part=new-button]'));
        await noAxeViolations(el, `${layout} ${theme}`);
      });
    }
  }

  it('loading skeleton, empty and error states', async () => {
    const slow = backend();
    slow.listTopics = () => new Promise(() => {});
    const loading = await mount({}, slow, false);
    await noAxeViolations(loading, 'loading');
    const empty = await mount({ 'community-url': 'https://community.example/' }, backend({ topics: [] }));
    await noAxeViolations(empty, 'empty');
    const down = backend();
    down.listTopics = async () => {
      throw new KithError('network', 'down');
    };
    const error = await mount({ theme: 'dark' }, down);
    expect($(error, '[part=error]')).to.not.equal(null);
    await noAxeViolations(error, 'error');
  });

  it('report dialog (with a missing reason), vote rollback notice and a failed "load more", in Arabic (RTL)', async () => {
    const b = backend({ topics: makeTopics(15) });
    b.voteTopic = async () => {
      throw new KithError('rejected', 'no', { status: 403 });
    };
    const el = await mount({ ...full, locale: 'ar', limit: '10' }, b);
    await until(() => $(el, '[part=base]')!.getAttribute('dir') === 'rtl' && $(el, '[part=list]')!.getAttribute('aria-label') === 'مواضيع المجتمع');
    await click(el, topicEl(el, 't1').querySelector('button[part~=vote]'));
    await until(() => $(el, '[part=notice]')?.textContent);
    b.listTopics = async () => {
      throw new KithError('timeout', 'slow');
    };
    await click(el, $(el, '[part=more]'));
    await until(() => $(el, '.foot [role=alert]'));
    await noAxeViolations(el, 'ar list');
    await click(el, topicEl(el, 't0').querySelector('[part=report-button]'));
    await until(() => $<HTMLDialogElement>(el, 'dialog')?.open);
    await click(el, $(el, 'dialog [part=submit]'));
    await until(() => $(el, '#reason-msg'));
    await noAxeViolations($(el, 'dialog')!, 'ar report dialog');
  });

  /** The accessible name axe-core computes, and the text of what `aria-describedby` points to. */
  function nameAndDescription(node: Element) {
    const axe = (window as any).axe;
    axe.setup(document);
    try {
      const root = node.getRootNode() as ShadowRoot;
      const described = (node.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      return { name: axe.commons.text.accessibleText(node), description: described.map((id) => root.getElementById(id)!.textContent!.trim()).join(' ') };
    } finally {
      axe.teardown();
    }
  }

  for (const [locale, upvote, before, after] of [
    ['en', 'Upvote', '96 votes', '97 votes'],
    ['es', 'Votar a favor', '96 votos', '97 votos'],
  ] as const) {
    it(`${locale}: the vote button is named "${upvote}" before and after voting; the count stays visible and is its description`, async () => {
      const topics = makeTopics(3);
      topics[1]!.votes = 96;
      const el = await mount({ voting: '', locale, sort: 'new' }, backend({ topics }));
      await until(() => topicEl(el, 't1').querySelector('[part=vote-count] .sr-only')!.textContent === before, 3000, 'the locale');
      const button = () => topicEl(el, 't1').querySelector<HTMLElement>('button[part~=vote]')!;
      const count = () => topicEl(el, 't1').querySelector<HTMLElement>('[part=vote-count]')!;
      expect(nameAndDescription(button())).to.deep.equal({ name: upvote, description: `${before} Topic 1` });
      expect(button().getAttribute('aria-pressed')).to.equal('false');
      expect(count().querySelector('[aria-hidden=true]')!.textContent, 'the count on screen').to.equal('96');
      expect(count().getBoundingClientRect().width).to.be.greaterThan(5);
      await click(el, button());
      await until(() => button().getAttribute('aria-pressed') === 'true');
      await el.updateComplete;
      expect(nameAndDescription(button())).to.deep.equal({ name: upvote, description: `${after} Topic 1` });
      expect(count().querySelector('[aria-hidden=true]')!.textContent).to.equal('97');
    });
  }
});

/** Runs the test runner's `emulate-media` command (Playwright's page.emulateMedia). */
const emulateMedia = (payload: Record<string, unknown>) => command('emulate-media', payload);

describe('<kith-hot-topics> in forced colors', () => {
  afterEach(() => emulateMedia({ forcedColors: 'none' }));

  it('the pressed chip ("All") and the voted button look pressed', async () => {
    await emulateMedia({ forcedColors: 'active' });
    expect(matchMedia('(forced-colors: active)').matches, 'forced colors on').to.equal(true);
    const topics = makeTopics(4);
    topics[1]!.voted = true;
    const el = await mount({ voting: '', tags: 'ideas,bugs', sort: 'new' }, backend({ topics }));
    const look = (b: Element) => {
      const s = getComputedStyle(b);
      return `${s.backgroundColor} ${s.color} ${s.borderColor}`;
    };
    const [all, ideas] = $$(el, '[part=chip]');
    expect(all!.getAttribute('aria-pressed')).to.equal('true');
    expect(look(all!), 'pressed chip vs the others').to.not.equal(look(ideas!));
    const voted = topicEl(el, 't1').querySelector('button[part~=vote]')!;
    const other = topicEl(el, 't0').querySelector('button[part~=vote]')!;
    expect(voted.getAttribute('aria-pressed')).to.equal('true');
    expect(look(voted), 'voted vs not voted').to.not.equal(look(other));
  });
});
