import type {
  BadgeCatalog,
  EventAck,
  EventBatch,
  FeedbackAck,
  FeedbackSubmit,
  Leaderboard,
  LeaderboardQuery,
  MemberBadges,
  ReportAck,
  ReportSubmit,
  ResponseAck,
  ResponseUpsert,
  Survey,
  TopicPage,
  TopicQuery,
  TopicStreamEvent,
  VoteAck,
  VoteSubmit,
} from './protocol/index.ts';

/** What every backend call receives besides its own arguments. */
export interface CallContext {
  signal?: AbortSignal;
  /** Anonymous visitor id; absent until consent where consent is required. */
  visitorId?: string;
  /** Member token (a JWT issued by the brand's backend), sent as a bearer token. */
  memberToken?: string;
  /** Deliver even while the page unloads (`fetch(..., { keepalive: true })`). */
  keepalive?: boolean;
  /** For `streamTopics`: resume after this event id (the `Last-Event-ID` of a reconnecting stream). */
  lastEventId?: string;
}

/**
 * One method per protocol call. Implement it to put Kith on a backend that speaks something else;
 * whatever it returns is validated with the protocol's schemas, like any network response.
 * Throw a `KithError` (kind `rejected` for a permanent refusal) to say why a call failed.
 */
export interface Backend {
  getSurvey(id: string, ctx?: CallContext): Promise<Survey>;
  upsertResponse(surveyId: string, body: ResponseUpsert, ctx?: CallContext): Promise<ResponseAck>;
  submitFeedback(body: FeedbackSubmit, ctx?: CallContext): Promise<FeedbackAck>;
  listTopics(query: TopicQuery, ctx?: CallContext): Promise<TopicPage>;
  /**
   * Optional live updates. Calls `onEvent` for each event (with its id, where the backend numbers
   * them for resuming) until `ctx.signal` aborts; the returned promise rejects when the stream fails
   * (the widget then falls back to polling `listTopics`).
   */
  streamTopics?(query: TopicQuery, onEvent: (event: TopicStreamEvent, id?: string) => void, ctx?: CallContext): Promise<void>;
  voteTopic(topicId: string, body: VoteSubmit, ctx?: CallContext): Promise<VoteAck>;
  reportTopic(topicId: string, body: ReportSubmit, ctx?: CallContext): Promise<ReportAck>;
  getBadges(ctx?: CallContext): Promise<BadgeCatalog>;
  /** `memberId` is a member id or `me` (which needs `ctx.memberToken`). */
  getMemberBadges(memberId: string, ctx?: CallContext): Promise<MemberBadges>;
  getLeaderboard(query: LeaderboardQuery, ctx?: CallContext): Promise<Leaderboard>;
  sendEvents(batch: EventBatch, ctx?: CallContext): Promise<EventAck>;
}

export type BackendMethod = Exclude<keyof Backend, 'streamTopics'>;
