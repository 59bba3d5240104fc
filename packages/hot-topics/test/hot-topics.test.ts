import { expect } from '@esm-bundle/chai';
import { KithError, type Topic } from '@kith/client';
import { $, $$, HOUR, backend, click, ids, makeTopics, mount, recordEvents, tick, titles, topicEl, until } from './harness.ts';

const now = Date.now();
/** A small community: one pinned, one promoted, old and new, popular and quiet. */
function community(): Topic[] {
  const t = makeTopics(8, now);
  t[5]!.pinned = true;
  t[6]!.promoted = true;
  t[7]!.createdAt = new Date(now - 10 * 24 * HOUR).toISOString();
  t[7]!.votes = 500;
  t[0]!.votes = 1234;
  t[0]!.replies = 1;
  return t;
}

describe('<kith-hot-topics> rendering', () => {
  it('shows title, excerpt, author, avatar, tags, compact counts and relative time', async () => {
    const el = await mount({}, backend({ topics: community() }));
    const a = topicEl(el, 't0');
    expect(a.querySelector('[part=title] a')!.getAttribute('href')).to.equal('https://community.example/t/0');
    expect(a.querySelector('[part=title]')!.textContent!.trim()).to.equal('Topic 0');
    expect(a.querySelector('[part=excerpt]')!.textContent).to.equal('Excerpt of topic 0');
    expect(a.querySelector('[part=author]')!.textContent).to.equal('Member 0');
    expect(a.querySelector('[part=tag]')!.textContent).to.equal('ideas');
    const votes = a.querySelector('[part~=vote]')!;
    expect(votes.querySelector('span[aria-hidden]')!.textContent).to.equal('1.2K');
    expect(votes.querySelector('.sr-only')!.textContent).to.equal('1,234 votes');
    expect(a.querySelector('[part=replies] .sr-only')!.textContent).to.equal('1 reply');
    expect(a.querySelector('time')!.textContent).to.equal('1 hour ago');
    expect(a.querySelector('time')!.getAttribute('datetime')).to.equal(new Date(now - HOUR).toISOString());
    // t0 has no avatar URL: its initial; t1 has one, without referrer
    expect(a.querySelector('span[part=avatar]')!.textContent).to.equal('M');
    const img = topicEl(el, 't1').querySelector('img')!;
    expect(img.getAttribute('src')).to.equal('https://cdn.example/a/1.png');
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img.alt).to.equal('');
  });

  it('puts pinned, then promoted first and marks them', async () => {
    const el = await mount({ sort: 'new' }, backend({ topics: community() }));
    expect(ids(el).slice(0, 3)).to.deep.equal(['t5', 't6', 't0']);
    expect(topicEl(el, 't5').getAttribute('part')).to.contain('pinned');
    expect(topicEl(el, 't5').querySelector('[part=flag]')!.textContent).to.equal('Pinned');
    expect(topicEl(el, 't6').querySelector('[part=flag]')!.textContent).to.equal('Promoted');
    expect(topicEl(el, 't0').querySelector('[part=flag]')).to.equal(null);
  });

  it('sorts hot, new and top (with period)', async () => {
    const b = backend({ topics: community() });
    const expected = async (q: object) => (await b.listTopics({ limit: 10, ...q } as never)).items.map((t) => t.id);
    for (const attrs of [{}, { sort: 'hot' }, { sort: 'new' }, { sort: 'top' }, { sort: 'top', period: 'day' }, { sort: 'top', period: 'week' }] as Record<string, string>[]) {
      const el = await mount(attrs, b);
      const want = await expected(attrs);
      // the feed shows pinned then promoted first; the backend puts pinned first
      expect(ids(el), JSON.stringify(attrs)).to.have.members(want);
      expect(ids(el).filter((id) => id !== 't6'), JSON.stringify(attrs)).to.deep.equal(want.filter((id) => id !== 't6'));
      el.remove();
    }
    const top = await mount({ sort: 'top', period: 'week' }, b);
    expect(ids(top)).not.to.include('t7'); // 10 days old
    const all = await mount({ sort: 'top' }, b);
    expect(ids(all).slice(0, 4)).to.deep.equal(['t5', 't6', 't0', 't7']); // pinned, promoted, then by votes
  });

  for (const layout of ['list', 'compact', 'cards'] as const) {
    it(`layout ${layout}`, async () => {
      const el = await mount({ layout }, backend({ topics: community() }));
      expect($(el, '[part=base]')!.classList.contains(layout)).to.equal(true);
      expect($$(el, '[part~=topic]').length).to.equal(8);
      expect($$(el, '[part=excerpt]').length).to.equal(layout === 'compact' ? 0 : 8);
      expect($$(el, '[part=tag]').length).to.equal(layout === 'compact' ? 0 : 8);
      const cols = getComputedStyle($(el, '[part=list]')!).gridTemplateColumns.split(' ').length;
      el.style.width = '60rem';
      await tick(20);
      const wide = getComputedStyle($(el, '[part=list]')!).gridTemplateColumns.split(' ').length;
      expect(wide > 1, `${cols} -> ${wide} columns`).to.equal(layout === 'cards');
    });
  }

  it('shows a skeleton while loading, then the list, without a jump in height', async () => {
    let release!: () => void;
    const b = backend({ topics: makeTopics(10) });
    const list = b.listTopics;
    b.listTopics = async (q, c) => (await new Promise<void>((r) => (release = r)), list(q, c));
    const el = await mount({}, b, false);
    expect($(el, '[part=skeleton]')).to.not.equal(null);
    expect($(el, '[role=status]')!.textContent).to.equal('Loading…');
    expect($$(el, '[part=skeleton] li').length).to.equal(10);
    const before = el.getBoundingClientRect().height;
    release();
    await until(() => $(el, '[part=list]'));
    expect(el.getBoundingClientRect().height).to.be.greaterThan(before * 0.6);
  });

  it('shows an empty state', async () => {
    const el = await mount({}, backend({ topics: [] }));
    expect($(el, '[part=empty]')!.textContent).to.equal('No topics yet.');
    expect($(el, '[part=more]')).to.equal(null);
  });

  it('shows an error state with retry, then the list', async () => {
    const b = backend();
    const list = b.listTopics;
    let fail = true;
    b.listTopics = async (q, c) => {
      if (fail) throw new KithError('network', 'down');
      return list(q, c);
    };
    const el = await mount({}, b);
    expect($(el, '[part=error]')!.textContent).to.contain('Cannot reach the server');
    fail = false;
    await click(el, $(el, '[part=error] button'));
    await until(() => $(el, '[part=list]'));
    expect(ids(el).length).to.equal(10);
  });

  it('refuses invalid attributes with a console error and the error state', async () => {
    const errors: string[] = [];
    const orig = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      const el = await mount({ sort: 'best', limit: '500' }, backend(), false);
      await el.updateComplete;
      expect(errors.join('\n')).to.contain('sort="best"').and.contain('limit="500"');
      expect($(el, '[part=error]')).to.not.equal(null);
      el.setAttribute('sort', 'new');
      el.setAttribute('limit', '5');
      await until(() => $(el, '[part=list]'));
      expect(ids(el).length).to.equal(5);
    } finally {
      console.error = orig;
    }
  });

  it('links: http(s) only, with link-target and a community link', async () => {
    const topics = makeTopics(3);
    topics[1]!.url = 'javascript:alert(1)';
    topics[2]!.url = null;
    const el = await mount({ 'link-target': '_blank', 'community-url': 'https://community.example/' }, backend({ topics }));
    const a = topicEl(el, 't0').querySelector('a')!;
    expect(a.target).to.equal('_blank');
    expect(a.rel).to.contain('noopener');
    expect(topicEl(el, 't1').querySelector('a')).to.equal(null);
    expect(topicEl(el, 't2').querySelector('a')).to.equal(null);
    const all = $<HTMLAnchorElement>(el, '[part=see-all]')!;
    expect(all.href).to.equal('https://community.example/');
    expect(all.textContent).to.equal('See all in the community');
  });

  it('emits kith-topic-open when a title is followed; cancelling keeps the page', async () => {
    const ev = recordEvents(['open']);
    const b = backend();
    const el = await mount({}, b);
    topicEl(el, 't3').querySelector('a')!.click();
    expect(ev.seen).to.deep.equal([{ type: 'open', detail: { topicId: 't3', url: 'https://community.example/t/3' } }]);
    expect(location.href).to.not.contain('community.example');
    await until(() => [...b.state.events.values()].some((e: any) => e.type === 'open' && e.subject === 't3'), 3000, 'open tracked');
    ev.stop();
  });
});

describe('<kith-hot-topics> tags and paging', () => {
  it('filters by one tag or a comma list', async () => {
    const one = await mount({ tag: 'bugs', sort: 'new' }, backend());
    expect(ids(one)).to.deep.equal(['t1', 't4', 't7', 't10']);
    const two = await mount({ tag: 'bugs, help', sort: 'new' }, backend());
    expect(ids(two).length).to.equal(8);
    two.setAttribute('tag', 'ideas');
    await until(() => ids(two).length === 4);
    expect(ids(two)).to.deep.equal(['t0', 't3', 't6', 't9']);
  });

  it('filter chips', async () => {
    const el = await mount({ tags: 'ideas,help', sort: 'new' }, backend());
    const chips = () => $$(el, '[part=chip]');
    expect(chips().map((c) => c.textContent!.trim())).to.deep.equal(['All', 'ideas', 'help']);
    expect(chips().map((c) => c.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false']);
    await click(el, chips()[2]!);
    await until(() => ids(el).length === 4);
    expect(ids(el)).to.deep.equal(['t2', 't5', 't8', 't11']);
    expect(chips().map((c) => c.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false', 'true']);
    await click(el, chips()[0]!);
    await until(() => ids(el).length === 10);
    expect(chips().map((c) => c.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false']);
  });

  it('pages with "load more" without skipping or repeating, then stops', async () => {
    const b = backend({ topics: makeTopics(23) });
    const el = await mount({ sort: 'new', limit: '10' }, b);
    expect(ids(el).length).to.equal(10);
    await click(el, $(el, '[part=more]'));
    await until(() => ids(el).length === 20);
    expect(el.shadowRoot!.activeElement).to.equal(topicEl(el, 't10')); // focus on the first new topic
    // a topic published meanwhile shifts the backend's offsets: the repeat is dropped
    b.publish({ type: 'upsert', topic: { ...makeTopics(1)[0]!, id: 'late', createdAt: new Date().toISOString() } });
    await click(el, $(el, '[part=more]'));
    await until(() => !$(el, '[part=more]'));
    expect(ids(el)).to.deep.equal(makeTopics(23).map((t) => t.id));
  });

  it('a failing "load more" says why and offers to try again', async () => {
    const b = backend({ topics: makeTopics(15) });
    const el = await mount({ sort: 'new' }, b);
    const list = b.listTopics;
    b.listTopics = async () => {
      throw new KithError('timeout', 'slow');
    };
    await click(el, $(el, '[part=more]'));
    await until(() => $(el, '.foot [role=alert]'));
    expect($(el, '.foot [role=alert]')!.textContent).to.equal('The server took too long to answer.');
    expect($(el, '[part=more]')!.textContent!.trim()).to.equal('Try again');
    b.listTopics = list;
    await click(el, $(el, '[part=more]'));
    await until(() => ids(el).length === 15);
    expect($(el, '.foot [role=alert]')).to.equal(null);
  });
});

describe('<kith-hot-topics> voting and reporting', () => {
  const voteButton = (el: Element, id: string) => topicEl(el, id).querySelector<HTMLButtonElement>('button[part~=vote]')!;
  const count = (el: Element, id: string) => topicEl(el, id).querySelector('[part=vote-count] .sr-only')!.textContent;

  it('votes optimistically, delivers through the outbox, and takes the vote back', async () => {
    const ev = recordEvents();
    const b = backend();
    let release!: () => void;
    const send = b.voteTopic;
    b.voteTopic = async (id, body, c) => (await new Promise<void>((r) => (release = r)), send(id, body, c));
    const el = await mount({ voting: '' }, b);
    expect(count(el, 't1')).to.equal('37 votes');
    await click(el, voteButton(el, 't1'));
    expect(count(el, 't1')).to.equal('38 votes'); // before the server answered
    expect(voteButton(el, 't1').getAttribute('aria-pressed')).to.equal('true');
    expect(ev.seen).to.deep.equal([{ type: 'vote', detail: { topicId: 't1', value: 1 } }]);
    await until(() => release);
    release();
    await until(() => b.state.votes.get('t1')?.size === 1);
    await tick(20);
    expect(count(el, 't1')).to.equal('38 votes');
    b.voteTopic = send;
    await click(el, voteButton(el, 't1'));
    expect(count(el, 't1')).to.equal('37 votes');
    expect(voteButton(el, 't1').getAttribute('aria-pressed')).to.equal('false');
    await until(() => b.state.votes.get('t1')?.size === 0);
    expect(ev.seen.map((e) => e.detail.value)).to.deep.equal([1, 0]);
    ev.stop();
  });

  it('rolls back with a message when the server refuses', async () => {
    const b = backend();
    b.voteTopic = async () => {
      throw new KithError('rejected', 'closed', { status: 403 });
    };
    const el = await mount({ voting: '' }, b);
    await click(el, voteButton(el, 't2'));
    expect(count(el, 't2')).to.equal('75 votes');
    await until(() => $(el, '[part=notice]')?.textContent);
    expect(count(el, 't2')).to.equal('74 votes');
    expect(voteButton(el, 't2').getAttribute('aria-pressed')).to.equal('false');
    // shown in the topic, said through the polite region
    expect(topicEl(el, 't2').querySelector('[part=notice]')!.textContent).to.equal('Your vote was not counted. The server refused this request.');
    expect($(el, '[role=status]')!.textContent).to.equal('Your vote was not counted. The server refused this request.');
  });

  /** A backend whose votes fail at the network until `online()` (which also tells the page). */
  function offline() {
    const b = backend();
    const send = b.voteTopic;
    b.voteTopic = async () => {
      throw new KithError('network', 'offline');
    };
    return { b, online: () => ((b.voteTopic = send), window.dispatchEvent(new Event('online'))) };
  }
  const notice = (el: Element, id: string) => topicEl(el, id).querySelector('[part=notice]')?.textContent;
  const QUEUED = 'Saved, will send when you are online.';

  it('a vote saved offline shows the server\'s count once the outbox delivers it, and "Sent."', async () => {
    const { b, online } = offline();
    const el = await mount({ voting: '' }, b);
    await click(el, voteButton(el, 't1'));
    expect(count(el, 't1')).to.equal('38 votes');
    await until(() => notice(el, 't1') === QUEUED, 3000, '"saved, will send"');
    b.topics.find((t) => t.id === 't1')!.votes += 4; // others voted meanwhile
    online();
    await until(() => notice(el, 't1') === 'Sent.', 3000, '"Sent."');
    expect(count(el, 't1')).to.equal('42 votes'); // the server's 41 and this vote
    expect(voteButton(el, 't1').getAttribute('aria-pressed')).to.equal('true');
  });

  it('a queued vote listens for its delivery only while it is the latest and the element is on the page', async () => {
    const { b, online } = offline();
    const el = await mount({ voting: '' }, b);
    // the element's 'delivery' listeners on the page-wide client
    const events = el.client.events;
    const on = events.on.bind(events);
    const listening = new Set<unknown>();
    events.on = ((type, fn) => {
      const off = on(type, fn);
      if (type !== 'delivery') return off;
      listening.add(fn);
      return () => (listening.delete(fn), off());
    }) as typeof on;
    await click(el, voteButton(el, 't1'));
    await until(() => notice(el, 't1') === QUEUED, 3000, '"saved, will send"');
    expect(listening.size).to.equal(1);
    await click(el, voteButton(el, 't1')); // taken back: the first vote is replaced
    await until(() => notice(el, 't1') === QUEUED && count(el, 't1') === '37 votes', 3000, 'the second vote queued');
    expect(listening.size, 'one listener: the latest vote').to.equal(1);
    await click(el, voteButton(el, 't1'));
    await until(() => notice(el, 't1') === QUEUED && count(el, 't1') === '38 votes', 3000, 'the third vote queued');
    expect(listening.size, 'one listener: the latest vote').to.equal(1);
    el.remove();
    expect(listening.size, 'none once the element left').to.equal(0);
    events.on = on;
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      b.topics.find((t) => t.id === 't1')!.votes += 4;
      online();
      await until(() => b.state.votes.get('t1')?.size === 1, 3000, 'the vote delivered');
      await tick(50);
    } finally {
      console.error = log;
    }
    expect(errors).to.deep.equal([]);
    // the detached element was left as it was
    expect(notice(el, 't1')).to.equal(QUEUED);
    expect(el.topics.find((t) => t.id === 't1')!.votes).to.equal(38);
  });

  it('a cancelled kith-topic-vote does not vote; without `voting` counts are text', async () => {
    const ev = recordEvents(['vote']);
    const b = backend();
    const el = await mount({ voting: '' }, b);
    await click(el, voteButton(el, 't1'));
    expect(count(el, 't1')).to.equal('37 votes');
    await tick(30);
    expect(b.state.log.filter((x) => x.call === 'voteTopic')).to.deep.equal([]);
    ev.stop();
    const plain = await mount({}, b);
    expect(plain.shadowRoot!.querySelector('button[part~=vote]')).to.equal(null);
    expect(topicEl(plain, 't1').querySelector('[part=vote] .sr-only')!.textContent).to.equal('37 votes');
  });

  it('reports through a dialog with reasons and an optional note', async () => {
    const ev = recordEvents();
    const b = backend();
    const el = await mount({ reporting: '' }, b);
    const button = topicEl(el, 't4').querySelector<HTMLButtonElement>('[part=report-button]')!;
    button.focus();
    await click(el, button);
    await until(() => $<HTMLDialogElement>(el, 'dialog')?.open, 3000, 'the dialog (its own chunk)');
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.matches(':modal')).to.equal(true);
    // the dialog's styles come with its chunk: a laid-out form, the feed's own styles still in place
    expect(getComputedStyle($(el, 'dialog form')!).display).to.equal('grid');
    expect(getComputedStyle($(el, '.topics')!).display).to.equal('grid');
    expect($$(el, 'dialog input[type=radio]').map((i) => i.closest('label')!.textContent!.trim())).to.deep.equal([
      'Spam',
      'Abuse or harassment',
      'Off-topic',
      'Other',
    ]);
    // a reason is required
    await click(el, $(el, 'dialog [part=submit]'));
    expect($(el, '#reason-msg')!.textContent).to.equal('Please answer this.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'dialog input[type=radio]'));
    await click(el, $$(el, 'dialog input[type=radio]')[2]!);
    const note = $<HTMLTextAreaElement>(el, 'dialog textarea')!;
    note.value = 'Belongs elsewhere';
    note.dispatchEvent(new Event('input'));
    await click(el, $(el, 'dialog [part=submit]'));
    await until(() => !$(el, 'dialog'));
    const sent = [...b.state.reports.values()];
    expect(sent).to.have.length(1);
    expect(sent[0]).to.include({ topicId: 't4', reason: 'off-topic', note: 'Belongs elsewhere' });
    expect(ev.seen).to.deep.equal([{ type: 'report', detail: { topicId: 't4', reason: 'off-topic', note: 'Belongs elsewhere' } }]);
    expect(topicEl(el, 't4').querySelector('[part=notice]')!.textContent).to.equal('Thank you. A moderator will look at this topic.');
    expect(el.shadowRoot!.activeElement).to.equal(button); // focus back where it was
    ev.stop();
  });

  it('Esc closes the report dialog without sending; a refused report says why', async () => {
    const b = backend();
    const el = await mount({ reporting: '', sort: 'new' }, b);
    await click(el, topicEl(el, 't0').querySelector('[part=report-button]'));
    await until(() => $<HTMLDialogElement>(el, 'dialog')?.open);
    $(el, 'dialog')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => !$(el, 'dialog'));
    expect(b.state.reports.size).to.equal(0);

    b.reportTopic = async () => {
      throw new KithError('rejected', 'no', { status: 422 });
    };
    await click(el, topicEl(el, 't0').querySelector('[part=report-button]'));
    await until(() => $<HTMLDialogElement>(el, 'dialog')?.open);
    await click(el, $$(el, 'dialog input[type=radio]')[0]!);
    await click(el, $(el, 'dialog [part=submit]'));
    await until(() => $(el, 'dialog [role=alert]'));
    expect($(el, 'dialog [role=alert]')!.textContent).to.equal('The server refused this request.');
    expect($<HTMLDialogElement>(el, 'dialog')!.open).to.equal(true);
  });
});

describe('<kith-hot-topics> languages', () => {
  it('speaks Spanish with Intl numbers and times', async () => {
    const t = makeTopics(2, now);
    t[0]!.votes = 1500;
    t[0]!.pinned = true;
    const el = await mount({ locale: 'es', voting: '' }, backend({ topics: t }));
    await until(() => topicEl(el, 't0').querySelector('[part=flag]')!.textContent === 'Fijado');
    expect(topicEl(el, 't0').querySelector('[part=vote-count] .sr-only')!.textContent).to.equal('1500 votos');
    expect(topicEl(el, 't0').querySelector('[part=vote-count] span[aria-hidden]')!.textContent).to.equal(new Intl.NumberFormat('es', { notation: 'compact', maximumFractionDigits: 1 }).format(1500));
    expect(topicEl(el, 't0').querySelector('time')!.textContent).to.equal('hace 1 hora');
    expect($(el, '[part=list]')!.getAttribute('aria-label')).to.equal('Temas de la comunidad');
  });

  it('is right-to-left in Arabic', async () => {
    const el = await mount({ locale: 'ar', sort: 'new' }, backend());
    await until(() => $(el, '[part=list]')!.getAttribute('aria-label') === 'مواضيع المجتمع');
    expect($(el, '[part=base]')!.getAttribute('dir')).to.equal('rtl');
    const a = topicEl(el, 't0').getBoundingClientRect();
    const stats = topicEl(el, 't0').querySelector('.stats')!.getBoundingClientRect();
    expect(stats.right).to.be.lessThan(a.left + a.width / 2); // the counts sit on the left
  });
});
