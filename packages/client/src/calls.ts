// One function per protocol call, each validating with its own schema, so a bundle carries only
// the schemas of the calls it uses (the survey widget never ships the badge schemas).
import type { KithClient, Delivery } from './client.ts';
import { parseOrThrow } from './parse.ts';
import { BadgeCatalog, Leaderboard, MemberBadges, type LeaderboardQuery } from './protocol/badges.ts';
import { FeedbackAck, type FeedbackSubmit } from './protocol/feedback.ts';
import { ResponseAck, Survey, type ResponseUpsert } from './protocol/survey.ts';
import {
  ReportAck,
  TopicPage,
  TopicStreamEvent,
  VoteAck,
  type ReportSubmit,
  type TopicQuery,
  type VoteSubmit,
} from './protocol/topics.ts';
import * as z from 'zod/mini';

const ctx = (client: KithClient, signal?: AbortSignal) => client.context(signal);

/** `GET /v1/surveys/{id}`. */
export const getSurvey = async (client: KithClient, id: string, signal?: AbortSignal) =>
  parseOrThrow(Survey, await client.backend.getSurvey(id, ctx(client, signal)), 'survey');

/** `GET /v1/topics`. */
export const listTopics = async (client: KithClient, query: TopicQuery, signal?: AbortSignal) =>
  parseOrThrow(TopicPage, await client.backend.listTopics(query, ctx(client, signal)), 'topics');

/** Live topic events until `signal` aborts; rejects when the stream fails. Invalid events are dropped. */
export function streamTopics(client: KithClient, query: TopicQuery, onEvent: (e: TopicStreamEvent) => void, signal?: AbortSignal) {
  const stream = client.backend.streamTopics;
  if (!stream) return Promise.reject(new Error('no live stream'));
  return stream.call(
    client.backend,
    query,
    (e) => {
      const r = z.safeParse(TopicStreamEvent, e);
      if (r.success) onEvent(r.data);
    },
    ctx(client, signal),
  );
}

/** `GET /v1/badges`. */
export const getBadges = async (client: KithClient, signal?: AbortSignal) =>
  parseOrThrow(BadgeCatalog, await client.backend.getBadges(ctx(client, signal)), 'badges');

/** `GET /v1/members/{id|me}/badges`. */
export const getMemberBadges = async (client: KithClient, memberId: string, signal?: AbortSignal) =>
  parseOrThrow(MemberBadges, await client.backend.getMemberBadges(memberId, ctx(client, signal)), 'member badges');

/** `GET /v1/leaderboard`. */
export const getLeaderboard = async (client: KithClient, query: LeaderboardQuery, signal?: AbortSignal) =>
  parseOrThrow(Leaderboard, await client.backend.getLeaderboard(query, ctx(client, signal)), 'leaderboard');

/** Upsert a survey response through the outbox; a later call with the same `responseId` replaces a queued one. */
export const saveResponse = (client: KithClient, surveyId: string, body: ResponseUpsert): Promise<Delivery<ResponseAck>> =>
  client.write('response', body, { target: surveyId, key: `response-${body.responseId}`, ack: ResponseAck });

/** Send one feedback item through the outbox. */
export const sendFeedback = (client: KithClient, body: FeedbackSubmit): Promise<Delivery<FeedbackAck>> =>
  client.write('feedback', body, { key: body.id, ack: FeedbackAck });

/** Vote (1) or take a vote back (0) through the outbox; the latest choice per topic wins. */
export const vote = (client: KithClient, topicId: string, body: VoteSubmit): Promise<Delivery<VoteAck>> =>
  client.write('vote', body, { target: topicId, key: `vote-${topicId}`, ack: VoteAck });

/** Report a topic through the outbox. */
export const report = (client: KithClient, topicId: string, body: ReportSubmit): Promise<Delivery<ReportAck>> =>
  client.write('report', body, { target: topicId, key: body.id, ack: ReportAck });
