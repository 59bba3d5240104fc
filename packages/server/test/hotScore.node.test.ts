import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HOT_DECADE_S, HOT_EPOCH_S, hotScore, topicLane } from '../src/domain/hotScore.ts';
import { SqliteStore } from '../src/store/sqlite/sqliteStore.ts';
import { T0 } from './helpers.ts';

const DAY = 86_400_000;

test('hot = log10(max(1, votes + 2·replies)) + (createdAt − epoch) / 2 days', () => {
  const createdAt = (HOT_EPOCH_S + 3 * HOT_DECADE_S) * 1000;
  assert.equal(hotScore({ votes: 80, replies: 10, createdAt }), 2 + 3);
  assert.equal(hotScore({ votes: 0, replies: 0, createdAt }), 3, 'no engagement counts as 1');
});

test('ten times the engagement ranks level with a topic two days newer', () => {
  const older = hotScore({ votes: 100, replies: 0, createdAt: T0 });
  const newer = hotScore({ votes: 10, replies: 0, createdAt: T0 + 2 * DAY });
  assert.ok(Math.abs(older - newer) < 1e-9);
  assert.ok(hotScore({ votes: 101, replies: 0, createdAt: T0 }) > newer);
});

test('a reply weighs two votes', () => {
  assert.equal(hotScore({ votes: 2, replies: 4, createdAt: T0 }), hotScore({ votes: 10, replies: 0, createdAt: T0 }));
});

test('lanes: pinned, then promoted, then the rest', () => {
  assert.equal(topicLane({ pinned: true, promoted: true }), 2);
  assert.equal(topicLane({ pinned: false, promoted: true }), 1);
  assert.equal(topicLane({ pinned: false, promoted: false }), 0);
});

test('hot lists pinned first, promoted next, then by score; the order does not drift with time', async () => {
  const store = new SqliteStore(':memory:');
  const author = { id: 'a', name: 'A' };
  const base = { author, tags: [], excerpt: undefined, url: null, pinned: false, promoted: false };
  await store.createTopic('s', { ...base, id: 'old-popular', title: 'old', votes: 500, replies: 0, createdAt: T0 - 4 * DAY }, T0);
  await store.createTopic('s', { ...base, id: 'fresh', title: 'fresh', votes: 20, replies: 5, createdAt: T0 - 3_600_000 }, T0);
  await store.createTopic('s', { ...base, id: 'day-old', title: 'day', votes: 60, replies: 0, createdAt: T0 - DAY }, T0);
  await store.createTopic('s', { ...base, id: 'pinned-quiet', title: 'pin', votes: 0, replies: 0, createdAt: T0 - 30 * DAY, pinned: true }, T0);
  await store.createTopic('s', { ...base, id: 'promoted', title: 'promo', votes: 1, replies: 0, createdAt: T0 - 10 * DAY, promoted: true }, T0);
  const ids = async (now: number) => (await store.listTopics('s', { sort: 'hot', period: 'all', limit: 10, now })).items.map((t) => t.id);
  // fresh: 30 engagement, 1 h old; day-old: 60, 24 h old → 10^(−23/48)·2 ≈ 0.66 of fresh; old-popular: 500 at 4 days ≈ 5/30 of fresh.
  assert.deepEqual(await ids(T0), ['pinned-quiet', 'promoted', 'fresh', 'day-old', 'old-popular']);
  assert.deepEqual(await ids(T0 + 30 * DAY), await ids(T0));
  // Votes move a topic: 100 more votes put day-old ahead of fresh.
  await store.updateTopic('s', 'day-old', { votes: 160 }, T0);
  assert.deepEqual((await ids(T0)).slice(2, 4), ['day-old', 'fresh']);
});

test('new and top sorts also keep pinned first', async () => {
  const store = new SqliteStore(':memory:');
  const base = { author: { id: 'a', name: 'A' }, tags: [], url: null, promoted: false, replies: 0 };
  await store.createTopic('s', { ...base, id: 'p', title: 'p', votes: 0, createdAt: T0 - 9 * DAY, pinned: true }, T0);
  await store.createTopic('s', { ...base, id: 'x', title: 'x', votes: 5, createdAt: T0 - DAY, pinned: false }, T0);
  await store.createTopic('s', { ...base, id: 'y', title: 'y', votes: 9, createdAt: T0 - 2 * DAY, pinned: false }, T0);
  const list = async (sort: 'new' | 'top') => (await store.listTopics('s', { sort, period: 'all', limit: 10, now: T0 })).items.map((t) => t.id);
  assert.deepEqual(await list('new'), ['p', 'x', 'y']);
  assert.deepEqual(await list('top'), ['p', 'y', 'x']);
});
