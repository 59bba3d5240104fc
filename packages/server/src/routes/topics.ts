import { Hono } from 'hono';
import { ReportSubmit, TopicQuery, VoteSubmit } from '@kith/client/protocol';
import type { Deps, KithContext, KithEnv } from '../http/context.ts';
import { ProblemError } from '../http/problem.ts';
import { parseWith, readBody } from '../http/validation.ts';
import { parseTags, voterKey } from '../http/voter.ts';
import { topicStream } from './topicStream.ts';

const requireVoter = (c: KithContext, deps: Deps): string => {
  const voter = voterKey(c, deps);
  if (!voter) throw new ProblemError('visitor-required', { detail: 'Votes and reports need a Kith-Visitor id (or a member token)', errors: [{ path: 'Kith-Visitor', message: 'required' }] });
  return voter;
};

/** `GET /v1/topics`, `GET /v1/topics/stream`, `POST /v1/topics/{id}/votes`, `POST /v1/topics/{id}/reports`. */
export function topicRoutes(deps: Deps) {
  const r = new Hono<KithEnv>();

  r.get('/', async (c) => {
    const q = parseWith(TopicQuery, c.req.query());
    const page = await deps.store.listTopics(c.var.site.key, { ...q, tags: parseTags(q.tag), voter: voterKey(c, deps), now: deps.now() });
    c.header('cache-control', 'no-cache');
    return c.json(page);
  });

  r.get('/stream', (c) => topicStream(c, deps));

  // 200 with the first answer to this vote id; one vote per visitor (or member) per topic.
  r.post('/:id/votes', async (c) => {
    const site = c.var.site.key;
    const topicId = c.req.param('id');
    const body = await readBody(c, VoteSubmit);
    const voter = requireVoter(c, deps);
    const now = deps.now();
    const result = await deps.store.vote(site, topicId, body, voter, now);
    if (!result) throw new ProblemError('not-found', { detail: `No topic "${topicId}"` });
    if (result.changed) {
      deps.feed.notify(site);
      const memberId = voter.startsWith('m:') ? voter.slice(2) : undefined;
      if (result.firstUpvote && memberId) await deps.awards.record(site, memberId, 'vote.cast', `topic:${topicId}`, now);
      if (body.value === 1 && result.authorId && (await deps.store.getMember(site, result.authorId))) {
        if (result.firstUpvote && memberId !== result.authorId) await deps.awards.record(site, result.authorId, 'topic.vote_received', `${topicId}:${voter}`, now);
        await deps.awards.record(site, result.authorId, 'topic.votes', topicId, now, result.ack.votes);
      }
    }
    return c.json(result.ack, 200);
  });

  // 202: a report is received; moderation decides (distinct reporters past the site's threshold hide the topic).
  r.post('/:id/reports', async (c) => {
    const site = c.var.site;
    const topicId = c.req.param('id');
    const body = await readBody(c, ReportSubmit);
    const reporter = requireVoter(c, deps);
    const result = await deps.store.report(site.key, topicId, body, reporter, site.reportThreshold, deps.now());
    if (!result) throw new ProblemError('not-found', { detail: `No topic "${topicId}"` });
    if (result.hiddenNow) deps.feed.notify(site.key);
    return c.json(result.ack, 202);
  });

  return r;
}
