import * as z from 'zod/mini';
import { ClientId, Timestamp } from './common.ts';

import { FEEDBACK_MAX_LENGTH } from './limits.ts';

export { FEEDBACK_MAX_LENGTH };

/** `POST /v1/feedback`: one feedback item. */
export const FeedbackSubmit = z.object({
  id: ClientId,
  message: z.string().check(z.minLength(1), z.maxLength(FEEDBACK_MAX_LENGTH)),
  category: z.optional(z.string().check(z.maxLength(40))),
  /** stars/emoji: 1..5; thumbs: 0 (down) or 1 (up). */
  rating: z.optional(z.int().check(z.minimum(0), z.maximum(10))),
  email: z.optional(z.email()),
  context: z.optional(
    z.object({
      url: z.optional(z.string().check(z.maxLength(2048))),
      title: z.optional(z.string().check(z.maxLength(500))),
      locale: z.optional(z.string().check(z.maxLength(35))),
      viewport: z.optional(z.string().check(z.maxLength(20))),
    }),
  ),
  /** Anti-spam: the hidden field's value (humans leave it empty) and how long the form was open. */
  honeypot: z.optional(z.string().check(z.maxLength(500))),
  elapsedMs: z.optional(z.number().check(z.minimum(0))),
  captchaToken: z.optional(z.string().check(z.maxLength(4096))),
});

export const FeedbackAck = z.object({
  id: ClientId,
  status: z.string(),
  createdAt: Timestamp,
});

export type FeedbackSubmit = z.infer<typeof FeedbackSubmit>;
export type FeedbackAck = z.infer<typeof FeedbackAck>;
