import * as z from 'zod/mini';

/** Protocol version carried in every path (`/v1/...`). */
export const PROTOCOL_VERSION = 'v1';

/** A client-made id: the key that makes every write idempotent. */
export const ClientId = z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));

/** A server-side id (survey, topic, badge, member): short, URL-safe. */
export const Id = z.string().check(z.minLength(1), z.maxLength(128));

/** ISO 8601 timestamp with offset, as JSON carries dates. */
export const Timestamp = z.iso.datetime({ offset: true });

/** Text in one language, or keyed by BCP 47 locale (`{ en: 'Hi', es: 'Hola' }`), at most `max` characters in each. */
export const localized = (max: number) =>
  z.union([z.string().check(z.maxLength(max)), z.record(z.string().check(z.minLength(2), z.maxLength(35)), z.string().check(z.maxLength(max)))]);

/** Text in one language, or keyed by BCP 47 locale (`{ en: 'Hi', es: 'Hola' }`). */
export const LocalizedText = localized(2000);

/** Only http(s) URLs are ever links or images. */
export const HttpUrl = z.string().check(z.maxLength(2048), z.regex(/^https?:\/\/[^\s]+$/i));

/** RFC 9457 problem details: the shape of every error. */
export const Problem = z.looseObject({
  type: z._default(z.string(), 'about:blank'),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** Field-level problems, each naming the path of the bad field. */
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  /** Seconds to wait before retrying (mirrors the `Retry-After` header on 429 and 503). */
  retryAfter: z.optional(z.number()),
});

/** A page of a cursor-paginated list. */
export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

export const MemberRef = z.object({
  id: Id,
  name: z.string().check(z.maxLength(200)),
  avatarUrl: z.optional(z.nullable(HttpUrl)),
});

export type LocalizedText = z.infer<typeof LocalizedText>;
export type Problem = z.infer<typeof Problem>;
export type MemberRef = z.infer<typeof MemberRef>;
