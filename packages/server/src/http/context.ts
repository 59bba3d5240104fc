import { isIP } from 'node:net';
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
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are believed (0: none). */
  trustProxy: number;
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

/** An X-Forwarded-For entry as an IP address (a port some proxies add is dropped), or undefined. */
function forwardedAddress(entry: string): string | undefined {
  const withPort = /^\[([^\]]+)\]:\d+$/.exec(entry) ?? /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(entry);
  const address = withPort ? withPort[1]! : entry;
  // a length cap, as the address is a rate-limit key and isIP takes any IPv6 zone id (`fe80::1%...`)
  return address.length <= 64 && isIP(address) ? address : undefined;
}

/**
 * The client's address behind `hops` trusted proxies, each appending its peer's address to
 * X-Forwarded-For: the `hops`-th entry from the right (express's `trust proxy` hop count). What is
 * left of it was written by the client and never counts. With fewer entries than hops (a request that
 * skipped the outer proxies) the leftmost one, and without the header, or with an entry there that is
 * not an IP address, the socket's.
 */
export function forwardedClient(header: string | undefined, socketAddress: string | undefined, hops: number): string {
  const socket = socketAddress ?? 'unknown';
  if (hops < 1 || !header) return socket;
  const entries = header.split(',').flatMap((e) => e.trim() || []);
  const entry = entries[Math.max(0, entries.length - hops)];
  return (entry && forwardedAddress(entry)) ?? socket;
}

/**
 * The per-client key of an address for rate limits: an IPv6 client is given a whole /64 (it may use
 * any address in it), so the /64 counts once (`2001:db8:1:2::/64`); an IPv4-mapped IPv6 address
 * counts as its IPv4 one. Anything else is itself.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  // eight 16-bit groups: `::` stands for the zeros left out, a dotted IPv4 tail for two groups
  const part = (s: string) => (s ? s.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const h = part(head);
  const t = part(tail ?? '');
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** The client's rate-limit key: the socket's address, or behind `trustProxy` proxies the one they forwarded (see `forwardedClient`), an IPv6 one as its /64. */
export function clientIp(c: Context, trustProxy: number): string {
  const env = c.env as Partial<HttpBindings> | undefined;
  return addressKey(forwardedClient(trustProxy ? c.req.header('x-forwarded-for') : undefined, env?.incoming?.socket?.remoteAddress, trustProxy));
}
