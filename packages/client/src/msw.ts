import { http, HttpResponse, type HttpResponseResolver } from 'msw';
import type { Backend, CallContext } from './backend.ts';
import { KithError, isKithError } from './errors.ts';
import type { TopicQuery } from './protocol/topics.ts';

export { memoryBackend, type MemoryBackend, type MemorySeed, type MemoryState } from './memory-backend.ts';

export interface KithHandlersOptions {
  /** Where the protocol is served, e.g. `https://api.example.test` (no `/v1`). Default: same origin. */
  baseUrl?: string;
}

/** A problem+json response (RFC 9457) for any error a backend throws. */
export function problemResponse(e: unknown): HttpResponse<string> {
  const err = isKithError(e) ? e : new KithError('network', 'Internal error', { status: 500 });
  const status = err.status ?? (err.kind === 'rejected' ? 400 : 500);
  const problem = err.problem ?? { type: 'about:blank', title: err.message, status };
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (err.retryAfter !== undefined) headers['Retry-After'] = String(err.retryAfter);
  return new HttpResponse(JSON.stringify({ ...problem, status }), { status, headers });
}

const context = (request: Request): CallContext => ({
  signal: request.signal,
  visitorId: request.headers.get('Kith-Visitor') ?? undefined,
  memberToken: request.headers.get('Authorization')?.replace(/^Bearer\s+/i, '') || undefined,
});

const json = async (request: Request): Promise<never> => {
  try {
    return (await request.json()) as never;
  } catch {
    throw new KithError('rejected', 'The request body is not valid JSON', {
      status: 400,
      problem: { type: 'about:blank', title: 'Malformed JSON', status: 400 },
    });
  }
};

/** The query parameters, `limit` as the number the Backend's types promise. */
const query = (request: Request): TopicQuery & Record<string, string> => {
  const q: Record<string, string | number> = Object.fromEntries(new URL(request.url).searchParams);
  if (q.limit !== undefined) q.limit = Number(q.limit);
  return q as never;
};

/** msw handlers that serve the Kith REST protocol (v1) from any Backend, such as `memoryBackend()`. */
export function kithHandlers(backend: Backend, { baseUrl = '' }: KithHandlersOptions = {}) {
  const base = `${baseUrl.replace(/\/+$/, '')}/v1`;
  const serve =
    (call: (request: Request, params: Record<string, string>) => Promise<unknown>): HttpResponseResolver =>
    async ({ request, params }) => {
      try {
        return HttpResponse.json((await call(request, params as Record<string, string>)) as Record<string, unknown>);
      } catch (e) {
        return problemResponse(e);
      }
    };
  const encoder = new TextEncoder();

  return [
    http.get(`${base}/surveys/:id`, serve((r, p) => backend.getSurvey(p.id!, context(r)))),
    http.post(`${base}/surveys/:id/responses`, serve(async (r, p) => backend.upsertResponse(p.id!, await json(r), context(r)))),
    http.post(`${base}/feedback`, serve(async (r) => backend.submitFeedback(await json(r), context(r)))),
    http.get(`${base}/topics/stream`, ({ request }) => {
      // no live stream: 501, which the client and the conformance suite take as "poll instead"
      if (!backend.streamTopics) {
        const problem = { type: 'about:blank', title: 'This backend has no live stream', status: 501 };
        return problemResponse(new KithError('rejected', problem.title, { status: 501, problem }));
      }
      const stream = backend.streamTopics.bind(backend);
      const stop = new AbortController();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          const send = (text: string) => controller.enqueue(encoder.encode(text));
          send(': connected\n\n');
          stream(
            query(request),
            (e, id) => send(`${id ? `id: ${id}\n` : ''}event: ${e.type}\ndata: ${JSON.stringify(e.type === 'upsert' ? e.topic : { id: e.id })}\n\n`),
            { ...context(request), signal: stop.signal, lastEventId: request.headers.get('Last-Event-ID') ?? undefined },
          )
            .then(
              () => controller.close(),
              () => controller.error(new Error('stream failed')),
            )
            .catch(() => {}); // the reader already went away: nothing to close
        },
        cancel: () => stop.abort(),
      });
      return new HttpResponse(body, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' } });
    }),
    http.get(`${base}/topics`, serve((r) => backend.listTopics(query(r), context(r)))),
    http.post(`${base}/topics/:id/votes`, serve(async (r, p) => backend.voteTopic(p.id!, await json(r), context(r)))),
    http.post(`${base}/topics/:id/reports`, serve(async (r, p) => backend.reportTopic(p.id!, await json(r), context(r)))),
    http.get(`${base}/badges`, serve((r) => backend.getBadges(context(r)))),
    http.get(`${base}/members/:id/badges`, serve((r, p) => backend.getMemberBadges(p.id!, context(r)))),
    http.get(`${base}/leaderboard`, serve((r) => backend.getLeaderboard(query(r), context(r)))),
    http.post(`${base}/events`, serve(async (r) => backend.sendEvents(await json(r), context(r)))),
    http.all(`${base}/*`, ({ request }) =>
      problemResponse(
        new KithError('rejected', `No such call: ${request.method} ${new URL(request.url).pathname}`, {
          status: 404,
          problem: { type: 'about:blank', title: 'Not found', status: 404 },
        }),
      ),
    ),
  ];
}
