// Live updates: loaded only by a feed with `live`, so the feed's own chunk stays small.
import { type KithClient, type Topic, type TopicQuery, type TopicStreamEvent } from '@kith/client';
import { listTopics, streamTopics } from '@kith/client/topics';
import { words } from '@kith/ui';
// only the type: importing feed.ts here would split it into a chunk of its own
import type { TopicFeed } from './feed.ts';

/**
 * Apply a live event to `feed`; `accept` says whether a topic not on screen belongs in this feed (its
 * tag filter). Returns whether anything changed. The visitor's own `voted` is kept: a stream speaks
 * for nobody.
 */
export function applyEvent(feed: TopicFeed, e: TopicStreamEvent, accept: (t: Topic) => boolean): boolean {
  if (e.type === 'remove') {
    const n = feed.topics.length + feed.pending.length;
    feed.topics = feed.topics.filter((t) => t.id !== e.id);
    feed.pending = feed.pending.filter((t) => t.id !== e.id);
    return n !== feed.topics.length + feed.pending.length;
  }
  const t = e.topic;
  for (const list of [feed.topics, feed.pending]) {
    const i = list.findIndex((x) => x.id === t.id);
    if (i >= 0) return (list[i] = { ...t, voted: list[i]!.voted }), true;
  }
  if (!accept(t)) return false;
  feed.pending = [t, ...feed.pending];
  return true;
}

/**
 * Live events from the stream into `feed`; when it fails (or ends), poll the first page every
 * `seconds`. `changed` is told of every change, and of the mode (stream, then polling) as it starts.
 */
export async function follow(
  feed: TopicFeed,
  changed: (mode?: 'stream' | 'polling') => void,
  client: KithClient,
  query: TopicQuery,
  signal: AbortSignal,
  seconds: number,
): Promise<void> {
  const tags = words(query.tag);
  const accept = (t: Topic) => !tags.length || t.tags.some((x) => tags.includes(x));
  const apply = (e: TopicStreamEvent) => applyEvent(feed, e, accept) && changed();
  if (signal.aborted) return; // the query changed or the element left while this chunk loaded
  changed('stream');
  try {
    await streamTopics(client, query, apply, signal);
  } catch {
    // the stream failed: polling below
  }
  if (signal.aborted) return;
  changed('polling');
  for (;;) {
    await new Promise((r) => setTimeout(r, seconds * 1000));
    if (signal.aborted) return;
    if (document.hidden) continue;
    try {
      for (const topic of (await listTopics(client, query, signal)).items) apply({ type: 'upsert', topic });
    } catch {
      // the next poll tries again
    }
  }
}
