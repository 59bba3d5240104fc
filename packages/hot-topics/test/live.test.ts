import { expect } from '@esm-bundle/chai';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { kithHandlers } from '@kith/client/msw';
import { KithError, type Topic } from '@kith/client';
import { $, $$, backend, click, ids, makeTopics, mount, newSite, tick, topicEl, until } from './harness.ts';

const fresh = (id: string, tags = ['ideas']): Topic => ({ ...makeTopics(1)[0]!, id, title: `Fresh ${id}`, tags, createdAt: new Date().toISOString() });
const pill = (el: Element) => $(el, '[part=new-button]');

describe('<kith-hot-topics> live updates', () => {
  it('updates counts in place, holds new topics behind "N new topics", removes hidden ones', async () => {
    const b = backend({ topics: makeTopics(6) });
    const el = await mount({ live: '', sort: 'new' }, b);
    await until(() => el.liveMode === 'stream');
    const before = ids(el);
    const node = topicEl(el, 't2');

    const touched = new Set<Node>();
    const mo = new MutationObserver((list) => list.forEach((m) => touched.add(m.target)));
    mo.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    b.publish({ type: 'upsert', topic: { ...b.topics.find((t) => t.id === 't2')!, votes: 999, replies: 3 } });
    await el.updateComplete;
    mo.takeRecords().forEach((m) => touched.add(m.target));
    mo.disconnect();
    expect(touched.size, 'nodes touched by one update').to.be.at.most(4); // two counts, each visible and spoken
    expect(ids(el)).to.deep.equal(before);
    expect(topicEl(el, 't2')).to.equal(node); // the same DOM node, changed in place
    expect(node.querySelector('[part~=vote] .sr-only')!.textContent).to.equal('999 votes');
    expect(node.querySelector('[part=replies] .sr-only')!.textContent).to.equal('3 replies');

    const top = el.getBoundingClientRect().top;
    const firstTop = topicEl(el, 't0').getBoundingClientRect().top;
    b.publish({ type: 'upsert', topic: fresh('n1') });
    b.publish({ type: 'upsert', topic: fresh('n2') });
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(before); // nothing moved under the reader
    expect(topicEl(el, 't0').getBoundingClientRect().top).to.equal(firstTop);
    expect(el.getBoundingClientRect().top).to.equal(top);
    expect(pill(el)!.textContent!.trim()).to.equal('2 new topics');
    expect(pill(el)!.parentElement!.getAttribute('aria-live')).to.equal('polite');

    b.publish({ type: 'remove', id: 't3' });
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(before.filter((id) => id !== 't3'));

    await click(el, pill(el));
    expect(ids(el).slice(0, 2)).to.deep.equal(['n2', 'n1']);
    expect(pill(el)).to.equal(null);
    await until(() => el.shadowRoot!.activeElement === topicEl(el, 'n2'), 1000, 'focus on the first new topic');
  });

  it('only topics of the filtered tags wait; a removed waiting topic leaves the count', async () => {
    const b = backend({ topics: makeTopics(6) });
    const el = await mount({ live: '', tag: 'bugs' }, b);
    await until(() => el.liveMode === 'stream');
    b.publish({ type: 'upsert', topic: fresh('x', ['ideas']) });
    b.publish({ type: 'upsert', topic: fresh('y', ['bugs']) });
    b.publish({ type: 'upsert', topic: fresh('z', ['bugs']) });
    await el.updateComplete;
    expect(pill(el)!.textContent!.trim()).to.equal('2 new topics');
    b.publish({ type: 'remove', id: 'y' });
    await el.updateComplete;
    expect(pill(el)!.textContent!.trim()).to.equal('1 new topic');
  });

  it('without `live` there is no stream', async () => {
    const b = backend({ topics: makeTopics(3) });
    const el = await mount({}, b);
    b.publish({ type: 'upsert', topic: fresh('n1') });
    await tick(20);
    expect(el.liveMode).to.equal('off');
    expect(pill(el)).to.equal(null);
  });

  it('falls back to polling every `live` seconds when the stream fails', async () => {
    const b = backend({ topics: makeTopics(4) });
    b.streamTopics = () => Promise.reject(new KithError('network', 'no stream'));
    const calls: string[] = [];
    const list = b.listTopics;
    b.listTopics = async (q, c) => (calls.push(q.cursor ?? 'first'), list(q, c));
    const el = await mount({ live: '0.05', sort: 'new' }, b);
    await until(() => el.liveMode === 'polling');
    b.topics.push(fresh('p1'));
    b.topics.find((t) => t.id === 't1')!.votes = 555;
    await until(() => pill(el), 3000, 'the polled topic');
    expect(pill(el)!.textContent!.trim()).to.equal('1 new topic');
    expect(topicEl(el, 't1').querySelector('[part~=vote] .sr-only')!.textContent).to.equal('555 votes');
    expect(calls.length).to.be.greaterThan(1);
    el.remove();
    const n = calls.length;
    await tick(150);
    expect(calls.length, 'polling stops with the element').to.be.at.most(n + 1);
  });

  it('stops the stream when the query changes and opens a new one', async () => {
    const b = backend({ topics: makeTopics(6) });
    const el = await mount({ live: '', sort: 'new' }, b);
    await until(() => el.liveMode === 'stream');
    el.setAttribute('tag', 'help');
    await until(() => ids(el).length === 2 && el.liveMode === 'stream');
    b.publish({ type: 'upsert', topic: fresh('h', ['help']) });
    await el.updateComplete;
    expect(pill(el)!.textContent!.trim()).to.equal('1 new topic');
  });
});

describe('<kith-hot-topics> over REST (msw)', () => {
  const API = 'https://api.hot-topics.test';
  const worker = setupWorker();
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  it('reads, votes and streams through the REST backend', async () => {
    const b = backend({ topics: makeTopics(4) });
    worker.resetHandlers(...kithHandlers(b, { baseUrl: API }));
    const el = await mount({ endpoint: API, live: '', voting: '', sort: 'new' }, null);
    expect(ids(el)).to.deep.equal(['t0', 't1', 't2', 't3']);
    await click(el, topicEl(el, 't0').querySelector('button[part~=vote]'));
    await until(() => b.state.votes.get('t0')?.size === 1);
    await until(() => el.liveMode === 'stream');
    // the EventSource connects when it connects (its code loads on first use): publish the same
    // topic until one event arrives; repeats of one topic are still one new topic
    const live = fresh('live1');
    await until(() => (b.publish({ type: 'upsert', topic: live }), pill(el)), 3000, 'an SSE event');
    expect(pill(el)!.textContent!.trim()).to.equal('1 new topic');
  });

  it('a vote saved offline: once the outbox delivers it, "Sent." replaces "Saved, will send" in the topic and the live region', async () => {
    const b = backend({ topics: makeTopics(4) });
    // offline: every vote fails at the network
    worker.resetHandlers(http.post(`${API}/v1/topics/:id/votes`, () => HttpResponse.error()), ...kithHandlers(b, { baseUrl: API }));
    const el = await mount({ endpoint: API, voting: '', sort: 'new' }, null);
    const before = b.topics.find((t) => t.id === 't2')!.votes;
    await click(el, topicEl(el, 't2').querySelector('button[part~=vote]'));
    const notice = () => topicEl(el, 't2').querySelector('[part=notice]')?.textContent;
    const live = () => $(el, '.sr-only[role=status]')!.textContent;
    await until(() => notice() === 'Saved, will send when you are online.', 3000, '"saved, will send"');
    expect(live()).to.equal('Saved, will send when you are online.');
    // online again: the outbox sends the vote
    worker.resetHandlers(...kithHandlers(b, { baseUrl: API }));
    window.dispatchEvent(new Event('online'));
    await until(() => b.state.votes.get('t2')?.size === 1, 3000, 'the vote delivered');
    expect(b.topics.find((t) => t.id === 't2')!.votes, 'the server count rose').to.equal(before + 1);
    await until(() => notice() !== 'Saved, will send when you are online.', 3000, 'the notice to change');
    await el.updateComplete;
    expect(notice()).to.equal('Sent.');
    expect(live()).to.equal('Sent.');
    expect(topicEl(el, 't2').querySelector('button[part~=vote]')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('a vote saved offline and refused when it is finally sent: the notice says why', async () => {
    const b = backend({ topics: makeTopics(4) });
    worker.resetHandlers(http.post(`${API}/v1/topics/:id/votes`, () => HttpResponse.error()), ...kithHandlers(b, { baseUrl: API }));
    const el = await mount({ endpoint: API, voting: '', sort: 'new' }, null);
    await click(el, topicEl(el, 't1').querySelector('button[part~=vote]'));
    const notice = () => topicEl(el, 't1').querySelector('[part=notice]')?.textContent;
    await until(() => notice() === 'Saved, will send when you are online.', 3000, '"saved, will send"');
    worker.resetHandlers(
      http.post(`${API}/v1/topics/:id/votes`, () => HttpResponse.json({ title: 'Closed', status: 403 }, { status: 403 })),
      ...kithHandlers(b, { baseUrl: API }),
    );
    window.dispatchEvent(new Event('online'));
    await until(() => notice() !== 'Saved, will send when you are online.', 3000, 'the notice to change');
    expect(notice()).to.equal('Your vote was not counted. The server refused this request.');
    expect($(el, '.sr-only[role=status]')!.textContent).to.equal(notice());
    // and the count rolls back
    expect(topicEl(el, 't1').querySelector('button[part~=vote]')!.getAttribute('aria-pressed')).to.equal('false');
    expect(topicEl(el, 't1').querySelector('[part=vote-count] .sr-only')!.textContent).to.equal(`${b.topics.find((t) => t.id === 't1')!.votes} votes`);
  });

  it('falls back to polling when the stream answers 503', async () => {
    const b = backend({ topics: makeTopics(3) });
    worker.resetHandlers(
      http.get(`${API}/v1/topics/stream`, () =>
        HttpResponse.json({ title: 'Unavailable', status: 503 }, { status: 503, headers: { 'Retry-After': '1' } }),
      ),
      ...kithHandlers(b, { baseUrl: API }),
    );
    const el = await mount({ endpoint: API, site: newSite(), live: '0.1', sort: 'new' }, null);
    await until(() => el.liveMode === 'polling', 4000, 'polling');
    b.topics.push(fresh('polled'));
    await until(() => pill(el), 3000, 'the polled topic');
    expect($$(el, '[part~=topic]').length).to.equal(3);
  });
});
