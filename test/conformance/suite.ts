import * as z from 'zod/mini';
import {
  BadgeCatalog,
  EventAck,
  FeedbackAck,
  Leaderboard,
  MemberBadges,
  ReportAck,
  ResponseAck,
  Survey,
  TopicPage,
  TopicStreamEvent,
  Topic,
  VoteAck,
  type Answer,
  type Question,
} from '@kith/client/protocol';
import { Skip, Violation, clientId, expect, expectProblem, expectSameAnswer, expectSchema, httpClient, openStream, type HttpClient } from './http.ts';

export interface ConformanceOptions {
  /** The backend's base URL; the suite calls `<endpoint>/v1/...` (a trailing `/v1` is accepted). */
  endpoint: string;
  /** Public site key sent as `Kith-Site`. */
  site: string;
  fetch?: typeof fetch;
  /** A survey to test with; default: the first of `demo-product`, `demo-nps` that exists. */
  survey?: string;
  /** A valid member token for `/v1/members/me/badges`; without one that check is skipped. */
  memberToken?: string;
  /** The 429 probe stops after this many requests or this long, whichever first. */
  burst?: { maxRequests: number; maxMs: number };
  /** Run only these check ids. */
  only?: string[];
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Called as each check finishes. */
  onResult?: (result: CheckResult) => void;
}

export interface CheckResult {
  id: string;
  title: string;
  status: 'pass' | 'fail' | 'skip';
  /** Why it failed or was skipped; what it observed when it passed. */
  detail?: string;
  ms: number;
}

interface Ctx {
  opts: Required<Pick<ConformanceOptions, 'endpoint' | 'site' | 'burst' | 'timeoutMs'>> & ConformanceOptions;
  fetch: typeof fetch;
  /** A client with a fresh visitor id (each check gets its own, so checks do not share limits or votes). */
  client(): HttpClient;
  survey(): Promise<z.output<typeof Survey>>;
  topics(): Promise<z.output<typeof Topic>[]>;
}

interface Check {
  id: string;
  title: string;
  run(ctx: Ctx): Promise<string | void>;
}

const visitorId = () => clientId('visitor');

/** A valid answer to each question, from its definition. */
export function answerFor(q: Question): Answer {
  switch (q.type) {
    case 'nps':
      return 9;
    case 'rating':
      return q.scale;
    case 'yesno':
      return true;
    case 'text':
      return 'conformance check';
    case 'single':
      return { selected: [q.choices[0]!.id] };
    case 'multiple': {
      const n = Math.min(Math.max(q.min ?? 1, 1), q.max ?? q.choices.length, q.choices.length);
      return { selected: q.choices.slice(0, n).map((c) => c.id) };
    }
  }
}

const feedbackBody = (id = clientId('fb')) => ({ id, message: 'Conformance suite: a feedback message.', category: 'conformance', elapsedMs: 5000, context: { url: 'https://example.com/page', locale: 'en' } });

const CHECKS: Check[] = [
  {
    id: 'survey.get',
    title: 'GET /v1/surveys/{id} returns a valid survey',
    async run(ctx) {
      const s = await ctx.survey();
      return `survey "${s.id}" v${s.version}, ${s.questions.length} questions`;
    },
  },
  {
    id: 'survey.not-found',
    title: 'an unknown survey is a 404 problem',
    async run(ctx) {
      expectProblem(await ctx.client().call('GET', `/v1/surveys/${clientId('missing')}`), 'GET unknown survey', { status: 404 });
    },
  },
  {
    id: 'response.idempotent',
    title: 'a repeated response upsert gets the first answer',
    async run(ctx) {
      const s = await ctx.survey();
      const c = ctx.client();
      const body = { responseId: clientId('resp'), surveyVersion: s.version, seq: 1, answers: { [s.questions[0]!.id]: answerFor(s.questions[0]!) }, finished: false };
      const first = await c.call('POST', `/v1/surveys/${s.id}/responses`, { body });
      const ack = expectSchema(ResponseAck, first, 'response upsert');
      expect(ack.responseId === body.responseId, `the ack names responseId "${ack.responseId}", not "${body.responseId}"`);
      expectSameAnswer(first, await c.call('POST', `/v1/surveys/${s.id}/responses`, { body }), 'repeated response upsert');
    },
  },
  {
    id: 'response.highest-seq',
    title: 'response upserts keep the highest seq (late retries do not win)',
    async run(ctx) {
      const s = await ctx.survey();
      const c = ctx.client();
      const answers = Object.fromEntries(s.questions.map((q) => [q.id, answerFor(q)]));
      const responseId = clientId('resp');
      const post = (seq: number, finished: boolean) => c.call('POST', `/v1/surveys/${s.id}/responses`, { body: { responseId, surveyVersion: s.version, seq, answers, finished } });
      expectSchema(ResponseAck, await post(5, false), 'upsert seq 5');
      const stale = expectSchema(ResponseAck, await post(3, true), 'upsert seq 3 after seq 5');
      expect(stale.seq >= 5, `after seq 5, a late seq 3 answered seq ${stale.seq}: the server should keep (and report) the highest`);
      expect(stale.finished === false, 'a late seq 3 (finished) overwrote seq 5 (not finished)');
      const done = expectSchema(ResponseAck, await post(6, true), 'upsert seq 6');
      expect(done.seq === 6 && done.finished, `seq 6 finished answered ${JSON.stringify(done)}`);
    },
  },
  {
    id: 'response.invalid',
    title: 'an invalid response is a 4xx problem naming the field',
    async run(ctx) {
      const s = await ctx.survey();
      const x = await ctx.client().call('POST', `/v1/surveys/${s.id}/responses`, { body: { surveyVersion: s.version, answers: {}, finished: false } });
      expectProblem(x, 'response without responseId', { field: 'responseId' });
    },
  },
  {
    id: 'feedback.idempotent',
    title: 'a repeated feedback submission gets the first answer',
    async run(ctx) {
      const c = ctx.client();
      const body = feedbackBody();
      const first = await c.call('POST', '/v1/feedback', { body });
      const ack = expectSchema(FeedbackAck, first, 'feedback');
      expect(ack.id === body.id, `the ack names id "${ack.id}", not "${body.id}"`);
      await new Promise((r) => setTimeout(r, 5));
      expectSameAnswer(first, await c.call('POST', '/v1/feedback', { body }), 'repeated feedback');
    },
  },
  {
    id: 'feedback.invalid',
    title: 'invalid feedback is a 4xx problem naming the field',
    async run(ctx) {
      expectProblem(await ctx.client().call('POST', '/v1/feedback', { body: { ...feedbackBody(), message: '' } }), 'feedback with an empty message', { field: 'message' });
    },
  },
  {
    id: 'errors.malformed-json',
    title: 'a body that is not JSON is a 4xx problem',
    async run(ctx) {
      expectProblem(await ctx.client().call('POST', '/v1/feedback', { raw: '{"id": "broken' }), 'malformed JSON');
    },
  },
  {
    id: 'errors.body-too-large',
    title: 'an oversized body is refused with a 4xx problem (413 preferred)',
    async run(ctx) {
      const x = await ctx.client().call('POST', '/v1/feedback', { body: { ...feedbackBody(), message: 'x'.repeat(200 * 1024) } });
      expectProblem(x, '200 KB feedback');
      return x.status === 413 ? '413' : `${x.status} (not 413)`;
    },
  },
  {
    id: 'errors.unknown-route',
    title: 'an unknown /v1 route is a 404 problem',
    async run(ctx) {
      expectProblem(await ctx.client().call('GET', `/v1/${clientId('nothing')}`), 'GET unknown route', { status: 404 });
    },
  },
  {
    id: 'unknown-fields',
    title: 'unknown request fields are ignored, never fatal',
    async run(ctx) {
      const c = ctx.client();
      const extra = { futureField: 'x', nested: { deeper: [1, 2] } };
      expectSchema(FeedbackAck, await c.call('POST', '/v1/feedback', { body: { ...feedbackBody(), ...extra, context: { ...feedbackBody().context, screen: 'dark' } } }), 'feedback with unknown fields');
      const event = { id: clientId('ev'), type: 'view', widget: 'survey', subject: 'x', at: new Date().toISOString(), ...extra };
      expectSchema(EventAck, await c.call('POST', '/v1/events', { body: { events: [event], ...extra } }), 'events with unknown fields');
      expectSchema(TopicPage, await c.call('GET', '/v1/topics?sort=new&utm_source=conformance&future=1'), 'topics with unknown query parameters');
      const s = await ctx.survey().catch((e: unknown) => (e instanceof Skip ? null : Promise.reject(e)));
      if (!s) return 'no survey: response upserts not tried';
      const q = s.questions[0]!;
      expectSchema(ResponseAck, await c.call('POST', `/v1/surveys/${s.id}/responses`, { body: { responseId: clientId('resp'), surveyVersion: s.version, answers: { [q.id]: answerFor(q) }, finished: false, ...extra } }), 'response with unknown fields');
    },
  },
  {
    id: 'topics.list',
    title: 'topic lists are valid for every sort, period and tag',
    async run(ctx) {
      const c = ctx.client();
      for (const sort of ['hot', 'new', 'top']) {
        for (const period of ['day', 'week', 'month', 'all']) expectSchema(TopicPage, await c.call('GET', `/v1/topics?sort=${sort}&period=${period}&limit=5`), `topics sort=${sort} period=${period}`);
      }
      const topics = await ctx.topics();
      const tag = topics.flatMap((t) => t.tags)[0];
      if (!tag) return 'no tags to filter by';
      const page = expectSchema(TopicPage, await c.call('GET', `/v1/topics?tag=${encodeURIComponent(tag)}&limit=100`), `topics tag=${tag}`);
      expect(page.items.length > 0, `tag "${tag}" is on a listed topic but tag=${tag} lists none`);
      expect(page.items.every((t) => t.tags.includes(tag)), `tag=${tag} listed a topic without that tag`);
      return `${topics.length} topics; tag filter "${tag}" gave ${page.items.length}`;
    },
  },
  {
    id: 'topics.bad-query',
    title: 'an invalid query value is a 4xx problem',
    async run(ctx) {
      expectProblem(await ctx.client().call('GET', '/v1/topics?limit=0'), 'topics limit=0', { field: 'limit' });
    },
  },
  {
    id: 'topics.pagination',
    title: 'cursor pages neither skip nor repeat (hot, new, top)',
    async run(ctx) {
      const c = ctx.client();
      const notes: string[] = [];
      for (const sort of ['hot', 'new', 'top']) {
        const whole = expectSchema(TopicPage, await c.call('GET', `/v1/topics?sort=${sort}&limit=100`), `topics sort=${sort} limit=100`);
        if (whole.items.length < 4) throw new Skip(`only ${whole.items.length} topics: paging needs at least 4`);
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let pages = 0; ; pages++) {
          expect(pages < 200, `sort=${sort}: more than 200 pages of 3; the cursor does not advance`);
          const x = await c.call('GET', `/v1/topics?sort=${sort}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          const page = expectSchema(TopicPage, x, `topics sort=${sort} page ${pages + 1}`);
          expect(page.items.length <= 3, `sort=${sort}: limit=3 returned ${page.items.length} items`);
          for (const t of page.items) {
            expect(!seen.includes(t.id), `sort=${sort}: topic "${t.id}" repeated on page ${pages + 1}`);
            seen.push(t.id);
          }
          cursor = page.nextCursor;
          if (!cursor) break;
          expect(page.items.length > 0, `sort=${sort}: an empty page with a nextCursor`);
        }
        if (!whole.nextCursor) {
          const missing = whole.items.map((t) => t.id).filter((id) => !seen.includes(id));
          expect(missing.length === 0, `sort=${sort}: paging skipped ${missing.join(', ')}`);
          expect(seen.join() === whole.items.map((t) => t.id).join(), `sort=${sort}: pages of 3 come in a different order than one page of 100`);
        }
        notes.push(`${sort}: ${seen.length}`);
      }
      return notes.join(', ');
    },
  },
  {
    id: 'votes.idempotent',
    title: 'votes are idempotent by id and one per visitor',
    async run(ctx) {
      const topic = (await ctx.topics()).at(-1);
      if (!topic) throw new Skip('no topics to vote on');
      const c = ctx.client();
      const path = `/v1/topics/${encodeURIComponent(topic.id)}/votes`;
      const up = { id: clientId('vote'), value: 1 };
      const first = await c.call('POST', path, { body: up });
      const ack = expectSchema(VoteAck, first, 'vote');
      expect(ack.voted === true && ack.topicId === topic.id, `vote answered ${first.text}`);
      expectSameAnswer(first, await c.call('POST', path, { body: up }), 'repeated vote');
      const again = expectSchema(VoteAck, await c.call('POST', path, { body: { id: clientId('vote'), value: 1 } }), 'second vote by the same visitor');
      expect(again.votes === ack.votes, `a second vote by the same visitor changed the count from ${ack.votes} to ${again.votes}`);
      const down = expectSchema(VoteAck, await c.call('POST', path, { body: { id: clientId('vote'), value: 0 } }), 'vote taken back');
      expect(down.voted === false && down.votes === ack.votes - 1, `taking the vote back answered ${JSON.stringify(down)} (expected votes ${ack.votes - 1})`);
      expectSameAnswer(first, await c.call('POST', path, { body: up }), 'the first vote repeated after the take-back');
    },
  },
  {
    id: 'votes.not-found',
    title: 'a vote on an unknown topic is a 404 problem',
    async run(ctx) {
      expectProblem(await ctx.client().call('POST', `/v1/topics/${clientId('missing')}/votes`, { body: { id: clientId('vote'), value: 1 } }), 'vote on unknown topic', { status: 404 });
    },
  },
  {
    id: 'reports.idempotent',
    title: 'a repeated report gets the first answer',
    async run(ctx) {
      const topics = await ctx.topics();
      // A random topic, so that repeated runs against one server do not pile reports on one topic.
      const topic = topics[Math.floor(Math.random() * topics.length)];
      if (!topic) throw new Skip('no topics to report');
      const c = ctx.client();
      const body = { id: clientId('report'), reason: 'off-topic', note: 'conformance suite' };
      const path = `/v1/topics/${encodeURIComponent(topic.id)}/reports`;
      const first = await c.call('POST', path, { body });
      expectSchema(ReportAck, first, 'report');
      expectSameAnswer(first, await c.call('POST', path, { body }), 'repeated report');
    },
  },
  {
    id: 'events.idempotent',
    title: 'a repeated event batch gets the first answer',
    async run(ctx) {
      const c = ctx.client();
      const at = new Date().toISOString();
      const body = { events: [{ id: clientId('ev'), type: 'view', widget: 'hot-topics', at }, { id: clientId('ev'), type: 'open', widget: 'hot-topics', subject: 'x', at }] };
      const first = await c.call('POST', '/v1/events', { body });
      expectSchema(EventAck, first, 'events');
      expectSameAnswer(first, await c.call('POST', '/v1/events', { body }), 'repeated events');
    },
  },
  {
    id: 'events.invalid',
    title: 'an empty event batch is a 4xx problem naming the field',
    async run(ctx) {
      expectProblem(await ctx.client().call('POST', '/v1/events', { body: { events: [] } }), 'empty event batch', { field: 'events' });
    },
  },
  {
    id: 'badges.catalog',
    title: 'GET /v1/badges returns a valid catalog',
    async run(ctx) {
      const catalog = expectSchema(BadgeCatalog, await ctx.client().call('GET', '/v1/badges'), 'badge catalog');
      return `${catalog.items.length} badges, ${catalog.tiers.length} tiers`;
    },
  },
  {
    id: 'leaderboard',
    title: 'leaderboards are valid and ranked for every period',
    async run(ctx) {
      const c = ctx.client();
      for (const period of ['day', 'week', 'month', 'all']) {
        const board = expectSchema(Leaderboard, await c.call('GET', `/v1/leaderboard?period=${period}&limit=10`), `leaderboard ${period}`);
        expect(board.period === period, `leaderboard?period=${period} answered period "${board.period}"`);
        expect(board.items.length <= 10, `limit=10 returned ${board.items.length} items`);
        board.items.forEach((item, i) => {
          const prev = board.items[i - 1];
          if (prev) expect(item.points <= prev.points && item.rank >= prev.rank, `leaderboard ${period}: item ${i} is not in rank order`);
        });
      }
    },
  },
  {
    id: 'members.badges',
    title: "a member's badges are valid; an unknown member is a 404 problem",
    async run(ctx) {
      const c = ctx.client();
      expectProblem(await c.call('GET', `/v1/members/${clientId('nobody')}/badges`), 'unknown member', { status: 404 });
      const board = expectSchema(Leaderboard, await c.call('GET', '/v1/leaderboard?period=all&limit=1'), 'leaderboard');
      const member = board.items[0]?.member;
      if (!member) throw new Skip('no member on the leaderboard to look up');
      const badges = expectSchema(MemberBadges, await c.call('GET', `/v1/members/${encodeURIComponent(member.id)}/badges`), `badges of ${member.id}`);
      expect(badges.member.id === member.id, `asked for ${member.id}, got ${badges.member.id}`);
    },
  },
  {
    id: 'members.me.no-token',
    title: '/v1/members/me/badges without a token is a 401 problem',
    async run(ctx) {
      expectProblem(await ctx.client().call('GET', '/v1/members/me/badges'), 'me without token', { status: 401 });
    },
  },
  {
    id: 'members.me.forged-token',
    title: '/v1/members/me/badges with a forged token is a 401 problem',
    async run(ctx) {
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const forged = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'demo-member', name: 'Mallory', exp: Math.floor(Date.now() / 1000) + 3600 })}.${Buffer.from('not-the-signature').toString('base64url')}`;
      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'demo-member', name: 'Mallory', exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
      for (const [what, token] of [['forged signature', forged], ['alg none', none]] as const) {
        expectProblem(await ctx.client().call('GET', '/v1/members/me/badges', { headers: { Authorization: `Bearer ${token}` } }), `me with ${what}`, { status: 401 });
      }
    },
  },
  {
    id: 'members.me.token',
    title: '/v1/members/me/badges with a valid token returns the member',
    async run(ctx) {
      if (!ctx.opts.memberToken) throw new Skip('pass --member-token to check a valid token');
      const x = await ctx.client().call('GET', '/v1/members/me/badges', { headers: { Authorization: `Bearer ${ctx.opts.memberToken}` } });
      const badges = expectSchema(MemberBadges, x, 'me with token');
      return `member ${badges.member.id}: ${badges.items.filter((i) => i.earnedAt).length} earned`;
    },
  },
  {
    id: 'stream.events',
    title: '/v1/topics/stream sends valid events for changes',
    async run(ctx) {
      return streamCheck(ctx, false);
    },
  },
  {
    id: 'stream.resume',
    title: '/v1/topics/stream resumes from Last-Event-ID',
    async run(ctx) {
      return streamCheck(ctx, true);
    },
  },
  {
    id: 'rate-limit.retry-after',
    title: 'a burst past the rate limit gets 429 with Retry-After',
    async run(ctx) {
      const c = ctx.client();
      const { maxRequests, maxMs } = ctx.opts.burst;
      const started = Date.now();
      let sent = 0;
      let limited: Awaited<ReturnType<HttpClient['call']>> | undefined;
      const worker = async () => {
        while (!limited && sent < maxRequests && Date.now() - started < maxMs) {
          sent++;
          const x = await c.call('POST', '/v1/events', { body: { events: [{ id: clientId('ev'), type: 'view', widget: 'survey', at: new Date().toISOString() }] } });
          if (x.status === 429) limited ??= x;
          else if (x.status >= 300) throw new Violation(`burst request ${sent} got ${x.status}: ${x.text}`);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      if (!limited) throw new Skip(`no 429 within ${sent} requests in ${Date.now() - started} ms (bounded at ${maxRequests} / ${maxMs} ms)`);
      const problem = expectProblem(limited, '429', { status: 429 });
      const header = limited.headers.get('retry-after');
      expect(header !== null, '429 without a Retry-After header');
      expect(/^\d+$/.test(header) || !Number.isNaN(Date.parse(header)), `Retry-After "${header}" is neither seconds nor an HTTP date`);
      if (problem.retryAfter !== undefined && /^\d+$/.test(header)) expect(problem.retryAfter === Number(header), `problem.retryAfter ${problem.retryAfter} differs from Retry-After ${header}`);
      return `429 after ${sent} requests, Retry-After: ${header}`;
    },
  },
];

/** A stream event in either shape clients accept: `message` with a TopicStreamEvent, or `upsert`/`remove` events. */
function streamEvent(m: { event: string; data: string }): z.output<typeof TopicStreamEvent> {
  let data: unknown;
  try {
    data = JSON.parse(m.data);
  } catch {
    throw new Violation(`stream data is not JSON: ${m.data.slice(0, 200)}`);
  }
  const shaped = m.event === 'upsert' && !(data as { type?: unknown })?.type ? { type: 'upsert', topic: data } : m.event === 'remove' && !(data as { type?: unknown })?.type ? { type: 'remove', id: (data as { id?: unknown })?.id } : data;
  const r = z.safeParse(TopicStreamEvent, shaped);
  if (!r.success) throw new Violation(`stream event does not match the schema at "${r.error.issues[0]?.path.join('.')}": ${m.data.slice(0, 300)}`);
  return r.data;
}

async function streamCheck(ctx: Ctx, resume: boolean): Promise<string> {
  const topic = (await ctx.topics()).at(-1);
  if (!topic) throw new Skip('no topics to change');
  const c = ctx.client();
  const url = c.url(`/v1/topics/stream?site=${encodeURIComponent(ctx.opts.site)}`);
  const stream = await openStream(ctx.fetch, url, c.headers());
  if (stream.status === 404 || stream.status === 501) {
    stream.close();
    throw new Skip(`the stream answers ${stream.status}: live updates are optional`);
  }
  expect(stream.status === 200 && stream.contentType.startsWith('text/event-stream'), `stream answered ${stream.status} ${stream.contentType}`);
  const path = `/v1/topics/${encodeURIComponent(topic.id)}/votes`;
  const waitFor = async (s: typeof stream, what: string) => {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const m = await s.next(deadline - Date.now());
      if (!m) break;
      const e = streamEvent(m);
      if ((e.type === 'upsert' ? e.topic.id : e.id) === topic.id) return { e, id: m.id };
    }
    throw new Violation(`no stream event for topic "${topic.id}" within 5 s after ${what}`);
  };
  try {
    // Give the server a moment to subscribe the stream before the change.
    await new Promise((r) => setTimeout(r, 100));
    expectSchema(VoteAck, await c.call('POST', path, { body: { id: clientId('vote'), value: 1 } }), 'vote');
    const first = await waitFor(stream, 'a vote');
    expect(first.e.type === 'upsert', `a vote produced a "${first.e.type}" event`);
    if (!resume) return `upsert for "${topic.id}" received${first.id ? ` (id ${first.id})` : ''}`;
    if (!first.id) throw new Skip('stream events carry no id: nothing to resume from');
    stream.close();
    expectSchema(VoteAck, await c.call('POST', path, { body: { id: clientId('vote'), value: 0 } }), 'vote taken back');
    const again = await openStream(ctx.fetch, url, { ...c.headers(), 'Last-Event-ID': first.id });
    try {
      const replay = await waitFor(again, 'reconnecting with Last-Event-ID');
      expect(replay.e.type === 'remove' || replay.e.topic.voted === false, 'the replayed event shows the topic as before the take-back');
      return `resumed after id ${first.id}, replayed id ${replay.id ?? '(none)'}`;
    } finally {
      again.close();
    }
  } finally {
    stream.close();
    // Leave no vote behind.
    await c.call('POST', path, { body: { id: clientId('vote'), value: 0 } });
  }
}

/** The checks' ids and titles, in the order they run (the 429 burst last). */
export const checks = CHECKS.map(({ id, title }) => ({ id, title }));

/**
 * Runs the protocol checks against a backend and returns one result per check. Checks that
 * write use fresh client ids and visitor ids, take back their votes, and leave feedback, events,
 * responses and one report behind.
 */
export async function runConformance(options: ConformanceOptions): Promise<CheckResult[]> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const opts = { burst: { maxRequests: 300, maxMs: 15_000 }, timeoutMs: 10_000, ...options };
  let survey: Promise<z.output<typeof Survey>> | undefined;
  let topics: Promise<z.output<typeof Topic>[]> | undefined;
  const ctx: Ctx = {
    opts,
    fetch: fetchImpl,
    client: () => httpClient(opts.endpoint, opts.site, visitorId(), fetchImpl, opts.timeoutMs),
    survey: () =>
      (survey ??= (async () => {
        const c = ctx.client();
        for (const id of opts.survey ? [opts.survey] : ['demo-product', 'demo-nps']) {
          const x = await c.call('GET', `/v1/surveys/${encodeURIComponent(id)}`);
          if (x.status === 404 && !opts.survey) continue;
          return expectSchema(Survey, x, `survey ${id}`);
        }
        throw new Skip('no survey to test with: pass --survey ID');
      })()),
    topics: () =>
      (topics ??= (async () => {
        const page = expectSchema(TopicPage, await ctx.client().call('GET', '/v1/topics?sort=new&limit=100'), 'topics');
        return page.items.filter((t) => !t.pinned);
      })()),
  };
  const results: CheckResult[] = [];
  for (const check of CHECKS) {
    if (opts.only && !opts.only.includes(check.id)) continue;
    const started = performance.now();
    let result: CheckResult;
    try {
      const detail = await check.run(ctx);
      result = { id: check.id, title: check.title, status: 'pass', ...(detail ? { detail } : {}), ms: 0 };
    } catch (e) {
      const status = e instanceof Skip ? 'skip' : 'fail';
      const err = e as Error & { cause?: unknown };
      const detail = e instanceof Skip || e instanceof Violation ? e.message : `unexpected error: ${err?.name}: ${err?.message ?? e}${err?.cause ? ` (cause: ${String(err.cause)})` : ''}`;
      result = { id: check.id, title: check.title, status, detail, ms: 0 };
    }
    result.ms = Math.round(performance.now() - started);
    results.push(result);
    opts.onResult?.(result);
  }
  return results;
}
