import * as z from 'zod/mini';
import type { Backend, CallContext } from './backend.ts';
import { KithError } from './errors.ts';
import type { Badge, MemberBadge, Tier } from './protocol/badges.ts';
import { LeaderboardQuery } from './protocol/badges.ts';
import { EventBatch } from './protocol/events.ts';
import { FeedbackSubmit, type FeedbackAck } from './protocol/feedback.ts';
import type { MemberRef } from './protocol/common.ts';
import { ResponseUpsert, Survey, type ResponseAck } from './protocol/survey.ts';
import { ReportSubmit, TopicQuery, VoteSubmit, type ReportAck, type Topic, type TopicStreamEvent, type VoteAck } from './protocol/topics.ts';

/** What a memory backend starts with. Members are matched to tokens through `tokens` (token -> member id). */
export interface MemorySeed {
  surveys?: z.input<typeof Survey>[];
  topics?: Topic[];
  badges?: Badge[];
  tiers?: Tier[];
  members?: (MemberRef & { points?: number; earned?: Record<string, string>; progress?: Record<string, { current: number; target: number }> })[];
  tokens?: Record<string, string>;
}

/** Everything that reached the backend, for tests to assert on. */
export interface MemoryState {
  responses: Map<string, z.output<typeof ResponseUpsert> & { surveyId: string }>;
  feedback: Map<string, z.output<typeof FeedbackSubmit>>;
  votes: Map<string, Set<string>>;
  reports: Map<string, z.output<typeof ReportSubmit> & { topicId: string }>;
  events: Map<string, unknown>;
  /** Every write call in arrival order, including repeats: `{ call, id }`. */
  log: { call: string; id: string }[];
}

export interface MemoryBackend extends Backend {
  readonly state: MemoryState;
  readonly topics: Topic[];
  /** Push a live event to every open stream (and apply it to the topic list). */
  publish(event: TopicStreamEvent): void;
}

const problem = (status: number, title: string, detail?: string, errors?: { path: string; message: string }[]) =>
  new KithError(status === 429 ? 'rate-limited' : 'rejected', detail ?? title, {
    status,
    problem: { type: 'about:blank', title, status, detail, errors },
  });

function validate<T>(schema: z.ZodMiniType<T>, data: unknown): T {
  const r = z.safeParse(schema, data);
  if (r.success) return r.data;
  const errors = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw problem(400, 'Invalid request', `Invalid field "${errors[0]!.path}": ${errors[0]!.message}`, errors);
}

const hot = (t: Topic, now: number) => (t.votes + 2 * t.replies + 1) / Math.pow((now - Date.parse(t.createdAt)) / 3.6e6 + 2, 1.5);
const periods: Record<string, number> = { day: 864e5, week: 6048e5, month: 2592e6 };

/**
 * A protocol-faithful backend in memory: idempotent writes by client id, cursor pages, problem errors.
 * For tests, demos and as a reference for writing your own `Backend`.
 */
export function memoryBackend(seed: MemorySeed = {}): MemoryBackend {
  const surveys = new Map((seed.surveys ?? []).map((s) => [s.id, z.parse(Survey, s)]));
  const topics: Topic[] = [...(seed.topics ?? [])];
  const acks = new Map<string, unknown>();
  const listeners = new Set<(e: TopicStreamEvent, id: string) => void>();
  /** Recent live events, numbered, so a reconnecting stream can resume after its Last-Event-ID. */
  const history: { id: number; event: TopicStreamEvent }[] = [];
  const state: MemoryState = { responses: new Map(), feedback: new Map(), votes: new Map(), reports: new Map(), events: new Map(), log: [] };
  const once = <A>(key: string, call: string, make: () => A): A => {
    state.log.push({ call, id: key });
    if (!acks.has(key)) acks.set(key, make());
    return acks.get(key) as A;
  };
  const topic = (id: string) => topics.find((t) => t.id === id) ?? (() => { throw problem(404, 'Not found', `No topic "${id}"`); })();
  const visitor = (ctx?: CallContext) => ctx?.visitorId ?? 'anonymous';
  const member = (id: string, ctx?: CallContext) => {
    if (id === 'me') {
      const mid = ctx?.memberToken && seed.tokens?.[ctx.memberToken];
      if (!mid) throw problem(401, 'Unauthorized', ctx?.memberToken ? 'The member token is invalid.' : 'A member token is required.');
      id = mid;
    }
    return seed.members?.find((m) => m.id === id) ?? (() => { throw problem(404, 'Not found', `No member "${id}"`); })();
  };
  const tick = async () => {}; // every call is async, like a network

  const backend: MemoryBackend = {
    state,
    topics,
    publish(event) {
      const i = topics.findIndex((t) => t.id === (event.type === 'upsert' ? event.topic.id : event.id));
      if (event.type === 'upsert') i < 0 ? topics.push(event.topic) : (topics[i] = event.topic);
      else if (i >= 0) topics.splice(i, 1);
      const id = (history.at(-1)?.id ?? 0) + 1;
      history.push({ id, event });
      if (history.length > 1000) history.shift();
      for (const fn of listeners) fn(event, String(id));
    },
    async getSurvey(id) {
      await tick();
      const s = surveys.get(id);
      if (!s) throw problem(404, 'Not found', `No survey "${id}"`);
      return s;
    },
    async upsertResponse(surveyId, body) {
      await tick();
      const b = validate(ResponseUpsert, body);
      if (!surveys.has(surveyId)) throw problem(404, 'Not found', `No survey "${surveyId}"`);
      state.log.push({ call: 'upsertResponse', id: b.responseId });
      const prev = state.responses.get(b.responseId);
      if (!prev || prev.seq < b.seq) state.responses.set(b.responseId, { ...b, surveyId });
      const kept = state.responses.get(b.responseId)!;
      return { responseId: b.responseId, finished: kept.finished, seq: kept.seq } satisfies ResponseAck;
    },
    async submitFeedback(body) {
      await tick();
      const b = validate(FeedbackSubmit, body);
      return once(b.id, 'submitFeedback', (): FeedbackAck => {
        state.feedback.set(b.id, b);
        return { id: b.id, status: 'received', createdAt: new Date().toISOString() };
      });
    },
    async listTopics(query, ctx) {
      await tick();
      const q = validate(TopicQuery, query);
      const now = Date.now();
      const tags = q.tag ? q.tag.split(',').map((t) => t.trim()) : [];
      const since = periods[q.period] ? now - periods[q.period]! : 0;
      const key = (t: Topic) => (q.sort === 'new' ? Date.parse(t.createdAt) : q.sort === 'top' ? t.votes : hot(t, now));
      const list = topics
        .filter((t) => (!tags.length || t.tags.some((x) => tags.includes(x))) && (q.sort !== 'top' || Date.parse(t.createdAt) >= since))
        .sort((a, b) => Number(b.pinned) - Number(a.pinned) || key(b) - key(a) || (a.id < b.id ? -1 : 1));
      const start = q.cursor ? Number(q.cursor) : 0;
      if (!Number.isInteger(start) || start < 0) throw problem(400, 'Invalid cursor');
      const items = list.slice(start, start + q.limit).map((t) => ({ ...t, voted: state.votes.get(t.id)?.has(visitor(ctx)) ?? t.voted }));
      return { items, nextCursor: start + q.limit < list.length ? String(start + q.limit) : null };
    },
    streamTopics(_query, onEvent, ctx) {
      const after = Number(ctx?.lastEventId);
      if (after) for (const h of history) if (h.id > after) onEvent(h.event, String(h.id));
      listeners.add(onEvent);
      return new Promise<void>((resolve) =>
        ctx?.signal?.addEventListener('abort', () => (listeners.delete(onEvent), resolve()), { once: true }),
      );
    },
    async voteTopic(topicId, body, ctx) {
      await tick();
      const b = validate(VoteSubmit, body);
      const t = topic(topicId);
      return once(b.id, 'voteTopic', (): VoteAck => {
        const voters = state.votes.get(topicId) ?? new Set<string>();
        state.votes.set(topicId, voters);
        const had = voters.has(visitor(ctx));
        if (b.value && !had) (voters.add(visitor(ctx)), t.votes++);
        if (!b.value && had) (voters.delete(visitor(ctx)), t.votes--);
        if (had !== !!b.value) backend.publish({ type: 'upsert', topic: { ...t, voted: false } });
        return { topicId, votes: t.votes, voted: !!b.value };
      });
    },
    async reportTopic(topicId, body) {
      await tick();
      const b = validate(ReportSubmit, body);
      topic(topicId);
      return once(b.id, 'reportTopic', (): ReportAck => {
        state.reports.set(b.id, { ...b, topicId });
        return { id: b.id, topicId, received: true };
      });
    },
    async getBadges() {
      await tick();
      const holders = (id: string) => (seed.members ?? []).filter((m) => m.earned?.[id]).length;
      return { items: (seed.badges ?? []).map((b) => ({ ...b, holders: holders(b.id) })), tiers: seed.tiers ?? [] };
    },
    async getMemberBadges(memberId, ctx) {
      await tick();
      const m = member(memberId, ctx);
      const items: MemberBadge[] = (seed.badges ?? []).map((badge) => ({
        badge,
        earnedAt: m.earned?.[badge.id] ?? null,
        progress: m.progress?.[badge.id] ?? null,
      }));
      return { member: { id: m.id, name: m.name, avatarUrl: m.avatarUrl, points: m.points ?? 0 }, items, tiers: seed.tiers ?? [] };
    },
    async getLeaderboard(query) {
      await tick();
      const q = validate(LeaderboardQuery, query);
      const ranked = [...(seed.members ?? [])].sort((a, b) => (b.points ?? 0) - (a.points ?? 0)).slice(0, q.limit);
      return {
        period: q.period,
        items: ranked.map((m, i) => ({
          rank: i + 1,
          member: { id: m.id, name: m.name, avatarUrl: m.avatarUrl },
          points: m.points ?? 0,
          topBadges: (seed.badges ?? []).filter((b) => m.earned?.[b.id]).slice(0, 3),
        })),
      };
    },
    async sendEvents(batch) {
      await tick();
      const b = validate(EventBatch, batch);
      for (const e of b.events) state.log.push({ call: 'sendEvents', id: e.id });
      // a repeated batch gets the first answer; each event is stored once whatever batch brings it
      return once(`events:${b.events.map((e) => e.id).join(',')}`, 'sendEventsBatch', () => {
        let accepted = 0;
        for (const e of b.events) if (!state.events.has(e.id)) (state.events.set(e.id, e), accepted++);
        return { accepted };
      });
    },
  };
  return backend;
}
