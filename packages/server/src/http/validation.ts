import * as z from 'zod/mini';
import { en } from 'zod/locales';
import type { Context } from 'hono';
import type { FieldIssue } from '../domain/surveyCheck.ts';
import { readBodyText } from './body.ts';
import { ProblemError, describeIssues } from './problem.ts';

// Field messages in plain English rather than zod/mini's bare "Invalid input".
z.config(en());

/** Zod issues as `{ path, message }` with dotted paths (`answers.q1`, `events.0.at`). */
export const fieldIssues = (error: z.core.$ZodError, prefix = ''): FieldIssue[] =>
  error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));

/** Parses `data` with a protocol schema; unknown fields are dropped, bad ones become a 422 problem naming their paths. */
export function parseWith<S extends z.ZodMiniType>(schema: S, data: unknown, prefix = ''): z.output<S> {
  const result = z.safeParse(schema, data);
  if (result.success) return result.data;
  const errors = fieldIssues(result.error, prefix);
  throw new ProblemError('validation', { detail: describeIssues(errors), errors });
}

/** The request body as JSON, whatever its content type (beacons send text/plain). */
export const readJson = async (c: Context): Promise<unknown> => parseJson(await readBodyText(c));

/** JSON text to a value, or a 400 malformed-json problem. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ProblemError('malformed-json', { detail: `The body is not JSON: ${(e as Error).message}` });
  }
}

export const readBody = async <S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.output<S>> => parseWith(schema, await readJson(c));
