import type { Problem } from './protocol/common.ts';

/** What went wrong, in one word a widget can turn into a sentence in the visitor's language. */
export type KithErrorKind =
  | 'network'
  | 'timeout'
  | 'rejected'
  | 'rate-limited'
  | 'invalid-response'
  | 'invalid-config'
  | 'queue-full';

/** The one error type the SDK throws. `status`, `retryAfter` (seconds), `problem` and `path` when known. */
export class KithError extends Error {
  readonly kind: KithErrorKind;
  readonly status?: number;
  readonly retryAfter?: number;
  readonly problem?: Problem;
  /** For `invalid-response` and `invalid-config`: the path of the bad field, such as `items.0.title`. */
  readonly path?: string;

  constructor(
    kind: KithErrorKind,
    message: string,
    extra: { status?: number; retryAfter?: number; problem?: Problem; path?: string; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'KithError';
    this.kind = kind;
    this.status = extra.status;
    this.retryAfter = extra.retryAfter;
    this.problem = extra.problem;
    this.path = extra.path;
  }

  /** Whether trying the same request again later may succeed. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'rate-limited';
  }
}

export const isKithError = (e: unknown): e is KithError => e instanceof KithError;
