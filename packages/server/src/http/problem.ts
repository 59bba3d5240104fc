import type { Problem } from '@kith/client/protocol';
import type { FieldIssue } from '../domain/surveyCheck.ts';

/** Every problem `type` this server answers with is `urn:kith:problem:<kind>`. */
export const PROBLEM_TYPE_PREFIX = 'urn:kith:problem:';

const KINDS = {
  'malformed-json': [400, 'Malformed JSON'],
  'site-required': [400, 'Site key required'],
  'visitor-required': [400, 'Visitor id required'],
  validation: [422, 'Invalid request'],
  'token-missing': [401, 'Member token required'],
  'token-invalid': [401, 'Member token invalid'],
  'token-expired': [401, 'Member token expired'],
  unauthorized: [401, 'Admin token required'],
  'origin-not-allowed': [403, 'Origin not allowed'],
  'not-found': [404, 'Not found'],
  'unknown-site': [404, 'Unknown site'],
  conflict: [409, 'Conflict'],
  'payload-too-large': [413, 'Request body too large'],
  'rate-limited': [429, 'Too many requests'],
  internal: [500, 'Internal server error'],
  unavailable: [503, 'Service unavailable'],
} as const satisfies Record<string, readonly [number, string]>;

export type ProblemKind = keyof typeof KINDS;

export interface ProblemInit {
  detail?: string;
  errors?: FieldIssue[];
  /** Seconds; also sent as the `Retry-After` header. */
  retryAfter?: number;
  headers?: Record<string, string>;
}

/** Thrown anywhere in a handler; the app's error handler answers it as problem+json. */
export class ProblemError extends Error {
  readonly kind: ProblemKind;
  readonly init: ProblemInit;
  constructor(kind: ProblemKind, init: ProblemInit = {}) {
    super(init.detail ?? KINDS[kind][1]);
    this.name = 'ProblemError';
    this.kind = kind;
    this.init = init;
  }
}

/** An RFC 9457 problem+json response; `Retry-After` mirrors `retryAfter`. */
export function problemResponse(kind: ProblemKind, init: ProblemInit = {}, instance?: string): Response {
  const [status, title] = KINDS[kind];
  const body: Problem = {
    type: PROBLEM_TYPE_PREFIX + kind,
    title,
    status,
    ...(init.detail ? { detail: init.detail } : {}),
    ...(instance ? { instance } : {}),
    ...(init.errors?.length ? { errors: init.errors } : {}),
    ...(init.retryAfter !== undefined ? { retryAfter: init.retryAfter } : {}),
  };
  const headers = new Headers({ 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...init.headers });
  if (init.retryAfter !== undefined) headers.set('retry-after', String(init.retryAfter));
  return new Response(JSON.stringify(body), { status, headers });
}

/** `path: message; ...` for the problem's `detail`, so a log line alone names the bad fields. */
export const describeIssues = (issues: readonly FieldIssue[]): string =>
  issues
    .slice(0, 5)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');
