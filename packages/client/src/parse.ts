import * as z from 'zod/mini';
import { KithError } from './errors.ts';

/** Parse backend data with its schema; a mismatch is an `invalid-response` naming the bad field's path. */
export function parseOrThrow<T>(schema: z.ZodMiniType<T>, data: unknown, what: string): T {
  const result = z.safeParse(schema, data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.join('.') || '(root)';
  throw new KithError('invalid-response', `Invalid ${what} from the backend at "${path}": ${issue.message}`, { path });
}
