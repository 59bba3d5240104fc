import * as z from 'zod/mini';
import { Problem } from '@kith/client/protocol';

/** One HTTP exchange as the checks see it. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** A rule a backend broke: the message says which and how. */
export class Violation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Violation';
  }
}

/** Thrown by a check that cannot run against this backend (say why). */
export class Skip extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Skip';
  }
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Violation(message);
}

const show = (x: Exchange): string => `${x.method} ${x.path} -> ${x.status} ${x.text.length > 300 ? `${x.text.slice(0, 300)}...` : x.text}`;

/** Parses a response body with a protocol schema; a mismatch names the field path. */
export function expectSchema<S extends z.ZodMiniType>(schema: S, x: Exchange, what: string): z.output<S> {
  expect(x.status >= 200 && x.status < 300, `${what}: expected a 2xx answer; ${show(x)}`);
  expect(/^application\/(.+\+)?json/i.test(x.headers.get('content-type') ?? ''), `${what}: content-type should be JSON, got "${x.headers.get('content-type')}"`);
  const result = z.safeParse(schema, x.json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Violation(`${what}: response does not match the schema at "${issue.path.join('.') || '(root)'}": ${issue.message}; ${show(x)}`);
  }
  return result.data;
}

/**
 * An RFC 9457 answer: `application/problem+json`, a body that is a Problem, its `status` equal
 * to the HTTP status; optionally a given status (or any 4xx), and a named bad field.
 */
export function expectProblem(x: Exchange, what: string, opts: { status?: number | '4xx'; field?: string } = {}): Problem {
  const wanted = opts.status ?? '4xx';
  if (wanted === '4xx') expect(x.status >= 400 && x.status < 500, `${what}: expected a 4xx problem; ${show(x)}`);
  else expect(x.status === wanted, `${what}: expected status ${wanted}; ${show(x)}`);
  expect(/^application\/problem\+json/i.test(x.headers.get('content-type') ?? ''), `${what}: content-type should be application/problem+json, got "${x.headers.get('content-type')}"`);
  const result = z.safeParse(Problem, x.json);
  if (!result.success) throw new Violation(`${what}: the body is not a problem (${result.error.issues[0]?.path.join('.')}: ${result.error.issues[0]?.message}); ${show(x)}`);
  expect(result.data.status === x.status, `${what}: problem.status ${result.data.status} differs from the HTTP status ${x.status}`);
  if (opts.field) {
    const field = opts.field;
    const named = result.data.errors?.some((e) => e.path === field || e.path.startsWith(`${field}.`)) || (result.data.detail ?? '').includes(field);
    expect(named, `${what}: the problem should name the bad field "${field}" (in errors[].path or detail); ${show(x)}`);
  }
  return result.data;
}

/** Same status and the same JSON body: what a repeated write must get. */
export function expectSameAnswer(first: Exchange, repeat: Exchange, what: string): void {
  expect(repeat.status === first.status, `${what}: the repeat got status ${repeat.status}, the first ${first.status}`);
  expect(canonical(repeat.json) === canonical(first.json), `${what}: the repeat got a different answer:\n  first:  ${first.text}\n  repeat: ${repeat.text}`);
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value,
  );

/** A random client id in the protocol's shape. */
export const clientId = (prefix = 'conf'): string => `${prefix}_${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;

export interface HttpClient {
  call(method: string, path: string, opts?: { body?: unknown; raw?: string; visitor?: string | null; headers?: Record<string, string> }): Promise<Exchange>;
  url(path: string): string;
  headers(visitor?: string | null): Record<string, string>;
}

/** Calls `endpoint` + `/v1/...` with the site and a visitor header, and a per-request timeout. */
export function httpClient(endpoint: string, site: string, visitor: string, fetchImpl: typeof fetch, timeoutMs: number): HttpClient {
  const base = endpoint.replace(/\/+$/, '').replace(/\/v1$/, '');
  const headers = (v: string | null = visitor): Record<string, string> => ({ 'Kith-Site': site, ...(v ? { 'Kith-Visitor': v } : {}) });
  return {
    url: (path) => `${base}${path}`,
    headers,
    async call(method, path, opts = {}) {
      const init: RequestInit = {
        method,
        headers: { ...headers(opts.visitor === undefined ? visitor : opts.visitor), ...(opts.body !== undefined || opts.raw !== undefined ? { 'Content-Type': 'application/json' } : {}), ...opts.headers },
        body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
        signal: AbortSignal.timeout(timeoutMs),
      };
      const res = await fetchImpl(`${base}${path}`, init);
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { method, path, status: res.status, headers: res.headers, text, json };
    },
  };
}

export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

/** A server-sent events reader over fetch (so it can send headers such as Last-Event-ID). */
export async function openStream(fetchImpl: typeof fetch, url: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const res = await fetchImpl(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const queue: SseMessage[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  const pump = async () => {
    if (!res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let block: { id?: string; event?: string; data: string[] } = { data: [] };
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let nl: number;
        while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
          if (line === '') {
            // Per the SSE spec a block without data dispatches nothing (it may still set the id).
            if (block.data.length) queue.push({ id: block.id, event: block.event ?? 'message', data: block.data.join('\n') });
            block = { data: [] };
            wake?.();
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') block.data.push(val);
          else if (field === 'event') block.event = val;
          else if (field === 'id') block.id = val;
        }
      }
    } catch {
      // aborted
    } finally {
      ended = true;
      wake?.();
    }
  };
  void pump();
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    /** The next message, or null after `timeoutMs` or when the stream ends. */
    async next(timeoutMs: number): Promise<SseMessage | null> {
      const deadline = Date.now() + timeoutMs;
      while (!queue.length && !ended && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.max(0, deadline - Date.now()));
        });
      }
      return queue.shift() ?? null;
    },
    close: () => abort.abort(),
  };
}
