import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO, SqliteStore, demoMemberToken, seedDemo, startServer, type RunningServer } from '@kith/server';
import { checks, runConformance } from './suite.ts';

// The reference server, on a random loopback port with a temporary database and the demo seed.
let server: RunningServer;
let store: SqliteStore;
const dir = mkdtempSync(join(tmpdir(), 'kith-conformance-'));

before(async () => {
  store = new SqliteStore(join(dir, 'kith.db'));
  await seedDemo(store);
  server = await startServer({ store, port: 0, host: '127.0.0.1', onError: () => {} });
});

after(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the reference server passes every conformance check, none skipped', async () => {
  const results = await runConformance({ endpoint: server.url, site: DEMO.site, memberToken: demoMemberToken() });
  const notPassed = results.filter((r) => r.status !== 'pass').map((r) => `${r.status} ${r.id}: ${r.detail}`);
  assert.deepEqual(notPassed, []);
  assert.equal(results.length, checks.length);
});
