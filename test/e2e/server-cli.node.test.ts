// kith-server as a brand runs it in production: no demo seed, behind a reverse proxy, backed up. The
// README's script tag points at its /embed/kith.js, so that must be served there too, with the CORS
// headers a module script needs.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { repoRoot, startKithServer } from '../../examples/serve.ts';
import { SqliteStore } from '../../packages/server/src/store/sqlite/sqliteStore.ts';
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
    assert.equal((await fetch(`${server.url}/embed/%E0%A4%A`)).status, 404, 'a malformed escape is no such file (was a 500)');
    assert.equal((await fetch(`${server.url}/embed/..%2f..%2fpackage.json`)).status, 404);
    assert.equal((await fetch(`${server.url}/demo/session`)).status, 404);
    assert.match(await (await fetch(`${server.url}/`)).text(), /^Kith reference server/);
    assert.match(server.output(), /widgets +\/embed\/kith\.js/);
  } finally {
    await server.stop();
  }
});

// The commands below run `kith-server` itself (bin/kith-server.mjs), as a brand would.
const BIN = join(repoRoot, 'packages/server/bin/kith-server.mjs');
const tempDb = () => join(mkdtempSync(join(tmpdir(), 'kith-cli-')), 'kith.db');

/** Runs `kith-server args` to its end. */
function kithServer(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: repoRoot, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** Starts `kith-server args` on a free port and resolves once it has printed its startup lines. */
async function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, '--port', '0', ...args], { cwd: repoRoot, env: { ...process.env, KITH_ADMIN_TOKEN: 'cli-admin-token', ...env } });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const url = await new Promise<string>((ok, fail) => {
    const check = () => {
      const m = /listening +(http:\/\/\S+)/.exec(out);
      if (m && /database/.test(out)) ok(m[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => fail(new Error(`kith-server exited (${code}):\n${out}`)));
  });
  const stop = () => new Promise<void>((ok) => (child.exitCode !== null ? ok() : (child.once('exit', () => ok()), child.kill('SIGTERM'))));
  return { url, output: () => out, stop };
}

test('--trust-proxy 1: the startup lines say so, and the address the proxy added counts, not a forged one', async () => {
  const server = await serve(['--db', tempDb(), '--seed', 'demo', '--trust-proxy', '1']);
  const streams: AbortController[] = [];
  /** Opens a topic stream as if through a proxy that sent this X-Forwarded-For; its status. */
  const open = async (xff: string) => {
    const abort = new AbortController();
    streams.push(abort);
    const res = await fetch(`${server.url}/v1/topics/stream?site=demo`, { headers: { 'x-forwarded-for': xff }, signal: abort.signal });
    return res.status;
  };
  try {
    assert.match(server.output(), /trust proxy +1 \(client address: the X-Forwarded-For entry 1 from the right\)/);
    for (let i = 0; i < 20; i++) assert.equal(await open('203.0.113.7'), 200); // 20 open streams per address
    assert.equal(await open('198.51.100.1, 203.0.113.7'), 429, 'a forged first entry is the same client');
    assert.equal(await open('203.0.113.8'), 200, 'another client behind the same proxy is not');
  } finally {
    for (const s of streams) s.abort();
    await server.stop();
  }
});

test('KITH_TRUST_PROXY sets the proxies when --trust-proxy is not given; 0 prints nothing', async () => {
  const two = await serve(['--db', tempDb()], { KITH_TRUST_PROXY: '2' });
  await two.stop();
  assert.match(two.output(), /trust proxy +2 \(client address: the X-Forwarded-For entry 2 from the right\)/);
  const off = await serve(['--db', tempDb(), '--trust-proxy', '0'], { KITH_TRUST_PROXY: '2' });
  await off.stop();
  assert.doesNotMatch(off.output(), /trust proxy/);
});

test('a --trust-proxy or KITH_TRUST_PROXY that is not a number of proxies exits 2 with a message', async () => {
  const cases = [
    [['--trust-proxy', 'yes'], {}, '--trust-proxy'],
    [['--trust-proxy', '1.5'], {}, '--trust-proxy'],
    [[], { KITH_TRUST_PROXY: '-1' }, 'KITH_TRUST_PROXY'],
  ] as const;
  const runs = await Promise.all(cases.map(([args, env]) => kithServer(['--db', tempDb(), ...args], env)));
  for (const [i, run] of runs.entries()) {
    const [args, env, named] = cases[i]!;
    assert.equal(run.code, 2, `${args} ${JSON.stringify(env)}: ${run.stderr}`);
    assert.match(run.stderr, new RegExp(`^${named} must be the number of reverse proxies in front of the server`));
    assert.equal(run.stdout, '', 'no server started');
  }
  const unknown = await kithServer(['--trust-proxies', '1']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^Unknown option '--trust-proxies'/);
});

test('kith-server backup copies the database of a running server, WAL included', async () => {
  const db = tempDb();
  const server = await serve(['--db', db]);
  const out = join(dirname(db), 'backups', 'kith-backup.db');
  try {
    const created = await fetch(`${server.url}/admin/sites`, {
      method: 'POST',
      headers: { authorization: 'Bearer cli-admin-token', 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'backed-up', name: 'Backed Up', allowedOrigins: ['https://shop.example'] }),
    });
    assert.equal(created.status, 201);
    const run = await kithServer(['backup', '--db', db, '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /backed up to .*kith-backup\.db/);
  } finally {
    await server.stop();
  }
  const copy = new SqliteStore(out);
  assert.equal((await copy.getSite('backed-up'))?.name, 'Backed Up');
  await copy.close();

  const missing = await kithServer(['backup', '--db', join(dirname(db), 'nope.db'), '--out', out]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nope\.db/);
  const noOut = await kithServer(['backup', '--db', db]);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /^backup needs --out/);
});
