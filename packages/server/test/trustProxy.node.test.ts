// Behind a reverse proxy every request comes from the proxy's address; the visitor's is in
// X-Forwarded-For, which proxies append to (nginx's $proxy_add_x_forwarded_for). Only the entries
// the trusted proxies added count: what a visitor writes there must not choose a rate-limit bucket.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../src/app.ts';
import { addressKey, forwardedClient } from '../src/http/context.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { SqliteStore } from '../src/store/sqlite/sqliteStore.ts';
import { ADMIN } from './helpers.ts';

const PROXY = '10.0.0.2';

/** The app with a per-IP limit of `capacity` requests (no refill), reached from `PROXY`'s socket. */
async function behindProxy(trustProxy: boolean | number | undefined, capacity: number, streamsPerIp = 20) {
  const store = new SqliteStore(':memory:');
  await seedDemo(store);
  const app = createApp({ store, adminToken: ADMIN, now: () => 0, trustProxy, rateLimits: { ip: { capacity, perSecond: 0.001 }, visitorWrites: false, streamsPerIp } });
  /** The status of `GET path` with this X-Forwarded-For (none when undefined). */
  const get = async (xff?: string, path = '/v1/badges') => {
    const headers: Record<string, string> = { 'Kith-Site': 'demo' };
    if (xff !== undefined) headers['X-Forwarded-For'] = xff;
    const res = await app.request(path, { headers }, { incoming: { socket: { remoteAddress: PROXY } } });
    if (path.includes('stream')) await res.body?.cancel();
    return res.status;
  };
  return { get, app, close: () => store.close() };
}

test('one trusted proxy: a forged left X-Forwarded-For entry neither escapes the limit nor spends another address', async () => {
  const t = await behindProxy(1, 3);
  for (let i = 0; i < 3; i++) assert.equal(await t.get('203.0.113.7'), 200);
  assert.equal(await t.get('203.0.113.7'), 429, 'the limit holds for 203.0.113.7');
  assert.equal(await t.get('198.51.100.1, 203.0.113.7'), 429, 'a made-up first entry is not a new address');
  assert.equal(await t.get('203.0.113.8, 203.0.113.7'), 429, "nor someone else's");
  assert.equal(await t.get('  203.0.113.8 ,203.0.113.7  '), 429, 'entries are trimmed');
  for (let i = 0; i < 3; i++) assert.equal(await t.get('203.0.113.8'), 200, "203.0.113.8's bucket was not spent by the forgeries");
  assert.equal(await t.get('203.0.113.9'), 200, 'another address the proxy added has its own bucket');
  await t.close();
});

test('`trustProxy: true` still means one proxy', async () => {
  const t = await behindProxy(true, 1);
  assert.equal(await t.get('203.0.113.7'), 200);
  assert.equal(await t.get('198.51.100.1, 203.0.113.7'), 429);
  assert.equal(await t.get('203.0.113.8'), 200);
  await t.close();
});

test('two trusted proxies (a CDN in front of nginx): the second entry from the right is the client', async () => {
  const t = await behindProxy(2, 2);
  // the CDN appends the client (203.0.113.7); nginx appends the CDN edge (10.0.0.5)
  for (let i = 0; i < 2; i++) assert.equal(await t.get('203.0.113.7, 10.0.0.5'), 200);
  assert.equal(await t.get('1.1.1.1, 203.0.113.7, 10.0.0.5'), 429, 'a forged entry left of them changes nothing');
  assert.equal(await t.get('203.0.113.7, 10.0.0.6'), 429, 'the same client through another edge');
  assert.equal(await t.get('203.0.113.8, 10.0.0.5'), 200, 'another client through the same edge');
  // fewer entries than proxies (the request skipped the CDN): the leftmost entry, added by nginx
  assert.equal(await t.get('203.0.113.9'), 200);
  assert.equal(await t.get('203.0.113.9'), 200);
  assert.equal(await t.get('203.0.113.9, 10.0.0.5'), 429, 'the same address as through the CDN');
  await t.close();
});

test('with a trusted proxy and no X-Forwarded-For, the socket address counts', async () => {
  const t = await behindProxy(1, 2);
  assert.equal(await t.get(), 200);
  assert.equal(await t.get(''), 200, 'an empty header is no header');
  assert.equal(await t.get(), 429, "the proxy's own address is spent");
  assert.equal(await t.get('203.0.113.7'), 200, 'a forwarded client is not in it');
  await t.close();
});

test('without trustProxy (false, 0, unset) X-Forwarded-For is ignored', async () => {
  for (const setting of [false, 0, undefined]) {
    const t = await behindProxy(setting, 1);
    assert.equal(await t.get('203.0.113.7'), 200);
    assert.equal(await t.get('203.0.113.8'), 429, `${setting}: every request is the socket's`);
    await t.close();
  }
});

test('garbage X-Forwarded-For entries crash nothing and count as the socket address', async () => {
  const t = await behindProxy(1, 5);
  for (const xff of ['not-an-ip', ' , ,', `1.2.3.4, ${'x'.repeat(8000)}`, '[::1', '999.1.1.1']) assert.equal(await t.get(xff), 200, xff);
  assert.equal(await t.get(), 429, "they spent the socket's bucket");
  assert.equal(forwardedClient('203.0.113.7:51234', PROXY, 1), '203.0.113.7', 'a port is dropped');
  assert.equal(forwardedClient('[2001:db8::1]:443', PROXY, 1), '2001:db8::1');
  assert.equal(forwardedClient('2001:db8::1', PROXY, 1), '2001:db8::1');
  assert.equal(forwardedClient('a, , b, 203.0.113.7', PROXY, 2), PROXY, 'empty entries are skipped; "b" is not an address');
  assert.equal(forwardedClient('203.0.113.7, 10.0.0.5', undefined, 3), '203.0.113.7');
  assert.equal(forwardedClient(undefined, undefined, 1), 'unknown');
  await t.close();
});

test('open streams per address count the forwarded client too', async () => {
  const t = await behindProxy(1, 100, 1);
  const first = await t.app.request('/v1/topics/stream?site=demo', { headers: { 'X-Forwarded-For': '203.0.113.7' } }, { incoming: { socket: { remoteAddress: PROXY } } });
  assert.equal(first.status, 200);
  assert.equal(await t.get('198.51.100.1, 203.0.113.7', '/v1/topics/stream?site=demo'), 429);
  assert.equal(await t.get('203.0.113.8', '/v1/topics/stream?site=demo'), 200);
  await first.body?.cancel();
  await t.close();
});

test('createApp refuses a trustProxy that is not a number of proxies', async () => {
  const store = new SqliteStore(':memory:');
  for (const bad of [-1, 1.5, Number.NaN]) assert.throws(() => createApp({ store, trustProxy: bad }), /trustProxy/);
  await store.close();
});

test('an IPv6 client is one client across its /64 (it may use any address in it); IPv4-mapped is its IPv4', async () => {
  const t = await behindProxy(1, 1);
  try {
    assert.equal(await t.get('2001:db8:1:2::1'), 200);
    assert.equal(await t.get('2001:db8:1:2::1'), 429);
    assert.equal(await t.get('2001:db8:1:2::33'), 429, 'another address of the same /64');
    assert.equal(await t.get('2001:db8:1:3::1'), 200, 'another /64 is another client');
    assert.equal(await t.get('::ffff:203.0.113.9'), 200);
    assert.equal(await t.get('203.0.113.9'), 429, 'the same IPv4 client');
  } finally {
    t.close();
  }
  assert.equal(addressKey('2001:0db8:0001:0002:ffff::1'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:db8::1.2.3.4'), '2001:db8:0:0::/64');
  assert.equal(addressKey('203.0.113.9'), '203.0.113.9');
});
