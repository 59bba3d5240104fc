import type { Topic, TopicStreamEvent } from '@kith/client';
import { words } from '@kith/ui';

/** An absolute http(s) URL for `url` (relative ones resolve against the page), else undefined: anything else is never a link. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, document.baseURI);
    return /^https?:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** `"a, b,,c"` -> `['a', 'b', 'c']` (@kith/ui's `words`). */
export const splitTags: (list: string | undefined) => string[] = words;

/** Pinned first, then promoted, then the rest, each group in the order given. */
export const ordered = (topics: readonly Topic[]): Topic[] => {
  const rank = (t: Topic) => (t.pinned ? 0 : t.promoted ? 1 : 2);
  return [...topics].sort((a, b) => rank(a) - rank(b));
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31536e3],
  ['month', 2592e3],
  ['week', 604800],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/** How long ago `iso` was, in the largest fitting unit: `[-3, 'hour']`; `[0, 'second']` under a minute or ahead of our clock. */
export function ago(iso: string, now: number): [number, Intl.RelativeTimeFormatUnit] {
  const s = Math.min(0, Date.parse(iso) - now) / 1000;
  for (const [unit, size] of UNITS) if (Math.abs(s) >= size) return [Math.trunc(s / size), unit];
  return [0, 'second'];
}

/**
 * The topics a feed shows, in server order, and the new ones waiting behind the "N new" button.
 * Live events (`applyEvent`, in live.ts) change counts in place, never the order under the reader.
 */
export class TopicFeed {
  topics: Topic[] = [];
  pending: Topic[] = [];
  cursor: string | null = null;

  /** Take a page: the first replaces everything, later ones append topics not seen yet. */
  page(items: readonly Topic[], nextCursor: string | null, first: boolean): Topic[] {
    if (first) (this.topics = []), (this.pending = []);
    const seen = new Set([...this.topics, ...this.pending].map((t) => t.id));
    const fresh = items.filter((t) => !seen.has(t.id) && (seen.add(t.id), true));
    this.topics = [...this.topics, ...fresh];
    this.cursor = nextCursor;
    return fresh;
  }

  /** Change one topic in place. */
  patch(id: string, change: Partial<Topic>): Topic | undefined {
    const i = this.topics.findIndex((t) => t.id === id);
    if (i < 0) return undefined;
    return (this.topics[i] = { ...this.topics[i]!, ...change });
  }

  /** Move the waiting topics to the top of the list; returns them. */
  reveal(): Topic[] {
    const shown = this.pending;
    this.topics = [...shown, ...this.topics];
    this.pending = [];
    return shown;
  }
}
