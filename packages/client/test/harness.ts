// Shared set-up for the client's browser tests: a memory backend served over msw at a fake origin.
import { setupWorker } from 'msw/browser';
import { http, HttpResponse, delay } from 'msw';
import { kithHandlers } from '../src/msw.ts';
import { memoryBackend, type MemoryBackend, type MemorySeed } from '../src/memory-backend.ts';
import { createClient, type ClientOptions, type KithClient } from '../src/index.ts';

export const API = 'https://api.kith.test';
export const worker = setupWorker();
let started: Promise<unknown> | undefined;

export const demoSurvey = {
  id: 'nps',
  version: 1,
  questions: [{ id: 'q1', type: 'nps', text: 'How likely are you to recommend us?' }],
} as const;

/** A fresh memory backend behind msw, plus a way to inject faults for one request. */
export async function serve(seed: MemorySeed = { surveys: [demoSurvey as never] }): Promise<MemoryBackend> {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  const backend = memoryBackend(seed);
  worker.resetHandlers(...kithHandlers(backend, { baseUrl: API }));
  return backend;
}

type Fault = 'offline' | 'hang' | 500 | 429 | 'malformed';

/** The next `times` requests matching method+path fail this way before reaching the backend. */
export function fault(method: 'get' | 'post', path: string, kind: Fault, opts: { times?: number; retryAfter?: number } = {}) {
  let left = opts.times ?? 1;
  worker.use(
    http[method](`${API}/v1/${path}`, async () => {
      if (left <= 0) return undefined; // fall through to the real handlers
      left--;
      if (kind === 'offline') return HttpResponse.error();
      if (kind === 'hang') return delay('infinite');
      if (kind === 'malformed') return new HttpResponse('{"oops', { headers: { 'Content-Type': 'application/json' } });
      const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
      if (opts.retryAfter !== undefined) headers['Retry-After'] = String(opts.retryAfter);
      return new HttpResponse(JSON.stringify({ title: 'Fault', status: kind }), { status: kind, headers });
    }),
  );
}

/** Everything offline until the returned function is called. */
export function goOffline(): () => void {
  const h = http.all(`${API}/*`, () => HttpResponse.error());
  worker.use(h);
  return () => worker.resetHandlers(...worker.listHandlers().filter((x) => x !== h));
}

let n = 0;
/** A client on its own IndexedDB database (unless `storeName` is shared to act as a second tab or a reload). */
export function client(opts: Partial<ClientOptions> = {}): KithClient {
  return createClient({
    endpoint: API,
    site: 'test',
    storeName: `kith-test-${Date.now()}-${n++}`,
    timeoutMs: 300,
    retry: { retries: 1, baseMs: 5, capMs: 20, maxWaitMs: 2000 },
    outbox: { baseMs: 10, capMs: 50 },
    ...opts,
  });
}

/** Resolve when `cond()` holds, polling; rejects after `ms` so a broken test fails instead of hanging. */
export async function until(cond: () => boolean, ms = 4000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** How many times each id reached the backend through `call`. */
export const arrivals = (b: MemoryBackend, call: string) => {
  const counts: Record<string, number> = {};
  for (const e of b.state.log) if (e.call === call) counts[e.id] = (counts[e.id] ?? 0) + 1;
  return counts;
};
