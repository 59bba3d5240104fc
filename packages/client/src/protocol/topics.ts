import * as z from 'zod/mini';
import { ClientId, Id, MemberRef, Timestamp, page } from './common.ts';

export const TopicSort = z.enum(['hot', 'new', 'top']);
export const Period = z.enum(['day', 'week', 'month', 'all']);

export const Topic = z.object({
  id: Id,
  title: z.string().check(z.maxLength(300)),
  excerpt: z.optional(z.string().check(z.maxLength(2000))),
  url: z.optional(z.nullable(z.string().check(z.maxLength(2048)))),
  author: MemberRef,
  tags: z._default(z.array(z.string().check(z.maxLength(50))), []),
  votes: z.int().check(z.minimum(0)),
  replies: z.int().check(z.minimum(0)),
  createdAt: Timestamp,
  lastActivityAt: z.optional(Timestamp),
  pinned: z._default(z.boolean(), false),
  promoted: z._default(z.boolean(), false),
  /** Whether the requesting visitor has voted. */
  voted: z._default(z.boolean(), false),
});

/** `GET /v1/topics` query. */
export const TopicQuery = z.object({
  sort: z._default(TopicSort, 'hot'),
  tag: z.optional(z.string().check(z.maxLength(200))),
  period: z._default(Period, 'all'),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
  cursor: z.optional(z.string().check(z.maxLength(500))),
});

export const TopicPage = page(Topic);

/** A server-sent event on `/v1/topics/stream`: `upsert` carries a topic, `remove` an id. */
export const TopicStreamEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('upsert'), topic: Topic }),
  z.object({ type: z.literal('remove'), id: Id }),
]);

/** `POST /v1/topics/{id}/votes`: `value` 1 votes, 0 takes the vote back. Idempotent per visitor. */
export const VoteSubmit = z.object({ id: ClientId, value: z.union([z.literal(0), z.literal(1)]) });
export const VoteAck = z.object({ topicId: Id, votes: z.int(), voted: z.boolean() });

export const ReportReason = z.enum(['spam', 'abuse', 'off-topic', 'other']);
/** `POST /v1/topics/{id}/reports`. */
export const ReportSubmit = z.object({
  id: ClientId,
  reason: ReportReason,
  note: z.optional(z.string().check(z.maxLength(1000))),
});
export const ReportAck = z.object({ id: ClientId, topicId: Id, received: z.boolean() });

export type Topic = z.infer<typeof Topic>;
export type TopicSort = z.infer<typeof TopicSort>;
export type Period = z.infer<typeof Period>;
export type TopicQuery = Omit<z.input<typeof TopicQuery>, 'limit'> & { limit?: number };
export type TopicPage = z.infer<typeof TopicPage>;
export type TopicStreamEvent = z.infer<typeof TopicStreamEvent>;
export type VoteSubmit = z.infer<typeof VoteSubmit>;
export type VoteAck = z.infer<typeof VoteAck>;
export type ReportReason = z.infer<typeof ReportReason>;
export type ReportSubmit = z.infer<typeof ReportSubmit>;
export type ReportAck = z.infer<typeof ReportAck>;
