import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hiddenByReports } from '../src/domain/moderation.ts';
import { testApp } from './helpers.ts';

const listed = async (t: Awaited<ReturnType<typeof testApp>>, id: string) =>
  (await t.call('GET', '/v1/topics?sort=new&limit=100')).json.items.some((x: { id: string }) => x.id === id);

test('hiddenByReports: at the threshold, never with threshold 0', () => {
  assert.equal(hiddenByReports(2, 3), false);
  assert.equal(hiddenByReports(3, 3), true);
  assert.equal(hiddenByReports(99, 0), false);
});

test('reports by three distinct visitors hide a topic; one visitor reporting twice counts once', async () => {
  const t = await testApp();
  const report = (visitor: string) => t.call('POST', '/v1/topics/film-grain/reports', { visitor, body: { id: t.id('report'), reason: 'spam' } });
  assert.equal((await report('visitor-aaaa-0001')).status, 202);
  assert.equal((await report('visitor-aaaa-0001')).status, 202);
  assert.equal((await report('visitor-bbbb-0002')).status, 202);
  assert.equal(await listed(t, 'film-grain'), true, 'two distinct reporters are under the demo threshold of 3');
  const third = await report('visitor-cccc-0003');
  assert.deepEqual(Object.keys(third.json).sort(), ['id', 'received', 'topicId']);
  assert.equal(await listed(t, 'film-grain'), false);
  const queue = (await t.admin('GET', '/sites/demo/moderation')).json;
  assert.equal(queue.items[0].topic.id, 'film-grain');
  assert.equal(queue.items[0].topic.hidden, true);
  assert.equal(queue.items[0].topic.hiddenReason, 'reports');
  assert.equal(queue.items[0].reports, 3);
  assert.deepEqual(queue.items[0].reasons, { spam: 3 });
});

test('a hidden topic cannot be voted on; an admin restore brings it back and resets the count', async () => {
  const t = await testApp();
  for (const v of ['visitor-aaaa-0001', 'visitor-bbbb-0002', 'visitor-cccc-0003']) {
    await t.call('POST', '/v1/topics/lut-support/reports', { visitor: v, body: { id: t.id('r'), reason: 'abuse' } });
  }
  assert.equal((await t.call('POST', '/v1/topics/lut-support/votes', { body: { id: t.id('v'), value: 1 } })).status, 404);
  t.time.advance(1000);
  const restored = await t.admin('PATCH', '/sites/demo/topics/lut-support', { hidden: false });
  assert.equal(restored.json.hidden, false);
  assert.equal(await listed(t, 'lut-support'), true);
  t.time.advance(1000);
  // The reports that hid it do not count again; two new reporters are not enough.
  await t.call('POST', '/v1/topics/lut-support/reports', { visitor: 'visitor-dddd-0004', body: { id: t.id('r'), reason: 'abuse' } });
  await t.call('POST', '/v1/topics/lut-support/reports', { visitor: 'visitor-eeee-0005', body: { id: t.id('r'), reason: 'abuse' } });
  assert.equal(await listed(t, 'lut-support'), true);
  await t.call('POST', '/v1/topics/lut-support/reports', { visitor: 'visitor-aaaa-0001', body: { id: t.id('r'), reason: 'abuse' } });
  assert.equal(await listed(t, 'lut-support'), false, 'three distinct reports after the restore hide it again');
});

test('admins hide and restore by hand', async () => {
  const t = await testApp();
  const hidden = await t.admin('PATCH', '/sites/demo/topics/showcase-iceland', { hidden: true });
  assert.equal(hidden.status, 200);
  assert.equal(hidden.json.hiddenReason, 'admin');
  assert.equal(await listed(t, 'showcase-iceland'), false);
  await t.admin('PATCH', '/sites/demo/topics/showcase-iceland', { hidden: false });
  assert.equal(await listed(t, 'showcase-iceland'), true);
});

test('the threshold is per site and 0 turns auto-hiding off', async () => {
  const t = await testApp();
  await t.admin('PATCH', '/sites/demo', { reportThreshold: 0 });
  for (const v of ['visitor-aaaa-0001', 'visitor-bbbb-0002', 'visitor-cccc-0003', 'visitor-dddd-0004']) {
    await t.call('POST', '/v1/topics/hdr-merge/reports', { visitor: v, body: { id: t.id('r'), reason: 'spam' } });
  }
  assert.equal(await listed(t, 'hdr-merge'), true);
});

test('reports need a visitor (or member) to count distinct reporters', async () => {
  const t = await testApp();
  const res = await t.call('POST', '/v1/topics/hdr-merge/reports', { visitor: null, body: { id: t.id('r'), reason: 'spam' } });
  assert.equal(res.status, 400);
  assert.equal(res.json.type, 'urn:kith:problem:visitor-required');
});
