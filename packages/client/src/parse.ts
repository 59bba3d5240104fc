import { CheckError, type Check } from './check.ts';
import { KithError } from './errors.ts';

/** Check backend data (see check.ts); a mismatch is an `invalid-response` naming the bad field's path. */
export function parseOrThrow<T>(check: Check<T>, data: unknown, what: string): T {
  try {
    return check(data);
  } catch (e) {
    if (!(e instanceof CheckError)) throw e;
    const path = e.path.join('.') || '(root)';
    throw new KithError('invalid-response', `Invalid ${what} from the backend at "${path}": ${e.message}`, { path });
  }
}

/** The checked value, or `undefined` when `data` fails the check. */
export function parseOrUndefined<T>(check: Check<T>, data: unknown): T | undefined {
  try {
    return check(data);
  } catch {
    return undefined;
  }
}
