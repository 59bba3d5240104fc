import { Hono } from 'hono';
import { Awards } from './awards.ts';
import type { Deps, KithEnv, RateLimits, ServerSettings } from './http/context.ts';
import { limitBody } from './http/body.ts';
import { rateLimit } from './http/limits.ts';
import { ProblemError, problemResponse } from './http/problem.ts';
import { SiteCache } from './http/siteCache.ts';
import { siteAccess } from './http/siteAccess.ts';
import { InvalidCursorError } from './store/cursor.ts';
import type { Store } from './store/store.ts';
import { TopicFeed } from './topicFeed.ts';
import { adminRoutes } from './routes/admin.ts';
import { badgeRoutes } from './routes/badges.ts';
import { consoleRoutes } from './routes/console.ts';
import { type DemoPageOptions, demoPageRoutes } from './routes/demoPage.ts';
import { eventRoutes } from './routes/events.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { surveyRoutes } from './routes/surveys.ts';
import { topicRoutes } from './routes/topics.ts';
import { MIN_FILL_MS } from './domain/antiSpam.ts';

export interface AppOptions {
  store: Store;
  /** Bearer token of the admin API; without one the admin API answers 401. */
  adminToken?: string;
  /** Clock, in ms (tests move time). */
  now?: () => number;
  /** Rate limits; `false` turns them off (benchmarks). */
  rateLimits?: Partial<RateLimits> | false;
  /** Largest accepted v1 request body (default 64 KiB; larger gets 413). */
  maxBodyBytes?: number;
  /** SSE heartbeat interval (default 15 s). */
  heartbeatMs?: number;
  /** Feedback filled faster than this is spam (default 1500 ms). */
  minFeedbackFillMs?: number;
  /**
   * How many reverse proxies you run in front of the server: the client's address is then the
   * X-Forwarded-For entry that many from the right. `true` is 1; `false` or 0 (default) ignores the header.
   */
  trustProxy?: boolean | number;
  /** Demo page, `/embed/*` and `/demo/session`. */
  demo?: DemoPageOptions;
  /** Called with unexpected errors (default: console.error). */
  onError?: (error: unknown) => void;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  ip: { capacity: 300, perSecond: 50 },
  visitorWrites: { capacity: 60, perSecond: 2 },
  streamsPerIp: 20,
};

export type KithApp = Hono & { deps: Deps };

const isBusy = (e: unknown): boolean => typeof e === 'object' && e !== null && 'code' in e && String((e as { code: unknown }).code).startsWith('SQLITE_BUSY');

function proxyHops(trustProxy: AppOptions['trustProxy']): number {
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : (trustProxy ?? 0);
  if (!Number.isInteger(hops) || hops < 0) throw new RangeError(`trustProxy must be true, false or a number of proxies (0, 1, 2...), not ${trustProxy}`);
  return hops;
}

/** The reference server as a Hono app: the v1 protocol under `/v1`, the admin API under `/admin` and its console at `/console/`, the demo at `/`. */
export function createApp(options: AppOptions): KithApp {
  const now = options.now ?? Date.now;
  const limits = options.rateLimits;
  const settings: ServerSettings = {
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
    adminMaxBodyBytes: 1024 * 1024,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    minFeedbackFillMs: options.minFeedbackFillMs ?? MIN_FILL_MS,
    trustProxy: proxyHops(options.trustProxy),
    rateLimits: limits === false ? { ip: false, visitorWrites: false, streamsPerIp: Number.POSITIVE_INFINITY } : { ...DEFAULT_RATE_LIMITS, ...limits },
  };
  const deps: Deps = {
    store: options.store,
    now,
    awards: new Awards(options.store),
    feed: new TopicFeed(),
    sites: new SiteCache(options.store, now),
    settings,
  };
  const report = options.onError ?? ((e: unknown) => console.error(e));

  const app = new Hono();
  app.onError((err, c) => {
    const instance = c.req.path;
    if (err instanceof ProblemError) return problemResponse(err.kind, err.init, instance);
    if (err instanceof InvalidCursorError) return problemResponse('validation', { detail: `cursor: ${err.message}`, errors: [{ path: 'cursor', message: err.message }] }, instance);
    if (isBusy(err)) return problemResponse('unavailable', { detail: 'The database is busy', retryAfter: 1 }, instance);
    report(err);
    return problemResponse('internal', {}, instance);
  });
  app.notFound((c) => problemResponse('not-found', { detail: `No route ${c.req.method} ${c.req.path}` }, c.req.path));

  app.get('/healthz', (c) => c.json({ ok: true }));

  const v1 = new Hono<KithEnv>();
  v1.use('*', siteAccess(deps));
  v1.use('*', limitBody(settings.maxBodyBytes));
  v1.use('*', rateLimit(deps));
  v1.route('/surveys', surveyRoutes(deps));
  v1.route('/feedback', feedbackRoutes(deps));
  v1.route('/topics', topicRoutes(deps));
  v1.route('/events', eventRoutes(deps));
  v1.route('/', badgeRoutes(deps));
  v1.all('*', (c) => problemResponse('not-found', { detail: `No route ${c.req.method} ${c.req.path}` }, c.req.path));
  app.route('/v1', v1);

  const admin = new Hono();
  admin.use('*', limitBody(settings.adminMaxBodyBytes));
  admin.route('/', adminRoutes(deps, options.adminToken));
  app.route('/admin', admin);
  app.route('/', consoleRoutes());

  if (options.demo) app.route('/', demoPageRoutes(options.demo));
  if (!options.demo?.page) app.get('/', (c) => c.text('Kith reference server: the protocol is under /v1, the admin API under /admin.\n'));

  return Object.assign(app, { deps });
}
