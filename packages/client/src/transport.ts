import { KithError } from './errors.ts';
import type { Problem } from './protocol/common.ts';

/** Capped exponential backoff with full jitter. `maxWaitMs`: a longer Retry-After is surfaced to the caller, not slept. */
export interface RetryPolicy {
  retries: number;
  baseMs: number;
  capMs: number;
  maxWaitMs: number;
}

export interface TransportOptions {
  fetch?: typeof fetch;
  /** Per-attempt timeout (ms), from sending the request to the end of its response body. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
}

export const defaultRetry: RetryPolicy = { retries: 2, baseMs: 250, capMs: 4000, maxWaitMs: 5000 };

/** Full jitter: a random delay in [0, min(cap, base * 2^attempt)). */
export const backoffDelay = (attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>, random = Math.random) =>
  Math.floor(random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt));

/** `Retry-After` as seconds, from either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const s = Number.isFinite(+value) ? +value : Math.ceil((Date.parse(value) - now) / 1000);
  return Number.isNaN(s) ? undefined : Math.max(0, s);
}

/**
 * How long to wait before trying again after `e`: the backoff for `attempt`, or its Retry-After when
 * longer (a `Retry-After: 0` on every answer must not make a busy loop), at most a day (past 2^31 ms
 * a timer fires at once).
 */
export const retryDelay = (e: KithError, attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>, random?: () => number) =>
  Math.min(Math.max(backoffDelay(attempt, policy, random), (e.retryAfter ?? 0) * 1000), 864e5);

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

/** Turns a non-2xx response into a KithError with its problem details. */
function errorFrom(res: Response, text: string): KithError {
  let problem: Problem | undefined;
  try {
    const body = JSON.parse(text);
    if (typeof body?.title === 'string') problem = body;
  } catch {
    // a non-JSON error body says nothing more than its status
  }
  // the problem's retryAfter is as untrusted as the rest of the body: a number, or nothing
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After')) ?? parseRetryAfter(String(problem?.retryAfter));
  const status = res.status;
  const message = problem?.detail || problem?.title || `HTTP ${status}`;
  const kind = status === 429 ? 'rate-limited' : status === 408 || status >= 500 ? 'network' : 'rejected';
  return new KithError(kind, message, { status, retryAfter, problem });
}

/** One attempt: fetch and read the body within the timeout; resolves to the parsed JSON body (undefined when empty). */
async function attempt(url: string, init: RequestInit, opts: TransportOptions): Promise<unknown> {
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 10000);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  let res: Response;
  let text: string;
  try {
    res = await (opts.fetch ?? fetch)(url, { ...init, signal });
    text = await res.text();
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    if (timeout.aborted) throw new KithError('timeout', `No answer from ${url}`, { cause });
    throw new KithError('network', `Could not reach ${url}`, { cause });
  }
  if (!res.ok) throw errorFrom(res, text);
  try {
    return text ? JSON.parse(text) : undefined;
  } catch (cause) {
    throw new KithError('invalid-response', `Malformed JSON from ${url}`, { status: res.status, cause });
  }
}

/** Fetch JSON, retrying network errors, timeouts, 408, 429 and 5xx with backoff; never other 4xx. */
export async function request(url: string, init: RequestInit, opts: TransportOptions = {}): Promise<unknown> {
  const policy = { ...defaultRetry, ...opts.retry };
  for (let n = 0; ; n++) {
    try {
      return await attempt(url, init, opts);
    } catch (e) {
      // attempt() throws only KithErrors, or the caller's own abort reason
      if (!(e instanceof KithError) || !e.retryable || n >= policy.retries) throw e;
      const wait = retryDelay(e, n, policy, opts.random);
      if (wait > policy.maxWaitMs) throw e;
      await sleep(wait, init.signal ?? undefined);
    }
  }
}
