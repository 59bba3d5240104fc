import { Hono } from 'hono';
import { FeedbackSubmit } from '@kith/client/protocol';
import { spamReason } from '../domain/antiSpam.ts';
import type { Deps, KithEnv } from '../http/context.ts';
import { actorOf } from '../http/memberAuth.ts';
import { readBody } from '../http/validation.ts';

/** `POST /v1/feedback`: 201 with the ack of the first submission of this id, spam included. */
export function feedbackRoutes(deps: Deps) {
  const r = new Hono<KithEnv>();
  r.post('/', async (c) => {
    const site = c.var.site.key;
    const { honeypot, elapsedMs, captchaToken: _captcha, ...item } = await readBody(c, FeedbackSubmit);
    const spam = spamReason({ honeypot, elapsedMs }, deps.settings.minFeedbackFillMs);
    const actor = await actorOf(c, deps);
    const now = deps.now();
    const { ack, created } = await deps.store.submitFeedback(site, { ...item, ...actor, spamReason: spam }, now);
    if (created && !spam && actor.memberId) await deps.awards.record(site, actor.memberId, 'feedback.submitted', `feedback:${item.id}`, now);
    return c.json(ack, 201);
  });
  return r;
}
