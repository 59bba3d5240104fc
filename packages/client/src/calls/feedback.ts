// `@kith/client/feedback`: the feedback calls, each validating with its own checks, so a page loads only the schemas of the areas it uses.
import type { KithClient, Delivery } from '../client.ts';
import { FeedbackAck } from '../protocol/checks/feedback.ts';

// this area's checks, so a page with only a feedback box imports no other area's (`@kith/client/checks` has them all)
export { FeedbackAck, FeedbackSubmit } from '../protocol/checks/feedback.ts';
import type { FeedbackAck as FeedbackAckT, FeedbackSubmit } from '../protocol/feedback.ts';

/** Send one feedback item through the outbox. */
export const sendFeedback = (client: KithClient, body: FeedbackSubmit): Promise<Delivery<FeedbackAckT>> =>
  client.write('feedback', body, { key: body.id, ack: FeedbackAck });
