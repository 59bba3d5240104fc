import type { TopicStreamEvent } from '@kith/client/protocol';
import type { Deps, KithContext } from '../http/context.ts';
import { clientIp } from '../http/context.ts';
import { problemResponse } from '../http/problem.ts';
import { parseTags, voterKey } from '../http/voter.ts';

const openStreams = new WeakMap<Deps, Map<string, number>>();
const BATCH = 500;
/** Queued chunks a stream may hold for a client that is not reading before it is closed. */
const MAX_BUFFERED = 1000;

/**
 * `GET /v1/topics/stream`: server-sent events. Each event's data is a `TopicStreamEvent` JSON
 * (`{"type":"upsert","topic":{...}}` or `{"type":"remove","id":"..."}`) on the default `message`
 * event, with `id:` = the change log's sequence number. A stream starts at "now" and first sends
 * `id: <current>` with no data (EventSource remembers it without firing), then comment heartbeats
 * (`: ping`) every `heartbeatMs`. Reconnecting with `Last-Event-ID` (header, or `lastEventId`
 * parameter) replays what changed since: each changed topic once, as it is now (a topic hidden
 * meanwhile comes as `remove`). With `tag`, upserts of topics without those tags are left out.
 */
export async function topicStream(c: KithContext, deps: Deps): Promise<Response> {
  const site = c.var.site.key;
  const ip = clientIp(c, deps.settings.trustProxy);
  let perIp = openStreams.get(deps);
  if (!perIp) openStreams.set(deps, (perIp = new Map()));
  if ((perIp.get(ip) ?? 0) >= deps.settings.rateLimits.streamsPerIp) {
    return problemResponse('rate-limited', { detail: 'Too many open streams from this address', retryAfter: 30 });
  }
  const tags = parseTags(c.req.query('tag'));
  const voter = voterKey(c, deps);
  const resume = Number.parseInt(c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? '', 10);
  const latest = await deps.store.lastTopicEventSeq(site);
  // an id past the latest (a crafted one, or a database started afresh) resumes from now, not never
  let lastSeq = resume >= 0 && resume <= latest ? resume : latest;
  const counts = perIp;
  counts.set(ip, (counts.get(ip) ?? 0) + 1);

  const encoder = new TextEncoder();
  let closed = false;
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;

  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    const n = (counts.get(ip) ?? 1) - 1;
    if (n > 0) counts.set(ip, n);
    else counts.delete(ip);
    try {
      controllerRef?.close();
    } catch {
      // already closed by the client going away
    }
  };
  const send = (text: string) => {
    if (closed || !controllerRef) return;
    // a client that stops reading is let go rather than buffered without end (error, not close: a
    // close would keep what is queued, and the connection, until read); it resumes by Last-Event-ID
    if (controllerRef.desiredSize! < -MAX_BUFFERED) return controllerRef.error(new Error('client not reading')), close();
    try {
      controllerRef.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };

  let pumping = false;
  let again = false;
  const pump = async () => {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        const events = await deps.store.topicEventsSince(site, lastSeq, BATCH);
        if (events.length === BATCH) again = true;
        // Each topic once per batch, at its latest sequence number.
        const latest = new Map<string, number>();
        for (const e of events) latest.set(e.topicId, e.seq);
        for (const [topicId, seq] of [...latest].sort((a, b) => a[1] - b[1])) {
          if (closed) return;
          const topic = await deps.store.getTopic(site, topicId, { voter });
          let event: TopicStreamEvent | null = topic ? { type: 'upsert', topic } : { type: 'remove', id: topicId };
          if (topic && tags.length && !topic.tags.some((t) => tags.includes(t))) event = null;
          if (event) send(`id: ${seq}\ndata: ${JSON.stringify(event)}\n\n`);
          else send(`id: ${seq}\n\n`);
        }
        if (events.length) lastSeq = events.at(-1)!.seq;
      } while (again && !closed);
    } catch {
      close();
    } finally {
      pumping = false;
    }
  };

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controllerRef = controller;
      send(`retry: 3000\n: connected\nid: ${lastSeq}\n\n`);
      unsubscribe = deps.feed.subscribe(site, () => void pump());
      heartbeat = setInterval(() => send(': ping\n\n'), deps.settings.heartbeatMs);
      heartbeat.unref?.();
      void pump();
    },
    cancel: close,
  });
  c.req.raw.signal?.addEventListener('abort', close, { once: true });

  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
