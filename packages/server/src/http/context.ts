import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { Awards } from '../awards.ts';
import type { TopicFeed } from '../topicFeed.ts';
import type { SiteRecord, Store } from '../store/store.ts';
import type { SiteCache } from './siteCache.ts';

/** Hono environment of the v1 routes: the resolved site and visitor, set by `siteAccess`. */
export interface KithEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { site: SiteRecord; visitorId: string | undefined };
}
export type KithContext = Context<KithEnv>;

/** Limits a site's visitors meet; `false` turns one off. */
export interface RateLimits {
  /** All v1 requests from one IP address. */
  ip: { capacity: number; perSecond: number } | false;
  /** Writes (POST) by one visitor of one site (by IP when the visitor sends no id). */
  visitorWrites: { capacity: number; perSecond: number } | false;
  /** Open `/v1/topics/stream` connections per IP. */
  streamsPerIp: number;
}

export interface ServerSettings {
  maxBodyBytes: number;
  adminMaxBodyBytes: number;
  heartbeatMs: number;
  minFeedbackFillMs: number;
  trustProxy: boolean;
  rateLimits: RateLimits;
}

/** What route handlers share. */
export interface Deps {
  store: Store;
  now: () => number;
  awards: Awards;
  feed: TopicFeed;
  sites: SiteCache;
  settings: ServerSettings;
}

/** The client's address: the socket's, or with `trustProxy` the first `X-Forwarded-For` hop. */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
