import type { Backend, CallContext } from './backend.ts';
import { KithError } from './errors.ts';
import { request, type TransportOptions } from './transport.ts';

export interface RestBackendOptions extends TransportOptions {
  /** Base URL of a Kith protocol server; `/v1/...` is appended. */
  endpoint: string;
  /** Public site key, sent as `Kith-Site`. */
  site: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
}

type Query = Record<string, string | number | undefined>;

/** A Backend that speaks the Kith REST protocol (v1) over fetch. */
export function restBackend(options: RestBackendOptions): Backend {
  const base = options.endpoint.replace(/\/+$/, '');
  const url = (path: string, query: Query = {}) => {
    const u = new URL(`${base}/v1/${path}`, globalThis.location?.href);
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') u.searchParams.set(k, String(v));
    return u.href;
  };
  /** GET, or POST with a JSON body when there is one. */
  const call = (path: string, ctx: CallContext = {}, body?: unknown, query?: Query) => {
    const headers: Record<string, string> = { Accept: 'application/json', 'Kith-Site': options.site, ...options.headers };
    if (body) headers['Content-Type'] = 'application/json';
    if (ctx.visitorId) headers['Kith-Visitor'] = ctx.visitorId;
    if (ctx.memberToken) headers.Authorization = `Bearer ${ctx.memberToken}`;
    const init = { method: body ? 'POST' : 'GET', headers, body: body && JSON.stringify(body), signal: ctx.signal, keepalive: ctx.keepalive };
    return request(url(path, query), init as RequestInit, options) as Promise<never>;
  };
  const enc = encodeURIComponent;

  return {
    getSurvey: (id, ctx) => call(`surveys/${enc(id)}`, ctx),
    upsertResponse: (surveyId, body, ctx) => call(`surveys/${enc(surveyId)}/responses`, ctx, body),
    submitFeedback: (body, ctx) => call('feedback', ctx, body),
    listTopics: (query, ctx) => call('topics', ctx, undefined, query),
    voteTopic: (id, body, ctx) => call(`topics/${enc(id)}/votes`, ctx, body),
    reportTopic: (id, body, ctx) => call(`topics/${enc(id)}/reports`, ctx, body),
    getBadges: (ctx) => call('badges', ctx),
    getMemberBadges: (id, ctx) => call(`members/${enc(id)}/badges`, ctx),
    getLeaderboard: (query, ctx) => call('leaderboard', ctx, undefined, query),
    sendEvents: (batch, ctx) => call('events', ctx, batch),
    // EventSource cannot send headers, so the site and visitor travel in the query.
    streamTopics: (query, onEvent, ctx = {}) =>
      import('./rest-stream.ts').then((m) =>
        m.stream(url('topics/stream', { ...query, cursor: undefined, site: options.site, visitor: ctx.visitorId }), onEvent, ctx, (message) => new KithError('network', message)),
      ),
  };
}
