// A Kith Backend over Acme's own API: each Kith call becomes the Acme call that does the same thing,
// and each Acme answer is reshaped into what Kith expects (the client validates it with the protocol's
// schemas, so a mistake here shows up as a clear `invalid-response`, not as a broken widget).
import { KithError, type Answer, type Backend, type CallContext, type Survey, type Topic } from '@kith/client';
import type { AcmePoll, AcmeThread } from '../acme-server.ts';

type Thread = Omit<AcmeThread, 'likedBy'> & { likedByYou: boolean };
const enc = encodeURIComponent;
const ORDER = { hot: 'trending', new: 'latest', top: 'best' } as const;

/** Acme's status codes as Kith error kinds: only `rejected` is final; the outbox retries the others. */
function errorFor(status: number, message: string): KithError {
  const kind = status === 429 ? 'rate-limited' : status === 408 || status >= 500 ? 'network' : 'rejected';
  return new KithError(kind, message, { status });
}

/** Acme keeps answers as strings or numbers. */
const flat = (a: Answer): string | number =>
  typeof a === 'boolean' ? (a ? 'yes' : 'no') : typeof a === 'object' ? [...a.selected, ...(a.other ? [a.other] : [])].join(', ') : a;

const toQuestion = (s: AcmePoll['steps'][number]): Survey['questions'][number] => {
  const common = { id: s.key, text: s.ask, required: !s.optional };
  if (s.kind === 'text') return { ...common, type: 'text', multiline: true, maxLength: 1000 };
  if (s.min === 0 && s.max === 10) return { ...common, type: 'nps' };
  return { ...common, type: 'rating', scale: s.max ?? 5, style: 'numbers' };
};

const toTopic = (t: Thread): Topic => ({
  id: t.threadId,
  title: t.subject,
  excerpt: t.snippet,
  url: t.permalink,
  author: { id: t.poster.handle, name: t.poster.displayName },
  tags: t.labels,
  votes: t.likes,
  replies: t.comments,
  createdAt: new Date(t.opened).toISOString(),
  pinned: t.sticky,
  promoted: false,
  voted: t.likedByYou,
});

/** Kith's Backend on Acme's API at `base` (such as `/api` or `https://acme.example/api`). */
export function acmeBackend(base: string): Backend {
  async function call<T>(method: string, path: string, body?: unknown, ctx: CallContext = {}): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: ctx.signal,
        keepalive: ctx.keepalive,
      });
    } catch (e) {
      throw new KithError('network', `Acme is unreachable: ${e}`, { cause: e });
    }
    const data = res.status === 204 ? undefined : await res.json().catch(() => undefined);
    if (!res.ok) throw errorFor(res.status, data?.message ?? `Acme answered ${res.status}`);
    return data as T;
  }
  const missing = (what: string) => () => Promise.reject(new KithError('rejected', `Acme has no ${what}`));

  return {
    async getSurvey(id, ctx) {
      const poll = await call<AcmePoll>('GET', `/polls/${enc(id)}`, undefined, ctx);
      return { id: poll.slug, version: poll.rev, title: poll.heading, defaultLocale: 'en', questions: poll.steps.map(toQuestion) };
    },

    async upsertResponse(surveyId, r, ctx) {
      const values = Object.fromEntries(Object.entries(r.answers).map(([k, a]) => [k, flat(a)]));
      const body = { rev: r.surveyVersion, values, done: r.finished, step: r.seq ?? 0, by: ctx?.visitorId };
      const saved = await call<{ ref: string; done: boolean; step: number }>('PUT', `/polls/${enc(surveyId)}/submissions/${enc(r.responseId)}`, body, ctx);
      return { responseId: saved.ref, finished: saved.done, seq: saved.step };
    },

    async submitFeedback(f, ctx) {
      // Acme has no spam filter: what a bot typed into the hidden field never leaves the page.
      if (f.honeypot) return { id: f.id, status: 'spam', createdAt: new Date().toISOString() };
      const body = { ref: f.id, body: f.message, label: f.category, stars: f.rating, replyTo: f.email, page: f.context?.url };
      const t = await call<{ ticket: string; ref: string; receivedAt: string }>('POST', '/inbox', body, ctx);
      return { id: t.ref, status: 'new', createdAt: t.receivedAt };
    },

    async listTopics(q, ctx) {
      const page = Number(q.cursor ?? 1);
      const query = new URLSearchParams({ order: ORDER[q.sort ?? 'hot'], count: String(q.limit ?? 20), page: String(page), by: ctx?.visitorId ?? '' });
      const res = await call<{ threads: Thread[]; nextPage: number | null }>('GET', `/threads?${query}`, undefined, ctx);
      const tags = q.tag?.split(',');
      const items = res.threads.filter((t) => !tags || t.labels.some((l) => tags.includes(l))).map(toTopic);
      return { items, nextCursor: res.nextPage === null ? null : String(res.nextPage) };
    },

    async voteTopic(topicId, v, ctx) {
      const body = { ref: v.id, by: ctx?.visitorId, like: v.value === 1 };
      const r = await call<{ likes: number; likedByYou: boolean }>('POST', `/threads/${enc(topicId)}/likes`, body, ctx);
      return { topicId, votes: r.likes, voted: r.likedByYou };
    },

    async sendEvents(batch, ctx) {
      await call('POST', '/activity', { items: batch.events }, ctx);
      return { accepted: batch.events.length };
    },

    reportTopic: missing('reports'),
    getBadges: missing('badges'),
    getMemberBadges: missing('badges'),
    getLeaderboard: missing('leaderboard'),
  };
}
