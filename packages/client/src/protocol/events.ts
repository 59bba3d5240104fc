import * as z from 'zod/mini';
import { ClientId, Id, Timestamp } from './common.ts';

export const EventType = z.enum(['view', 'start', 'answer', 'complete', 'dismiss', 'open', 'submit', 'vote', 'report']);

export const EngagementEvent = z.object({
  id: ClientId,
  type: EventType,
  widget: z.enum(['survey', 'feedback', 'hot-topics', 'badge-wall']),
  /** What the event is about: a survey id, topic id, badge id. */
  subject: z.optional(Id),
  at: Timestamp,
});

/** `POST /v1/events`: a batch of engagement events, each idempotent by id. */
export const EventBatch = z.object({ events: z.array(EngagementEvent).check(z.minLength(1), z.maxLength(100)) });
export const EventAck = z.object({ accepted: z.int().check(z.minimum(0)) });

export type EventType = z.infer<typeof EventType>;
export type EngagementEvent = z.infer<typeof EngagementEvent>;
export type EventBatch = z.infer<typeof EventBatch>;
export type EventAck = z.infer<typeof EventAck>;
