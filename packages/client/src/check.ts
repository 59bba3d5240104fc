// The browser's validators: a few combinators, each a function that returns the checked value (with
// defaults filled in and unknown fields dropped) or throws a CheckError naming the bad field's path.
//
// They are not written by hand for the protocol: `pnpm protocol` generates protocol/checks/*.ts
// from the zod schemas in protocol/ (the one source of truth), and a node test checks that the
// generated checks and zod agree, value for value, on valid and broken payloads. Browser code pays
// about 1 kB for these instead of zod/mini's ~7 kB core; the server, the conformance suite and the
// memory backend keep validating with zod. Each combinator is marked `@__NO_SIDE_EFFECTS__`, which
// lets a bundler drop every generated check a page does not use.

export type Path = (string | number)[];
/** A validator: returns the checked value or throws a CheckError. */
export type Check<T = unknown> = (value: unknown, path?: Path) => T;

export class CheckError extends Error {
  constructor(
    readonly path: Path,
    message: string,
  ) {
    super(message);
  }
}

const fail = (path: Path, message: string): never => {
  throw new CheckError(path, message);
};
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const want = (v: unknown, type: string, path: Path) => kind(v) === type || fail(path, `expected ${type}, got ${kind(v)}`);
/** `n` within [min, max]; `what` says what `n` is: a length, or empty for a number itself. */
const range = (n: number, min: number, max: number, path: Path, what = 'length ') =>
  n < min ? fail(path, `${what}must be at least ${min}`) : n > max && fail(path, `${what}must be at most ${max}`);

/** A string of `min`..`max` characters matching `pattern` (named `format` in the message). */
/* @__NO_SIDE_EFFECTS__ */
export const str =
  (min = 0, max = Infinity, pattern?: RegExp, format = 'format'): Check<string> =>
  (v, path = []) => (want(v, 'string', path), range((v as string).length, min, max, path), pattern && !pattern.test(v as string) && fail(path, `invalid ${format}`), v as string);

/** A finite number (an integer when `int`) within [min, max]; `coerce` reads strings as numbers. */
/* @__NO_SIDE_EFFECTS__ */
export const num =
  (int?: 0 | 1, min = -Infinity, max = Infinity, coerce?: 1): Check<number> =>
  (v, path = []) => {
    if (coerce) v = Number(v);
    want(v, 'number', path);
    const n = v as number;
    if (int ? !Number.isSafeInteger(n) : !Number.isFinite(n)) fail(path, int ? 'expected an integer' : 'expected a finite number');
    range(n, min, max, path, '');
    return n;
  };

export const bool: Check<boolean> = (v, path = []) => (want(v, 'boolean', path), v as boolean);

/** One of a few literal values (also an enum). */
/* @__NO_SIDE_EFFECTS__ */
export const lit =
  <T>(...values: T[]): Check<T> =>
  (v, path = []) =>
    values.includes(v as T) ? (v as T) : fail(path, `expected ${values.map((x) => JSON.stringify(x)).join(' | ')}`);

/** An object: each field of `shape` checked; other fields dropped, or kept when `loose`. */
/* @__NO_SIDE_EFFECTS__ */
export const obj =
  <T>(shape: Record<string, Check>, loose?: 1): Check<T> =>
  (v, path = []) => {
    want(v, 'object', path);
    const input = v as Record<string, unknown>;
    const out: Record<string, unknown> = loose ? { ...input } : {};
    for (const key in shape) {
      const r = shape[key]!(input[key], [...path, key]);
      if (r !== undefined || key in input) out[key] = r;
    }
    return out as T;
  };

/** `undefined` allowed. */
/* @__NO_SIDE_EFFECTS__ */
export const opt =
  <T>(check: Check<T>): Check<T | undefined> =>
  (v, path) =>
    v === undefined ? v : check(v, path);

/** `null` allowed. */
/* @__NO_SIDE_EFFECTS__ */
export const nul =
  <T>(check: Check<T>): Check<T | null> =>
  (v, path) =>
    v === null ? v : check(v, path);

/** `undefined` becomes `fallback` (a fresh copy of an array). */
/* @__NO_SIDE_EFFECTS__ */
export const def =
  <T>(check: Check<T>, fallback: T): Check<T> =>
  (v, path) =>
    v === undefined ? (Array.isArray(fallback) ? ([...fallback] as T) : fallback) : check(v, path);

/** An array of `min`..`max` items, each checked. */
/* @__NO_SIDE_EFFECTS__ */
export const arr =
  <T>(item: Check<T>, min = 0, max = Infinity): Check<T[]> =>
  (v, path = []) => (want(v, 'array', path), range((v as unknown[]).length, min, max, path), (v as unknown[]).map((x, i) => item(x, [...path, i])));

/** A record: every key and value checked. */
/* @__NO_SIDE_EFFECTS__ */
export const rec =
  <T>(key: Check<string>, value: Check<T>): Check<Record<string, T>> =>
  (v, path = []) => {
    want(v, 'object', path);
    const out: Record<string, T> = {};
    for (const [k, x] of Object.entries(v as object)) out[key(k, [...path, k])] = value(x, [...path, k]);
    return out;
  };

/** The first option that passes. */
/* @__NO_SIDE_EFFECTS__ */
export const union =
  <T>(...options: Check[]): Check<T> =>
  (v, path = []) => {
    for (const option of options)
      try {
        return option(v, path) as T;
      } catch {}
    return fail(path, 'matches none of the allowed shapes');
  };

/** A union told apart by the string field `tag`. */
/* @__NO_SIDE_EFFECTS__ */
export const tagged =
  <T>(tag: string, options: Record<string, Check>): Check<T> =>
  (v, path = []) => {
    want(v, 'object', path);
    const t = (v as Record<string, unknown>)[tag];
    const option = typeof t === 'string' && Object.hasOwn(options, t) ? options[t]! : fail([...path, tag], `expected ${Object.keys(options).join(' | ')}`);
    return option(v, path) as T;
  };
