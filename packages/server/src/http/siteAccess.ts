import type { MiddlewareHandler } from 'hono';
import { ClientId } from '@kith/client/protocol';
import * as z from 'zod/mini';
import type { Deps, KithEnv } from './context.ts';
import { originAllowed } from './origins.ts';
import { problemResponse } from './problem.ts';

const ALLOW_HEADERS = 'Content-Type, Kith-Site, Kith-Visitor, Authorization, Last-Event-ID';
/** Response headers a page's script may read: Retry-After is not CORS-safelisted. */
const EXPOSE_HEADERS = 'Retry-After';

const sameOrigin = (origin: string, host: string | undefined): boolean => {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
};

/**
 * Resolves the site (`Kith-Site` header, or `site` query parameter for EventSource, which cannot
 * send headers) and the visitor (`Kith-Visitor`, or `visitor` query parameter), and applies CORS:
 * a browser origin must be one the site allows (or this server's own). Preflights carry no
 * Kith-Site header, so they pass when the `site` parameter's site, or else any site, allows the
 * origin; the real request is then checked against its own site. Refusals are 403 problems
 * without CORS headers.
 */
export function siteAccess(deps: Deps): MiddlewareHandler<KithEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const siteKey = c.req.header('kith-site') || c.req.query('site') || undefined;
    const site = siteKey ? await deps.sites.get(siteKey) : null;
    const own = origin !== undefined && sameOrigin(origin, c.req.header('host'));
    const allowed =
      origin === undefined || own || (site ? originAllowed(origin, site.allowedOrigins) : !siteKey && (await deps.sites.anyAllows(origin)));
    const cors = (res: Response): Response => {
      if (origin !== undefined && allowed) {
        res.headers.set('access-control-allow-origin', origin);
        res.headers.set('access-control-expose-headers', EXPOSE_HEADERS);
        res.headers.append('vary', 'Origin');
      }
      return res;
    };

    if (c.req.method === 'OPTIONS') {
      if (!allowed) return problemResponse('origin-not-allowed', { detail: `${origin} may not call this site` });
      const res = cors(new Response(null, { status: 204 }));
      res.headers.set('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.headers.set('access-control-allow-headers', c.req.header('access-control-request-headers') || ALLOW_HEADERS);
      res.headers.set('access-control-max-age', '600');
      return res;
    }
    if (!siteKey) return cors(problemResponse('site-required', { detail: 'Send the Kith-Site header (or a site query parameter)', errors: [{ path: 'Kith-Site', message: 'required' }] }));
    if (!site) return cors(problemResponse('unknown-site', { detail: `No site "${siteKey}"` }));
    if (!allowed) return problemResponse('origin-not-allowed', { detail: `${origin} is not an allowed origin of site "${site.key}"` });

    const visitor = c.req.header('kith-visitor') || c.req.query('visitor') || undefined;
    if (visitor !== undefined && !z.safeParse(ClientId, visitor).success) {
      return cors(problemResponse('validation', { detail: 'Kith-Visitor: 8-64 characters of A-Z a-z 0-9 _ -', errors: [{ path: 'Kith-Visitor', message: 'must be 8-64 characters of A-Z a-z 0-9 _ -' }] }));
    }
    c.set('site', site);
    c.set('visitorId', visitor);
    await next();
    // Headers are added in place: assigning c.res would copy the whole response.
    if (origin !== undefined) cors(c.res);
  };
}
