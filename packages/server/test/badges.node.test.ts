import assert from 'node:assert/strict';
import { test } from 'node:test';
import { badgesToAward, periodStart, ruleProgress } from '../src/domain/badgeRules.ts';
import { signMemberToken } from '../src/domain/memberToken.ts';
import { DEMO } from '../src/seed/demo.ts';
import { testApp } from './helpers.ts';

const DAY = 86_400_000;

test('badgesToAward: rules met and not yet held; manual badges never', () => {
  const badges = [
    { id: 'one', rule: { metric: 'm', threshold: 1 } },
    { id: 'five', rule: { metric: 'm', threshold: 5 } },
    { id: 'held', rule: { metric: 'm', threshold: 1 } },
    { id: 'manual', rule: null },
  ];
  assert.deepEqual(badgesToAward(badges, { m: 3 }, new Set(['held'])), ['one']);
  assert.deepEqual(badgesToAward(badges, { m: 5 }, new Set()), ['one', 'five', 'held']);
  assert.deepEqual(badgesToAward(badges, {}, new Set()), []);
});

test('ruleProgress is capped at the target; earned shows full; manual has none', () => {
  assert.deepEqual(ruleProgress({ metric: 'm', threshold: 5 }, { m: 3 }, false), { current: 3, target: 5 });
  assert.deepEqual(ruleProgress({ metric: 'm', threshold: 5 }, { m: 9 }, false), { current: 5, target: 5 });
  assert.deepEqual(ruleProgress({ metric: 'm', threshold: 5 }, {}, true), { current: 5, target: 5 });
  assert.equal(ruleProgress(null, { m: 1 }, false), null);
});

test('periods: day, week (7 days), month (30 days), all', () => {
  assert.equal(periodStart('week', 10 * DAY), 3 * DAY);
  assert.equal(periodStart('month', 40 * DAY), 10 * DAY);
  assert.equal(periodStart('all', 40 * DAY), 0);
});

async function member(t: Awaited<ReturnType<typeof testApp>>, sub: string) {
  const token = signMemberToken({ sub, name: `Member ${sub}`, exp: Math.floor(t.time.now() / 1000) + 30 * 86_400 }, DEMO.memberSecret);
  const badges = async () => (await t.call('GET', '/v1/members/me/badges', { token })).json;
  const earned = async () => (await badges()).items.filter((i: { earnedAt: string | null }) => i.earnedAt).map((i: { badge: { id: string } }) => i.badge.id).sort();
  return { token, badges, earned };
}

test('first feedback awards "first words" with its points, once; spam earns nothing', async () => {
  const t = await testApp();
  const m = await member(t, 'newbie');
  assert.deepEqual(await m.earned(), []);
  const spam = { id: t.id('fb'), message: 'buy now', honeypot: 'http://spam.example' };
  assert.equal((await t.call('POST', '/v1/feedback', { token: m.token, body: spam })).status, 201);
  assert.deepEqual(await m.earned(), [], 'spam counts for nothing');
  const body = { id: t.id('fb'), message: 'Export is slow on big folders.', elapsedMs: 9000 };
  await t.call('POST', '/v1/feedback', { token: m.token, body });
  await t.call('POST', '/v1/feedback', { token: m.token, body });
  assert.deepEqual(await m.earned(), ['first-words']);
  const me = await m.badges();
  assert.equal(me.member.points, 5 + 10, '5 for the feedback, 10 for the badge');
  const progress = me.items.find((i: { badge: { id: string } }) => i.badge.id === 'feedback-pro').progress;
  assert.deepEqual(progress, { current: 1, target: 5 });
});

test('N completed surveys award their badges; partial responses and repeats do not count', async () => {
  const t = await testApp();
  const m = await member(t, 'surveyor');
  const respond = (responseId: string, finished: boolean, seq = 1) =>
    t.call('POST', '/v1/surveys/demo-nps/responses', { token: m.token, body: { responseId, surveyVersion: 1, seq, answers: { nps: 9 }, finished } });
  await respond('resp-partial-01', false);
  assert.deepEqual(await m.earned(), []);
  await respond('resp-partial-01', true, 2);
  await respond('resp-partial-01', true, 3);
  assert.deepEqual(await m.earned(), ['voice-heard']);
  for (let i = 2; i <= 5; i++) await respond(`resp-complete-0${i}`, true);
  assert.deepEqual(await m.earned(), ['survey-regular', 'voice-heard']);
  assert.equal((await m.badges()).member.points, 5 * 10 + 10 + 25);
});

test("a topic reaching N votes awards its author; votes taken back and cast again count once", async () => {
  const t = await testApp();
  const author = await member(t, 'author');
  await t.call('GET', '/v1/members/me/badges', { token: author.token });
  await t.admin('POST', '/sites/demo/topics', { id: 'near-ten', title: 'Almost there', author: { id: 'author', name: 'Member author' }, votes: 8 });
  const vote = (visitor: string, value: 0 | 1) => t.call('POST', '/v1/topics/near-ten/votes', { visitor, body: { id: t.id('v'), value } });
  await vote('visitor-aaaa-0001', 1);
  await vote('visitor-aaaa-0001', 0);
  await vote('visitor-aaaa-0001', 1);
  assert.deepEqual(await author.earned(), []);
  const last = await vote('visitor-bbbb-0002', 1);
  assert.equal(last.json.votes, 10);
  assert.deepEqual(await author.earned(), ['rising-topic']);
  assert.equal((await author.badges()).member.points, 2 * 2 + 30, 'two distinct voters at 2 points, plus the badge');
});

test('engagement events count toward event badges (member only, each event id once)', async () => {
  const t = await testApp();
  const m = await member(t, 'browser');
  const events = Array.from({ length: 10 }, (_, i) => ({ id: `open-event-${i}`, type: 'open', widget: 'hot-topics', subject: 'lut-support', at: new Date(t.time.now()).toISOString() }));
  await t.call('POST', '/v1/events', { token: m.token, body: { events: events.slice(0, 6) } });
  await t.call('POST', '/v1/events', { token: m.token, body: { events: events.slice(0, 6) } });
  assert.deepEqual(await m.earned(), []);
  await t.call('POST', '/v1/events', { token: m.token, body: { events } });
  assert.deepEqual(await m.earned(), ['explorer']);
});

test('leaderboard per period counts the points earned in it', async () => {
  const t = await testApp();
  const m = await member(t, 'climber');
  await t.call('POST', '/v1/feedback', { token: m.token, body: { id: t.id('fb'), message: 'one', elapsedMs: 5000 } });
  const points = async (period: string) =>
    (await t.call('GET', `/v1/leaderboard?period=${period}&limit=100`)).json.items.find((i: { member: { id: string } }) => i.member.id === 'climber')?.points;
  assert.equal(await points('day'), 15);
  assert.equal(await points('week'), 15);
  t.time.advance(8 * DAY);
  await t.call('POST', '/v1/feedback', { token: m.token, body: { id: t.id('fb'), message: 'two', elapsedMs: 5000 } });
  assert.equal(await points('week'), 5);
  assert.equal(await points('month'), 20);
  assert.equal(await points('all'), 20);
  t.time.advance(31 * DAY);
  assert.equal(await points('month'), undefined);
  const board = (await t.call('GET', '/v1/leaderboard?period=all&limit=3')).json;
  assert.equal(board.items.length, 3);
  assert.deepEqual(board.items.map((i: { rank: number }) => i.rank), [1, 2, 3]);
  assert.ok(board.items[0].topBadges.length > 0);
});

test('manual award: 201 the first time, 200 after; unknown member or badge refused', async () => {
  const t = await testApp();
  const first = await t.admin('POST', '/sites/demo/members/demo-member/badges', { badgeId: 'community-champion', note: 'Ran the meetup' });
  assert.equal(first.status, 201);
  const again = await t.admin('POST', '/sites/demo/members/demo-member/badges', { badgeId: 'community-champion' });
  assert.equal(again.status, 200);
  assert.equal(again.json.earnedAt, first.json.earnedAt);
  assert.equal((await t.admin('POST', '/sites/demo/members/nobody/badges', { badgeId: 'welcome' })).status, 404);
  assert.equal((await t.admin('POST', '/sites/demo/members/demo-member/badges', { badgeId: 'nope' })).status, 422);
  const catalog = (await t.call('GET', '/v1/badges')).json;
  assert.ok(catalog.items.find((b: { id: string }) => b.id === 'community-champion').holders >= 2);
});

test('badge and tier texts in several languages are kept as given; a plain string stays a string', async () => {
  const t = await testApp();
  const gold = { label: { en: 'Gold', es: 'Oro', ar: 'ذهبي' }, color: '#d4a017', rank: 3 };
  assert.equal((await t.admin('PUT', '/sites/demo/tiers/gold', gold)).status, 200);
  assert.equal((await t.admin('PUT', '/sites/demo/tiers/silver', { label: 'Silver', rank: 2 })).status, 200);
  const badge = { name: { en: 'Night owl', es: 'Búho nocturno' }, description: { en: 'Posted after midnight.', es: 'Publicó pasada la medianoche.' }, criteria: 'Post after midnight.', tier: 'gold', icon: { emoji: '🦉', alt: { en: 'An owl', es: 'Un búho' } }, points: 5, rule: null };
  assert.equal((await t.admin('PUT', '/sites/demo/badges/night-owl', badge)).status, 200);
  const catalog = (await t.call('GET', '/v1/badges')).json;
  assert.deepEqual(catalog.tiers.find((x: { id: string }) => x.id === 'gold').label, gold.label);
  assert.equal(catalog.tiers.find((x: { id: string }) => x.id === 'silver').label, 'Silver');
  const owl = catalog.items.find((b: { id: string }) => b.id === 'night-owl');
  assert.deepEqual([owl.name, owl.description, owl.criteria, owl.icon.alt], [badge.name, badge.description, 'Post after midnight.', badge.icon.alt]);
  // a language's text over the limit is refused, naming the field
  const long = await t.admin('PUT', '/sites/demo/tiers/gold', { label: { en: 'x'.repeat(61) }, rank: 3 });
  assert.equal(long.status, 422);
});
