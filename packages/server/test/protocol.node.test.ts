import assert from 'node:assert/strict';
import { test } from 'node:test';
import { originAllowed } from '../src/http/origins.ts';
import { TokenBuckets } from '../src/http/rateLimit.ts';
import { testApp } from './helpers.ts';

test('feedback: a repeat gets the first answer and status; the item is stored once', async () => {
  const t = await testApp();
  const body = { id: 'feedback-repeat-01', message: 'Hello', elapsedMs: 3000 };
  const first = await t.call('POST', '/v1/feedback', { body });
  t.time.advance(5000);
  const repeat = await t.call('POST', '/v1/feedback', { body: { ...body, message: 'Changed on retry' } });
  assert.equal(first.status, 201);
  assert.equal(repeat.status, 201);
  assert.deepEqual(repeat.json, first.json);
  const inbox = (await t.admin('GET', '/sites/demo/feedback?limit=100')).json.items.filter((f: { id: string }) => f.id === body.id);
  assert.equal(inbox.length, 1);
  assert.equal(inbox[0].message, 'Hello');
});

test('anti-spam: honeypot or too-fast feedback gets the same 201 ack but never reaches the inbox', async () => {
  const t = await testApp();
  const real = await t.call('POST', '/v1/feedback', { body: { id: 'feedback-real-01', message: 'Real', elapsedMs: 1500 } });
  const bot = await t.call('POST', '/v1/feedback', { body: { id: 'feedback-bot-001', message: 'Bot', elapsedMs: 9000, honeypot: 'x' } });
  const fast = await t.call('POST', '/v1/feedback', { body: { id: 'feedback-fast-01', message: 'Fast', elapsedMs: 200 } });
  for (const r of [real, bot, fast]) assert.equal(r.status, 201);
  assert.deepEqual(Object.keys(bot.json).sort(), Object.keys(real.json).sort());
  assert.equal(bot.json.status, real.json.status);
  const inbox = (await t.admin('GET', '/sites/demo/feedback?limit=100')).json.items.map((f: { id: string }) => f.id);
  assert.ok(inbox.includes('feedback-real-01'));
  assert.ok(!inbox.includes('feedback-bot-001') && !inbox.includes('feedback-fast-01'));
  const spam = (await t.admin('GET', '/sites/demo/feedback?spam=true')).json.items;
  assert.deepEqual(spam.map((f: { id: string; spamReason: string }) => `${f.id}:${f.spamReason}`).sort(), ['feedback-bot-001:honeypot', 'feedback-fast-01:too-fast', 'seed-feedback-spam:honeypot']);
});

test('feedback inbox: statuses, filter, cursor pages', async () => {
  const t = await testApp();
  const set = await t.admin('PATCH', '/sites/demo/feedback/seed-feedback-001', { status: 'read' });
  assert.equal(set.json.status, 'read');
  assert.equal((await t.admin('PATCH', '/sites/demo/feedback/seed-feedback-001', { status: 'bogus' })).status, 422);
  assert.equal((await t.admin('PATCH', '/sites/demo/feedback/missing', { status: 'done' })).status, 404);
  const done = (await t.admin('GET', '/sites/demo/feedback?status=done')).json.items;
  assert.deepEqual(done.map((f: { id: string }) => f.id), ['seed-feedback-003']);
  const p1 = (await t.admin('GET', '/sites/demo/feedback?limit=3')).json;
  const p2 = (await t.admin('GET', `/sites/demo/feedback?limit=3&cursor=${p1.nextCursor}`)).json;
  assert.deepEqual([p1.items.length, p2.items.length, p2.nextCursor], [3, 1, null]);
});

test('responses: upserts keep the highest seq and answer 200 with what is held', async () => {
  const t = await testApp();
  const post = (seq: number, answers: Record<string, unknown>, finished: boolean) =>
    t.call('POST', '/v1/surveys/demo-nps/responses', { body: { responseId: 'response-seq-001', surveyVersion: 1, seq, answers, finished } });
  assert.deepEqual((await post(2, { nps: 3, detractor: 'slow' }, true)).json, { responseId: 'response-seq-001', finished: true, seq: 2 });
  const late = await post(1, { nps: 3 }, false);
  assert.equal(late.status, 200);
  assert.deepEqual(late.json, { responseId: 'response-seq-001', finished: true, seq: 2 });
  const [stored] = (await t.admin('GET', '/sites/demo/surveys/demo-nps/responses?limit=100')).json.items.filter((r: { responseId: string }) => r.responseId === 'response-seq-001');
  assert.deepEqual(stored.answers, { nps: 3, detractor: 'slow' });
});

test('responses: bad answers are 422 naming answers.<question>; a responseId of another survey is 409', async () => {
  const t = await testApp();
  const bad = await t.call('POST', '/v1/surveys/demo-nps/responses', { body: { responseId: 'response-bad-001', surveyVersion: 1, answers: { nps: 42 }, finished: false } });
  assert.equal(bad.status, 422);
  assert.deepEqual(bad.json.errors, [{ path: 'answers.nps', message: 'must be an integer from 0 to 10' }]);
  await t.call('POST', '/v1/surveys/demo-nps/responses', { body: { responseId: 'response-two-001', surveyVersion: 1, answers: { nps: 1 }, finished: false } });
  const other = await t.call('POST', '/v1/surveys/demo-product/responses', { body: { responseId: 'response-two-001', surveyVersion: 1, answers: {}, finished: false } });
  assert.equal(other.status, 409);
  assert.equal(other.json.errors[0].path, 'responseId');
});

test('votes: one per visitor, repeats by id get the first answer', async () => {
  const t = await testApp();
  const vote = (id: string, value: number, visitor = 'visitor-vote-0001') => t.call('POST', '/v1/topics/tethered-shooting/votes', { visitor, body: { id, value } });
  const first = await vote('vote-id-000001', 1);
  assert.deepEqual(first.json, { topicId: 'tethered-shooting', votes: 20, voted: true });
  assert.deepEqual((await vote('vote-id-000002', 1)).json, { topicId: 'tethered-shooting', votes: 20, voted: true });
  assert.deepEqual((await vote('vote-id-000003', 1, 'visitor-vote-0002')).json.votes, 21);
  assert.deepEqual((await vote('vote-id-000004', 0)).json, { topicId: 'tethered-shooting', votes: 20, voted: false });
  assert.deepEqual((await vote('vote-id-000001', 1)).json, first.json, 'a late retry of the first vote gets its first answer and changes nothing');
  const listed = (await t.call('GET', '/v1/topics?sort=new&limit=100', { visitor: 'visitor-vote-0002' })).json.items.find((x: { id: string }) => x.id === 'tethered-shooting');
  assert.deepEqual([listed.votes, listed.voted], [20, true]);
  assert.equal((await t.call('POST', '/v1/topics/tethered-shooting/votes', { visitor: null, body: { id: 'vote-id-000009', value: 1 } })).status, 400);
});

test('events: a repeated batch gets the same 202 answer', async () => {
  const t = await testApp();
  const at = new Date(t.time.now()).toISOString();
  const body = { events: [{ id: 'event-000001', type: 'view', widget: 'survey', subject: 'demo-nps', at }, { id: 'event-000002', type: 'start', widget: 'survey', subject: 'demo-nps', at }] };
  const first = await t.call('POST', '/v1/events', { body });
  const again = await t.call('POST', '/v1/events', { body });
  assert.deepEqual([first.status, first.json, again.status, again.json], [202, { accepted: 2 }, 202, { accepted: 2 }]);
  assert.equal((await t.admin('GET', '/sites/demo/surveys/demo-nps/summary')).json.views, 41);
});

test('errors are problem+json naming the bad field; unknown fields are ignored', async () => {
  const t = await testApp();
  const malformed = await t.call('POST', '/v1/feedback', { raw: '{"id":' });
  assert.equal(malformed.status, 400);
  assert.equal(malformed.headers.get('content-type'), 'application/problem+json');
  assert.equal(malformed.json.type, 'urn:kith:problem:malformed-json');
  const invalid = await t.call('POST', '/v1/feedback', { body: { id: 'short', message: '', email: 'not-an-email', context: { url: 5 } } });
  assert.equal(invalid.status, 422);
  assert.deepEqual(invalid.json.errors.map((e: { path: string }) => e.path).sort(), ['context.url', 'email', 'id', 'message']);
  assert.match(invalid.json.detail, /^id: /);
  const tolerant = await t.call('POST', '/v1/feedback', { body: { id: 'feedback-extra-1', message: 'hi', elapsedMs: 4000, surprise: { a: 1 }, context: { url: 'https://x.example', nested: true } } });
  assert.equal(tolerant.status, 201);
  const query = await t.call('GET', '/v1/topics?limit=500');
  assert.equal(query.status, 422);
  assert.equal(query.json.errors[0].path, 'limit');
  const cursor = await t.call('GET', '/v1/topics?cursor=bogus');
  assert.equal(cursor.json.errors[0].path, 'cursor');
  const otherSortCursor = (await t.call('GET', '/v1/topics?sort=new&limit=2')).json.nextCursor;
  assert.equal((await t.call('GET', `/v1/topics?sort=hot&cursor=${otherSortCursor}`)).status, 422);
  assert.equal((await t.call('GET', '/v1/nothing-here')).json.status, 404);
  assert.equal((await t.call('GET', '/v1/topics', { site: null })).json.type, 'urn:kith:problem:site-required');
  assert.equal((await t.call('GET', '/v1/topics', { site: 'nope' })).json.type, 'urn:kith:problem:unknown-site');
  assert.equal((await t.call('GET', '/v1/topics', { visitor: 'bad visitor id!' })).json.errors[0].path, 'Kith-Visitor');
});

test('topics: tag filter takes one tag or a comma list; period filters by creation time', async () => {
  const t = await testApp();
  const items = async (q: string) => (await t.call('GET', `/v1/topics?limit=100&${q}`)).json.items as { tags: string[]; createdAt: string }[];
  const help = await items('tag=help');
  assert.ok(help.length >= 5 && help.every((x) => x.tags.includes('help')));
  const either = await items('tag=help,showcase');
  assert.equal(either.length, help.length + (await items('tag=showcase')).length - help.filter((x) => x.tags.includes('showcase')).length);
  const week = await items('sort=top&period=week');
  assert.ok(week.length > 0 && week.every((x) => Date.parse(x.createdAt) >= t.time.now() - 7 * 86_400_000));
  assert.ok(week.length < (await items('sort=top&period=all')).length);
});

test('bodies over 64 KiB are refused with 413, by Content-Length or while streaming', async () => {
  const t = await testApp();
  const big = JSON.stringify({ id: 'feedback-big-001', message: 'x'.repeat(70 * 1024) });
  const declared = await t.app.request('/v1/feedback', { method: 'POST', headers: { 'Kith-Site': 'demo', 'Content-Length': String(Buffer.byteLength(big)) }, body: big });
  assert.equal(declared.status, 413);
  assert.equal((await declared.json()).type, 'urn:kith:problem:payload-too-large');
  const chunks = new ReadableStream({
    start(c) {
      for (let i = 0; i < 80; i++) c.enqueue(new TextEncoder().encode('x'.repeat(1024)));
      c.close();
    },
  });
  const streamed = await t.app.request('/v1/feedback', { method: 'POST', headers: { 'Kith-Site': 'demo' }, body: chunks, duplex: 'half' } as RequestInit);
  assert.equal(streamed.status, 413);
});

test('rate limits: 429 with Retry-After and retryAfter, per visitor writes and per IP', async () => {
  const t = await testApp({ rateLimits: { ip: { capacity: 1000, perSecond: 100 }, visitorWrites: { capacity: 5, perSecond: 0.5 } } });
  const send = (visitor: string) => t.call('POST', '/v1/events', { visitor, body: { events: [{ id: t.id('event'), type: 'view', widget: 'survey', at: new Date(t.time.now()).toISOString() }] } });
  for (let i = 0; i < 5; i++) assert.equal((await send('visitor-burst-01')).status, 202);
  const limited = await send('visitor-burst-01');
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), '2');
  assert.equal(limited.json.retryAfter, 2);
  assert.equal(limited.json.type, 'urn:kith:problem:rate-limited');
  assert.equal((await send('visitor-burst-02')).status, 202, 'another visitor has its own bucket');
  assert.equal((await t.call('GET', '/v1/topics', { visitor: 'visitor-burst-01' })).status, 200, 'reads are not visitor-limited');
  t.time.advance(2000);
  assert.equal((await send('visitor-burst-01')).status, 202, 'the bucket refills');

  const ip = await testApp({ rateLimits: { ip: { capacity: 3, perSecond: 1 }, visitorWrites: false } });
  for (let i = 0; i < 3; i++) assert.equal((await ip.call('GET', '/v1/badges')).status, 200);
  const blocked = await ip.call('GET', '/v1/badges', { visitor: 'visitor-someone-else' });
  assert.equal(blocked.status, 429);
  assert.equal(blocked.headers.get('retry-after'), '1');
});

test('token buckets: refill over time; memory stays bounded by the key limit', () => {
  const b = new TokenBuckets({ capacity: 2, perSecond: 1 }, 2);
  assert.equal(b.take('a', 0), 0);
  assert.equal(b.take('a', 0), 0);
  assert.equal(b.take('a', 0), 1, 'one second until the next token');
  assert.equal(b.take('a', 500), 1);
  assert.equal(b.take('a', 1000), 0);
  const bounded = new TokenBuckets({ capacity: 1, perSecond: 0.001 }, 2);
  bounded.take('a', 0);
  assert.ok(bounded.take('a', 0) > 0);
  bounded.take('b', 0);
  bounded.take('c', 0);
  assert.equal(bounded.take('a', 0), 0, 'past the key limit with no idle keys, the oldest are forgotten');
});

test('CORS: allowed origins get CORS headers; hostile origins get 403 without them', async () => {
  const t = await testApp();
  const preflight = await t.app.request('/v1/feedback', { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,kith-site,kith-visitor' } });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  assert.match(preflight.headers.get('access-control-allow-headers')!, /kith-site/);
  const allowed = await t.call('GET', '/v1/topics?limit=1', { headers: { Origin: 'http://127.0.0.1:3000' } });
  assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://127.0.0.1:3000');
  assert.equal(allowed.headers.get('access-control-expose-headers'), 'Retry-After');
  const evilPreflight = await t.app.request('/v1/feedback', { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
  assert.equal(evilPreflight.status, 403);
  assert.equal(evilPreflight.headers.get('access-control-allow-origin'), null);
  const evil = await t.call('POST', '/v1/feedback', { headers: { Origin: 'https://evil.example' }, body: { id: 'feedback-evil-01', message: 'x', elapsedMs: 9000 } });
  assert.equal(evil.status, 403);
  assert.equal(evil.json.type, 'urn:kith:problem:origin-not-allowed');
  assert.equal(evil.headers.get('access-control-allow-origin'), null);
  const inbox = (await t.admin('GET', '/sites/demo/feedback?limit=100')).json.items.map((f: { id: string }) => f.id);
  assert.ok(!inbox.includes('feedback-evil-01'), 'nothing from a refused origin is stored');
  const sameOrigin = await t.call('GET', '/v1/badges', { headers: { Origin: 'https://kith.internal:8443', Host: 'kith.internal:8443' } });
  assert.equal(sameOrigin.status, 200, "the server's own origin is always allowed");
  await t.admin('PATCH', '/sites/demo', { allowedOrigins: ['https://*.shop.example'] });
  assert.equal((await t.call('GET', '/v1/badges', { headers: { Origin: 'https://www.shop.example' } })).status, 200, 'origin changes apply at once');
  assert.equal((await t.call('GET', '/v1/badges', { headers: { Origin: 'http://localhost:5173' } })).status, 403);
  const rateLimitedCors = await t.call('GET', '/v1/badges', { site: 'demo', headers: { Origin: 'https://www.shop.example' } });
  assert.equal(rateLimitedCors.headers.get('vary'), 'Origin');
});

test('origin patterns: exact, subdomain wildcard, any port, any origin', () => {
  assert.equal(originAllowed('https://shop.example', ['https://shop.example']), true);
  assert.equal(originAllowed('https://shop.example:443', ['https://shop.example']), true);
  assert.equal(originAllowed('http://shop.example', ['https://shop.example']), false);
  assert.equal(originAllowed('https://a.b.example.com', ['https://*.example.com']), true);
  assert.equal(originAllowed('https://example.com', ['https://*.example.com']), false);
  assert.equal(originAllowed('https://evilexample.com', ['https://*.example.com']), false);
  assert.equal(originAllowed('http://localhost:5173', ['http://localhost:*']), true);
  assert.equal(originAllowed('http://localhost.evil.example:5173', ['http://localhost:*']), false);
  assert.equal(originAllowed('http://[::1]:8080', ['http://[::1]:*']), true);
  assert.equal(originAllowed('null', ['http://localhost:*']), false);
  assert.equal(originAllowed('https://anything.example', ['*']), true);
});

test('the admin API needs the admin token', async () => {
  const t = await testApp();
  const none = await t.call('GET', '/admin/sites', { site: null });
  assert.equal(none.status, 401);
  assert.equal(none.json.type, 'urn:kith:problem:unauthorized');
  assert.equal((await t.call('GET', '/admin/sites', { site: null, headers: { Authorization: 'Bearer wrong' } })).status, 401);
  const sites = await t.admin('GET', '/sites');
  assert.equal(sites.status, 200);
  assert.equal(sites.json.items[0].memberSecret, undefined, 'secrets are not listed');
  const off = await testApp({ adminToken: undefined });
  assert.equal((await off.call('GET', '/admin/sites', { site: null, headers: { Authorization: 'Bearer anything' } })).status, 401);
});

test('admin topics: create (with validation), pin, promote, edit counts', async () => {
  const t = await testApp();
  const created = await t.admin('POST', '/sites/demo/topics', { id: 'new-topic', title: 'A new topic', author: { id: 'demo-member', name: 'Alex Rivera' }, tags: ['help'], replies: 3 });
  assert.equal(created.status, 201);
  assert.equal((await t.admin('POST', '/sites/demo/topics', { id: 'new-topic', title: 'Again', author: { id: 'x', name: 'X' } })).status, 409);
  const invalid = await t.admin('POST', '/sites/demo/topics', { title: '', author: { id: 'x', name: 'X' }, url: 'javascript:alert(1)' });
  assert.deepEqual(invalid.json.errors.map((e: { path: string }) => e.path).sort(), ['title', 'url']);
  await t.admin('PATCH', '/sites/demo/topics/new-topic', { pinned: true });
  const first = (await t.call('GET', '/v1/topics?sort=hot&limit=1')).json.items[0];
  assert.deepEqual([first.id, first.pinned], ['new-topic', true]);
  const edited = await t.admin('PATCH', '/sites/demo/topics/new-topic', { replies: 40, pinned: false, promoted: true });
  assert.deepEqual([edited.json.replies, edited.json.pinned, edited.json.promoted], [40, false, true]);
  assert.equal((await t.admin('PATCH', '/sites/demo/topics/missing', { pinned: true })).status, 404);
});
