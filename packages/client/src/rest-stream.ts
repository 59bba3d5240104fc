// The REST backend's live topic stream over EventSource, loaded only when a widget follows topics
// live (a page with a survey or a feedback box never downloads it). It imports no code, only types:
// a module shared with the importer would make bundlers split it into one more chunk that every
// page loads first.
import type { CallContext } from './backend.ts';
import type { TopicStreamEvent } from './protocol/topics.ts';

/**
 * Follow `url` until `ctx.signal` aborts (resolves) or the stream fails for good (rejects with
 * `fail(message)`, the caller's network KithError).
 */
export const stream = (url: string, onEvent: (event: TopicStreamEvent) => void, ctx: CallContext, fail: (message: string) => Error) =>
  new Promise<void>((resolve, reject) => {
    if (ctx.signal?.aborted) return resolve(); // stopped while this module loaded
    if (typeof EventSource === 'undefined') return reject(fail('No EventSource here'));
    const source = new EventSource(url);
    let failures = 0;
    const handle = (type: string) => (e: Event) => {
      failures = 0;
      try {
        const data = JSON.parse((e as MessageEvent).data);
        onEvent((data && data.type ? data : type === 'remove' ? { type, id: data.id } : { type, topic: data }) as TopicStreamEvent);
      } catch {
        // one unreadable event is skipped; the stream stays up
      }
    };
    source.addEventListener('message', handle('upsert'));
    source.addEventListener('upsert', handle('upsert'));
    source.addEventListener('remove', handle('remove'));
    source.addEventListener('open', () => (failures = 0));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED || ++failures > 2) {
        source.close();
        reject(fail('The live stream failed'));
      }
    });
    ctx.signal?.addEventListener('abort', () => (source.close(), resolve()), { once: true });
  });
