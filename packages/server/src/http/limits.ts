import type { MiddlewareHandler } from 'hono';
import { type Deps, type KithEnv, clientIp } from './context.ts';
import { problemResponse } from './problem.ts';
import { TokenBuckets } from './rateLimit.ts';

/** Rate limits per IP (every request) and per visitor (writes): 429 with Retry-After when spent. */
export function rateLimit(deps: Deps): MiddlewareHandler<KithEnv> {
  const { ip: ipOpts, visitorWrites } = deps.settings.rateLimits;
  const byIp = ipOpts ? new TokenBuckets(ipOpts) : null;
  const byVisitor = visitorWrites ? new TokenBuckets(visitorWrites) : null;
  return async (c, next) => {
    const now = deps.now();
    const ip = clientIp(c, deps.settings.trustProxy);
    let wait = byIp?.take(ip, now) ?? 0;
    if (!wait && byVisitor && c.req.method === 'POST') {
      wait = byVisitor.take(`${c.var.site.key}:${c.var.visitorId ?? `ip:${ip}`}`, now);
    }
    if (wait) return problemResponse('rate-limited', { detail: `Too many requests; retry in ${wait} s`, retryAfter: wait });
    await next();
  };
}
