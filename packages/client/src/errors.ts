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
  declare readonly kind: KithErrorKind;
  declare readonly status?: number;
  declare readonly retryAfter?: number;
  declare readonly problem?: Problem;
  /** For `invalid-response` and `invalid-config`: the path of the bad field, such as `items.0.title`. */
  declare readonly path?: string;

  constructor(
    kind: KithErrorKind,
    message: string,
    extra: { status?: number; retryAfter?: number; problem?: Problem; path?: string; cause?: unknown } = {},
  ) {
    // Error takes `cause` from `extra`; the rest become fields
    super(message, extra);
    Object.assign(this, extra, { name: 'KithError', kind });
  }

  /** Whether trying the same request again later may succeed. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'rate-limited';
  }
}

/**
 * Whether `e` is a KithError, also one made by another copy of this package (a custom Backend bundled
 * with its own @kith/client, used with the script-tag build), so `instanceof` alone is not enough.
 */
export const isKithError = (e: unknown): e is KithError =>
  e instanceof KithError || (e instanceof Error && e.name === 'KithError' && typeof (e as KithError).kind === 'string');

/** `e` as a KithError: itself, a foreign copy made native, or `kind` wrapping anything else. */
export function toKithError(e: unknown, kind: KithErrorKind, message = String((e as Error)?.message ?? e)): KithError {
  if (e instanceof KithError) return e;
  if (isKithError(e)) return new KithError(e.kind, e.message, { ...e, cause: e });
  return new KithError(kind, message, { cause: e });
}
