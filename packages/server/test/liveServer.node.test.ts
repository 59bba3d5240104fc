import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as z from 'zod/mini';
import { TopicStreamEvent } from '@kith/client/protocol';
import { seedDemo } from '../src/seed/demo.ts';
import { createApp } from '../src/app.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { SqliteStore } from '../src/store/sqlite/sqliteStore.ts';
import { ADMIN } from './helpers.ts';

let server: RunningServer;
let store: SqliteStore;

before(async () => {
  store = new SqliteStore(':memory:');
  await seedDemo(store);
  server = await startServer({ store, port: 0, adminToken: ADMIN, heartbeatMs: 100, rateLimits: { streamsPerIp: 3 } });
});
after(async () => {
  await server.close();
  await store.close();
});

/** Reads an SSE stream as raw text, with a helper to wait for a pattern. */
async function stream(query = '', headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const res = await fetch(`${server.url}/v1/topics/stream?site=demo${query}`, { headers, signal: abort.signal });
  let text = '';
  const reading = (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += value;
      }
    } catch {
      // aborted
    }
  })();
  return {
    res,
    text: () => text,
    /** Waits until the text matches (polling), or fails after `ms`. */
    async until(pattern: RegExp, ms = 2000): Promise<RegExpMatchArray> {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        const m = text.match(pattern);
        if (m) return m;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`no ${pattern} in stream:\n${text}`);
    },
    /** The data events so far, parsed and validated. */
    events: () => [...text.matchAll(/^id: (\d+)\ndata: (.+)$/gm)].map((m) => ({ id: Number(m[1]), event: z.parse(TopicStreamEvent, JSON.parse(m[2]!)) })),
    async close() {
      abort.abort();
      await reading;
    },
  };
}

const vote = (topic: string, value: 0 | 1, visitor = 'visitor-stream-01') =>
  fetch(`${server.url}/v1/topics/${topic}/votes`, {
    method: 'POST',
    headers: { 'Kith-Site': 'demo', 'Kith-Visitor': visitor, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: `vote-${Math.random().toString(36).slice(2, 12)}`, value }),
  }).then((r) => r.json());

test('the stream opens with retry, the current id and heartbeats', async () => {
  const s = await stream();
  assert.equal(s.res.status, 200);
  assert.equal(s.res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  await s.until(/^retry: 3000\n: connected\nid: \d+\n\n/);
  await s.until(/: ping\n\n[\s\S]*: ping\n\n/, 1000);
  await s.close();
});

test('votes arrive as upserts, hides as removes, valid against the schema', async () => {
  const s = await stream('&visitor=visitor-stream-01');
  await s.until(/: connected/);
  await vote('film-grain', 1);
  await s.until(/"id":"film-grain"/);
  const upsert = s.events().at(-1)!.event;
  assert.equal(upsert.type, 'upsert');
  assert.equal(upsert.type === 'upsert' && upsert.topic.voted, true, 'the visitor parameter gives the voted flag');
  await fetch(`${server.url}/admin/sites/demo/topics/film-grain`, { method: 'PATCH', headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' }, body: '{"hidden":true}' });
  await s.until(/"type":"remove","id":"film-grain"/);
  await fetch(`${server.url}/admin/sites/demo/topics/film-grain`, { method: 'PATCH', headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' }, body: '{"hidden":false}' });
  await s.until(/"type":"upsert","topic":\{"id":"film-grain"[\s\S]*"type":"upsert","topic":\{"id":"film-grain"/);
  await vote('film-grain', 0);
  await s.close();
});

test('Last-Event-ID replays what changed since, each topic once, as it is now', async () => {
  const first = await stream();
  const [, start] = await first.until(/id: (\d+)\n\n/);
  await first.close();
  await vote('lut-support', 1, 'visitor-stream-02');
  await vote('lut-support', 0, 'visitor-stream-02');
  await vote('hdr-merge', 1, 'visitor-stream-02');
  const resumed = await stream('', { 'Last-Event-ID': start! });
  await resumed.until(/"id":"hdr-merge"/);
  const replayed = resumed.events().map((e) => (e.event.type === 'upsert' ? e.event.topic.id : e.event.id));
  assert.deepEqual(replayed, ['lut-support', 'hdr-merge']);
  const ids = resumed.events().map((e) => e.id);
  assert.ok(ids[0]! > Number(start) && ids[1]! > ids[0]!);
  await resumed.close();
  const byParam = await stream(`&lastEventId=${start}`);
  await byParam.until(/"id":"hdr-merge"/);
  await byParam.close();
  await vote('hdr-merge', 0, 'visitor-stream-02');
});

test('a Last-Event-ID past the latest (crafted, or from before a fresh database) resumes from now', async () => {
  for (const id of ['99999999999999999999', '1e9', '4294967296']) {
    const s = await stream('', { 'Last-Event-ID': id });
    await s.until(/: connected/);
    await vote('film-grain', 1, 'visitor-stream-03');
    await s.until(/"id":"film-grain"/);
    await s.close();
    await vote('film-grain', 0, 'visitor-stream-03');
  }
});

test('a client that stops reading is let go: what was queued for it is dropped, not held, and its slot freed', async () => {
  const own = new SqliteStore(':memory:');
  await seedDemo(own);
  const app = createApp({ store: own, adminToken: ADMIN, heartbeatMs: 1, rateLimits: { streamsPerIp: 1 } });
  try {
    const first = await app.request('/v1/topics/stream?site=demo'); // its body is never read
    assert.equal(first.status, 200);
    await new Promise((r) => setTimeout(r, 3000)); // over 1,000 heartbeats queue up unread
    const reader = first.body!.getReader();
    let chunks = 0;
    await assert.rejects(async () => {
      for (;;) if ((await reader.read()).done) return;
      else chunks++;
    }, 'the stream errors: its queue is gone');
    assert.ok(chunks < 100, `${chunks} chunks were still held`);
    const second = await app.request('/v1/topics/stream?site=demo');
    assert.equal(second.status, 200, 'the slot is free');
    await second.body?.cancel();
  } finally {
    await own.close();
  }
});

test('a tag filter leaves out other topics but still advances the id', async () => {
  const s = await stream('&tag=help');
  await s.until(/: connected/);
  await vote('showcase-astro', 1, 'visitor-stream-03');
  await vote('history-panel', 1, 'visitor-stream-03');
  await s.until(/"id":"history-panel"/);
  assert.equal(/showcase-astro/.test(s.text()), false);
  assert.match(s.text(), /id: \d+\n\n(?!:)[\s\S]*"id":"history-panel"/);
  await s.close();
});

test('open streams per IP are capped (429) and released on disconnect', async () => {
  const open = await Promise.all([stream(), stream(), stream()]);
  await Promise.all(open.map((s) => s.until(/: connected/)));
  const refused = await fetch(`${server.url}/v1/topics/stream?site=demo`);
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get('retry-after'), '30');
  await Promise.all(open.map((s) => s.close()));
  const deadline = Date.now() + 2000;
  while (server.app.deps.feed.subscriberCount > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal(server.app.deps.feed.subscriberCount, 0);
  const again = await stream();
  assert.equal(again.res.status, 200);
  await again.close();
});

test('over HTTP: a chunked body past 64 KiB gets a 413 problem; a declared one is refused before reading', async () => {
  const { request } = await import('node:http');
  const post = (declare: boolean) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${server.url}/v1/feedback`, { method: 'POST', headers: { 'Kith-Site': 'demo', 'Content-Type': 'application/json', ...(declare ? { 'Content-Length': String(200 * 1024) } : {}) } }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      const chunk = 'x'.repeat(1024);
      for (let i = 0; i < 200; i++) req.write(chunk);
      req.end();
    });
  for (const declare of [false, true]) {
    const res = await post(declare);
    assert.equal(res.status, 413);
    assert.equal(JSON.parse(res.body).type, 'urn:kith:problem:payload-too-large');
  }
});
