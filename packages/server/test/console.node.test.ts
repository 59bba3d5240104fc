import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { CONSOLE_CSP, CONSOLE_DIR } from '../src/routes/console.ts';
import { testApp } from './helpers.ts';

const get = async (path: string, init?: RequestInit) => (await testApp({ seed: false })).app.request(path, init);

test('/console/ is the page, under the strict policy, with nosniff and no referrer', async () => {
  const res = await get('/console/');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(res.headers.get('content-security-policy'), CONSOLE_CSP);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(res.headers.get('cache-control'), 'no-cache');
  const html = await res.text();
  assert.match(html, /<script type="module" src="main.js"><\/script>/);
  // nothing the policy would refuse: no inline script or style, no style attribute
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/);
  assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i);
  const bare = await get('/console');
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.get('location'), '/console/');
});

test('every module the page imports is served as JavaScript, its styles as CSS', async () => {
  const app = (await testApp({ seed: false })).app;
  const seen = new Set<string>();
  const load = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const res = await app.request(`/console/${file}`);
    assert.equal(res.status, 200, file);
    assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8', file);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', file);
    for (const [, next] of (await res.text()).matchAll(/^import [^'"]*'\.\/([a-z-]+\.js)';$/gim)) await load(next!);
  };
  await load('main.js');
  assert.deepEqual([...seen].sort(), ['adminApi.js', 'dom.js', 'format.js', 'inbox.js', 'main.js', 'moderation.js', 'surveys.js', 'view.js']);
  const css = await app.request('/console/console.css');
  assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  assert.equal((await app.request('/console/favicon.svg')).headers.get('content-type'), 'image/svg+xml');
});

test('nothing else is served from /console/: not its tsconfig, nothing outside it, GET only', async () => {
  for (const path of ['/console/tsconfig.json', '/console/nope.js', '/console/..%2Fsrc%2Fapp.ts', '/console/%2e%2e%2fpackage.json', '/console/sub/main.js']) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/, path);
  }
  assert.equal((await get('/console/', { method: 'POST' })).status, 404);
});

test('the console never turns a string into HTML (innerHTML and the like)', async () => {
  for (const file of (await readdir(CONSOLE_DIR)).filter((f) => f.endsWith('.js'))) {
    const code = await readFile(join(CONSOLE_DIR, file), 'utf8');
    assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|setHTMLUnsafe/, file);
  }
});

test("the console's JSDoc types check against the server's own types (tsc -p packages/server/console)", async () => {
  const root = join(CONSOLE_DIR, '../../..');
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  const run = await promisify(execFile)(process.execPath, [tsc, '-p', CONSOLE_DIR], { cwd: root }).catch((e: { stdout: string }) => e);
  assert.equal(run.stdout, '');
});
