import { Hono } from 'hono';
import { EventBatch } from '@kith/client/protocol';
import { eventMetric } from '../domain/badgeRules.ts';
import type { Deps, KithEnv } from '../http/context.ts';
import { actorOf } from '../http/memberAuth.ts';
import { readBody } from '../http/validation.ts';

/**
 * `POST /v1/events`: 202 with `accepted` = events of the batch the server holds (new or already
 * stored), so a repeated batch gets the same answer. A member's events count toward
 * `event.<widget>.<type>` badge metrics.
 */
export function eventRoutes(deps: Deps) {
  const r = new Hono<KithEnv>();
  r.post('/', async (c) => {
    const site = c.var.site.key;
    const { events } = await readBody(c, EventBatch);
    const actor = await actorOf(c, deps);
    const now = deps.now();
    const fresh = await deps.store.recordEvents(site, events, actor, now);
    if (actor.memberId) {
      for (const e of events) {
        if (fresh.has(e.id)) await deps.awards.recordEngagement(site, actor.memberId, eventMetric(e.widget, e.type), `event:${e.id}`, now);
      }
    }
    return c.json({ accepted: new Set(events.map((e) => e.id)).size }, 202);
  });
  return r;
}
