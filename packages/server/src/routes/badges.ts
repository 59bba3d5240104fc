import { Hono } from 'hono';
import { LeaderboardQuery } from '@kith/client/protocol';
import type { Deps, KithEnv } from '../http/context.ts';
import { requireMember } from '../http/memberAuth.ts';
import { ProblemError } from '../http/problem.ts';
import { parseWith } from '../http/validation.ts';

/** `GET /v1/badges`, `GET /v1/members/{id|me}/badges`, `GET /v1/leaderboard`. */
export function badgeRoutes(deps: Deps) {
  const r = new Hono<KithEnv>();

  r.get('/badges', async (c) => c.json(await deps.store.badgeCatalog(c.var.site.key)));

  r.get('/members/:id/badges', async (c) => {
    const site = c.var.site.key;
    const id = c.req.param('id') === 'me' ? (await requireMember(c, deps)).sub : c.req.param('id');
    const badges = await deps.store.memberBadges(site, id);
    if (!badges) throw new ProblemError('not-found', { detail: `No member "${id}"` });
    c.header('cache-control', 'no-store');
    return c.json(badges);
  });

  r.get('/leaderboard', async (c) => {
    const { period, limit } = parseWith(LeaderboardQuery, c.req.query());
    return c.json(await deps.store.leaderboard(c.var.site.key, period, limit, deps.now()));
  });

  return r;
}
