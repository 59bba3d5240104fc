// kith-server as a brand runs it in production: no demo seed. The README's script tag points at its
// /embed/kith.js, so that must be served there too, with the CORS headers a module script needs.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startKithServer } from '../../examples/serve.ts';
import { buildEmbed, freePort } from './harness.ts';

test('without --seed demo, kith-server serves the script-tag build at /embed/ and no demo page', async () => {
  await buildEmbed();
  const server = await startKithServer({ port: await freePort(), db: join(mkdtempSync(join(tmpdir(), 'kith-cli-')), 'prod.db'), seed: false, quiet: true });
  try {
    const kith = await fetch(`${server.url}/embed/kith.js`, { headers: { origin: 'https://shop.example' } });
    assert.equal(kith.status, 200);
    assert.match(kith.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal(kith.headers.get('access-control-allow-origin'), '*');
    assert.match(await kith.text(), /"kith-survey"/);
    const missing = await fetch(`${server.url}/embed/nope.js`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal((await fetch(`${server.url}/demo/session`)).status, 404);
    assert.match(await (await fetch(`${server.url}/`)).text(), /^Kith reference server/);
    assert.match(server.output(), /widgets +\/embed\/kith\.js/);
  } finally {
    await server.stop();
  }
});
