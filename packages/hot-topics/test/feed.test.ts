import { expect } from '@esm-bundle/chai';
import { TopicFeed, ago, applyEvent, ordered, safeHref, splitTags } from '../src/index.ts';
import { makeTopics } from './harness.ts';

describe('feed logic', () => {
  it('safeHref keeps http(s) only', () => {
    expect(safeHref('https://a.example/x?y=1')).to.equal('https://a.example/x?y=1');
    expect(safeHref('http://a.example')).to.equal('http://a.example/');
    expect(safeHref('/t/1')).to.equal(new URL('/t/1', document.baseURI).href);
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', 'blob:https://a/1', 'http://[::1', '', null, undefined]) {
      expect(safeHref(bad), String(bad)).to.equal(undefined);
    }
  });

  it('splitTags trims and drops empties', () => {
    expect(splitTags(' a, b,,c ')).to.deep.equal(['a', 'b', 'c']);
    expect(splitTags(undefined)).to.deep.equal([]);
  });

  it('orders pinned, then promoted, then the rest, each in given order', () => {
    const [a, b, c, d] = makeTopics(4);
    const list = [{ ...a!, promoted: true }, b!, { ...c!, pinned: true }, { ...d!, promoted: true }];
    expect(ordered(list).map((t) => t.id)).to.deep.equal(['t2', 't0', 't3', 't1']);
  });

  it('ago picks the largest fitting unit', () => {
    const now = Date.parse('2024-06-01T12:00:00Z');
    expect(ago('2024-06-01T11:59:30Z', now)).to.deep.equal([0, 'second']);
    expect(ago('2024-06-01T11:55:00Z', now)).to.deep.equal([-5, 'minute']);
    expect(ago('2024-06-01T09:00:00Z', now)).to.deep.equal([-3, 'hour']);
    expect(ago('2024-05-30T12:00:00Z', now)).to.deep.equal([-2, 'day']);
    expect(ago('2024-05-15T12:00:00Z', now)).to.deep.equal([-2, 'week']);
    expect(ago('2023-06-01T12:00:00Z', now)).to.deep.equal([-1, 'year']);
    expect(ago('2024-06-01T12:05:00Z', now), 'a server clock ahead of ours').to.deep.equal([0, 'second']);
  });

  it('pages append only unseen topics, the first page replaces', () => {
    const f = new TopicFeed();
    const t = makeTopics(6);
    expect(f.page(t.slice(0, 3), '3', true).map((x) => x.id)).to.deep.equal(['t0', 't1', 't2']);
    expect(f.page(t.slice(2, 5), null, false).map((x) => x.id)).to.deep.equal(['t3', 't4']);
    expect(f.topics.map((x) => x.id)).to.deep.equal(['t0', 't1', 't2', 't3', 't4']);
    expect(f.cursor).to.equal(null);
    f.page(t.slice(5), null, true);
    expect(f.topics.map((x) => x.id)).to.deep.equal(['t5']);
  });

  it('live events: update in place keeping the visitor’s vote, new ones wait, removals leave', () => {
    const f = new TopicFeed();
    const [a, b, c, d] = makeTopics(4);
    f.page([{ ...a!, voted: true }, b!], null, true);
    const all = () => true;
    expect(applyEvent(f, { type: 'upsert', topic: { ...a!, votes: 99, voted: false } }, all)).to.equal(true);
    expect(f.topics[0]).to.include({ id: 't0', votes: 99, voted: true });
    expect(applyEvent(f, { type: 'upsert', topic: c! }, all)).to.equal(true);
    expect(applyEvent(f, { type: 'upsert', topic: d! }, () => false)).to.equal(false);
    expect(f.topics.map((x) => x.id)).to.deep.equal(['t0', 't1']);
    expect(f.pending.map((x) => x.id)).to.deep.equal(['t2']);
    expect(applyEvent(f, { type: 'upsert', topic: { ...c!, replies: 7 } }, all)).to.equal(true);
    expect(f.pending[0]!.replies).to.equal(7);
    expect(applyEvent(f, { type: 'remove', id: 't1' }, all)).to.equal(true);
    expect(applyEvent(f, { type: 'remove', id: 'nope' }, all)).to.equal(false);
    expect(f.reveal().map((x) => x.id)).to.deep.equal(['t2']);
    expect(f.topics.map((x) => x.id)).to.deep.equal(['t2', 't0']);
    expect(f.pending).to.deep.equal([]);
    // a topic that already waits or is shown is never added twice by a later page
    f.page([a!, c!], null, false);
    expect(f.topics.map((x) => x.id)).to.deep.equal(['t2', 't0']);
  });
});
