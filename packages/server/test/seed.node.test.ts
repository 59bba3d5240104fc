import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as z from 'zod/mini';
import { BadgeCatalog, MemberBadges, Survey, TopicPage } from '@kith/client/protocol';
import { checkSurvey } from '../src/domain/surveyCheck.ts';
import { verifyMemberToken } from '../src/domain/memberToken.ts';
import { DEMO, demoMemberToken, seedDemo } from '../src/seed/demo.ts';
import { SqliteStore, migrate } from '../src/store/sqlite/sqliteStore.ts';
import { T0, testApp } from './helpers.ts';

const DAY = 86_400_000;

test('demo surveys: valid, en + es, NPS follow-up chosen by score, every question type in demo-product', async () => {
  const t = await testApp();
  const nps = z.parse(Survey, (await t.call('GET', '/v1/surveys/demo-nps')).json);
  const product = z.parse(Survey, (await t.call('GET', '/v1/surveys/demo-product')).json);
  assert.deepEqual(checkSurvey(nps), []);
  assert.deepEqual(checkSurvey(product), []);
  for (const s of [nps, product]) for (const q of s.questions) assert.deepEqual(Object.keys(q.text as object).sort(), ['en', 'es'], `${s.id}.${q.id}`);
  assert.deepEqual(nps.questions.map((q) => q.id), ['nps', 'detractor', 'passive', 'promoter']);
  assert.deepEqual(nps.questions[0]!.logic, [
    { op: 'lte', value: 6, goto: 'detractor' },
    { op: 'lte', value: 8, goto: 'passive' },
    { op: 'gte', value: 9, goto: 'promoter' },
  ]);
  const kinds = product.questions.map((q) =>
    q.type === 'rating' ? `rating:${q.style}` : q.type === 'text' ? `text:${q.multiline ? 'long' : 'short'}` : q.type === 'single' ? `single:${q.other ? 'other' : ''}` : q.type === 'multiple' ? `multiple:${q.min}-${q.max}` : q.type,
  );
  assert.deepEqual(kinds, ['nps', 'rating:stars', 'rating:emoji', 'single:other', 'multiple:1-3', 'text:short', 'text:long', 'yesno']);
});

test('demo topics: at least 30 over at least 4 tags, 2 pinned, spread over weeks', async () => {
  const t = await testApp();
  const page = z.parse(TopicPage, (await t.call('GET', '/v1/topics?sort=new&limit=100')).json);
  assert.ok(page.items.length >= 30);
  assert.ok(new Set(page.items.flatMap((x) => x.tags)).size >= 4);
  assert.deepEqual(page.items.filter((x) => x.pinned).map((x) => x.id).sort(), ['roadmap-spring', 'welcome']);
  const ages = page.items.map((x) => (T0 - Date.parse(x.createdAt)) / DAY);
  assert.ok(Math.max(...ages) >= 28 && Math.min(...ages) < 1);
});

test('demo badges: at least 10 in bronze, silver and gold, each with an emoji', async () => {
  const t = await testApp();
  const catalog = z.parse(BadgeCatalog, (await t.call('GET', '/v1/badges')).json);
  assert.ok(catalog.items.length >= 10);
  assert.deepEqual(catalog.tiers.map((x) => x.id), ['bronze', 'silver', 'gold']);
  for (const tier of ['bronze', 'silver', 'gold']) assert.ok(catalog.items.filter((b) => b.tier === tier).length >= 3, tier);
  assert.ok(catalog.items.every((b) => b.icon.emoji));
});

test('demo-member: some badges earned, progress toward others; the printed token is theirs', async () => {
  const t = await testApp();
  const token = demoMemberToken(t.time.now());
  const check = verifyMemberToken(token, DEMO.memberSecret, Math.floor(t.time.now() / 1000));
  assert.equal(check.ok && check.claims.sub, 'demo-member');
  const me = z.parse(MemberBadges, (await t.call('GET', '/v1/members/me/badges', { token })).json);
  assert.equal(me.member.name, 'Alex Rivera');
  const earned = me.items.filter((i) => i.earnedAt).map((i) => i.badge.id);
  assert.deepEqual(earned.sort(), ['first-words', 'rising-topic', 'upvoter', 'voice-heard', 'welcome']);
  const inProgress = me.items.filter((i) => !i.earnedAt && i.progress && i.progress.current > 0).map((i) => `${i.badge.id} ${i.progress!.current}/${i.progress!.target}`);
  assert.deepEqual(inProgress, ['explorer 4/10', 'survey-regular 3/5', 'feedback-pro 2/5', 'civic-voter 12/25', 'hall-of-fame 41/50', 'survey-sage 3/20']);
  assert.ok(me.member.points > 0);
});

test('seeding twice changes nothing; the seed is the same every time', async () => {
  const a = new SqliteStore(':memory:');
  const b = new SqliteStore(':memory:');
  assert.deepEqual(await seedDemo(a, T0), { seeded: true });
  assert.deepEqual(await seedDemo(a, T0 + DAY), { seeded: false });
  await seedDemo(b, T0);
  const board = (s: SqliteStore) => s.leaderboard('demo', 'all', 100, T0);
  assert.deepEqual(await board(a), await board(b));
  assert.deepEqual(await a.listTopics('demo', { sort: 'hot', period: 'all', limit: 100, now: T0 }), await b.listTopics('demo', { sort: 'hot', period: 'all', limit: 100, now: T0 }));
});

test('migrations run in order, once, and survive a reopen (WAL file on disk)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kith-migrate-'));
  try {
    const file = join(dir, 'kith.db');
    const store = new SqliteStore(file);
    assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
    const version = store.db.pragma('user_version', { simple: true });
    assert.ok(Number(version) >= 1);
    await seedDemo(store, T0);
    assert.equal(migrate(store.db), version, 'nothing left to apply');
    await store.close();
    const reopened = new SqliteStore(file);
    assert.equal((await reopened.getSite('demo'))?.key, 'demo');
    await reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
