// `@kith/client/topics`: the topics calls, each validating with its own checks, so a page loads only the schemas of the areas it uses.
import type { KithClient, Delivery } from '../client.ts';
import { KithError } from '../errors.ts';
import { parseOrUndefined } from '../parse.ts';
import { ReportAck, TopicPage, TopicStreamEvent, VoteAck } from '../protocol/checks/topics.ts';

// this area's checks, so a page with only a feed imports no other area's (`@kith/client/checks` has them all)
export { ReportAck, TopicPage, TopicStreamEvent, VoteAck } from '../protocol/checks/topics.ts';
import type { ReportSubmit, TopicQuery, TopicStreamEvent as StreamEvent, VoteAck as VoteAckT, ReportAck as ReportAckT, VoteSubmit } from '../protocol/topics.ts';

/** `GET /v1/topics`. */
export const listTopics = (client: KithClient, query: TopicQuery, signal?: AbortSignal) => client.read(TopicPage, 'topics', (b, c) => b.listTopics(query, c), signal);

/** Live topic events until `signal` aborts; rejects when the stream fails. Invalid events are dropped; a backend with no stream rejects with a network KithError. */
export function streamTopics(client: KithClient, query: TopicQuery, onEvent: (e: StreamEvent) => void, signal?: AbortSignal) {
  const stream = client.backend.streamTopics;
  if (!stream) return Promise.reject(new KithError('network', 'This backend has no live stream'));
  return stream.call(
    client.backend,
    query,
    (e) => {
      const event = parseOrUndefined(TopicStreamEvent, e);
      if (event) onEvent(event);
    },
    client.context(signal),
  );
}

/** Vote (1) or take a vote back (0) through the outbox; the latest choice per topic wins. */
export const vote = (client: KithClient, topicId: string, body: VoteSubmit): Promise<Delivery<VoteAckT>> =>
  client.write('vote', body, { target: topicId, key: `vote-${topicId}`, ack: VoteAck });

/** Report a topic through the outbox. */
export const report = (client: KithClient, topicId: string, body: ReportSubmit): Promise<Delivery<ReportAckT>> =>
  client.write('report', body, { target: topicId, key: body.id, ack: ReportAck });
