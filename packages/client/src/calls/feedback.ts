import type { KithClient, Delivery } from '../client.ts';
import { FeedbackAck, type FeedbackSubmit } from '../protocol/feedback.ts';

/** Send one feedback item through the outbox. */
export const sendFeedback = (client: KithClient, body: FeedbackSubmit): Promise<Delivery<FeedbackAck>> =>
  client.write('feedback', body, { key: body.id, ack: FeedbackAck });
