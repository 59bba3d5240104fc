import type {
  Answer,
  Badge,
  EngagementEvent,
  FeedbackAck,
  FeedbackSubmit,
  Leaderboard,
  MemberBadges,
  Period,
  ReportAck,
  ReportSubmit,
  ResponseAck,
  Survey,
  Tier,
  Topic,
  TopicSort,
  VoteAck,
  VoteSubmit,
} from '@kith/client/protocol';
import type { BadgeRule } from '../domain/badgeRules.ts';

/**
 * The repository behind the reference server: every read and write the HTTP layer needs, one
 * method each. Methods are async so that a PostgreSQL adapter can implement the same interface;
 * each write is atomic on its own (idempotency check and change in one transaction).
 * Times are milliseconds since the epoch.
 */
export interface Store {
  close(): Promise<void>;

  // sites
  getSite(key: string): Promise<SiteRecord | null>;
  listSites(): Promise<SiteRecord[]>;
  /** Creates or replaces a site. */
  putSite(site: SiteRecord): Promise<void>;

  // surveys
  /** The current version of a survey, or null. */
  getSurvey(site: string, id: string): Promise<SurveyRecord | null>;
  getSurveyVersion(site: string, id: string, version: number): Promise<Survey | null>;
  listSurveys(site: string): Promise<SurveyRecord[]>;
  /** Stores `definition` as the survey's next version (1 for a new survey) and returns that version. */
  saveSurvey(site: string, definition: Survey, now: number): Promise<number>;
  /** Keeps the highest `seq` per response id; returns what is stored after the call. */
  upsertResponse(site: string, surveyId: string, input: ResponseInput, now: number): Promise<UpsertResponseResult>;
  listResponses(site: string, surveyId: string, query: ResponseListQuery): Promise<{ items: ResponseRecord[]; nextCursor: string | null }>;
  /** Every response of a survey, oldest first (for summaries and CSV). */
  allResponses(site: string, surveyId: string): Promise<ResponseRecord[]>;
  /** Engagement events of one type about one subject (e.g. survey views). */
  countEvents(site: string, widget: EngagementEvent['widget'], subject: string, type: EngagementEvent['type']): Promise<number>;

  // feedback
  /** Inserts feedback unless its id exists; returns the first stored item's ack either way. */
  submitFeedback(site: string, input: FeedbackInput, now: number): Promise<{ ack: FeedbackAck; created: boolean }>;
  listFeedback(site: string, query: FeedbackListQuery): Promise<{ items: FeedbackRecord[]; nextCursor: string | null }>;
  setFeedbackStatus(site: string, id: string, status: FeedbackStatus, now: number): Promise<FeedbackRecord | null>;

  // topics
  listTopics(site: string, query: TopicListQuery): Promise<{ items: Topic[]; nextCursor: string | null }>;
  /** A topic as the protocol shows it; hidden topics only with `includeHidden`. */
  getTopic(site: string, id: string, opts?: { voter?: string; includeHidden?: boolean }): Promise<Topic | null>;
  getTopicRecord(site: string, id: string): Promise<TopicRecord | null>;
  /** Null when the id is taken. */
  createTopic(site: string, topic: TopicInput, now: number): Promise<TopicRecord | null>;
  updateTopic(site: string, id: string, patch: TopicPatch, now: number): Promise<TopicRecord | null>;
  /** Sets or clears a voter's vote; repeats of the same client id return the first ack. */
  vote(site: string, topicId: string, input: VoteSubmit, voter: string, now: number): Promise<VoteResult | null>;
  /** Records a report (one per reporter per topic); hides the topic at `threshold` distinct reporters. */
  report(site: string, topicId: string, input: ReportSubmit, reporter: string, threshold: number, now: number): Promise<ReportResult | null>;
  /** Topics that are hidden or have reports since their last restore, most reported first. */
  moderationQueue(site: string): Promise<ModerationItem[]>;
  /** The topic change log behind `/v1/topics/stream`. */
  topicEventsSince(site: string, afterSeq: number, limit: number): Promise<TopicEventRecord[]>;
  lastTopicEventSeq(site: string): Promise<number>;

  // members, badges, points
  upsertMember(site: string, member: MemberRecord, now: number): Promise<void>;
  getMember(site: string, id: string): Promise<MemberRecord | null>;
  putTier(site: string, tier: Tier): Promise<void>;
  putBadge(site: string, badge: BadgeDefinition, now: number): Promise<void>;
  badgeDefinitions(site: string): Promise<BadgeDefinition[]>;
  /** Catalog with holder counts. */
  badgeCatalog(site: string): Promise<{ items: Badge[]; tiers: Tier[] }>;
  memberBadges(site: string, memberId: string): Promise<MemberBadges | null>;
  /**
   * Counts an activity once per `ref`: adds its points to the ledger and moves the member's
   * metric (`add` increments, `max` keeps the highest value seen). Returns whether it counted.
   */
  recordActivity(site: string, memberId: string, activity: Activity): Promise<boolean>;
  memberStats(site: string, memberId: string): Promise<Record<string, number>>;
  earnedBadgeIds(site: string, memberId: string): Promise<Set<string>>;
  /** Awards a badge once (and its points); returns false when the member already had it. */
  awardBadge(site: string, memberId: string, badgeId: string, award: { source: 'rule' | 'manual'; at: number; note?: string }): Promise<boolean>;
  leaderboard(site: string, period: Period, limit: number, now: number): Promise<Leaderboard>;

  // events
  /** Stores events by id (repeats ignored); returns which ids were new. */
  recordEvents(site: string, events: EngagementEvent[], actor: Actor, now: number): Promise<Set<string>>;
}

export interface SiteRecord {
  key: string;
  name: string;
  /** Origin patterns: `https://shop.example`, `https://*.example.com`, `http://localhost:*`, or `*`. */
  allowedOrigins: string[];
  /** HS256 secret the brand's backend signs member tokens with. */
  memberSecret: string;
  /** Distinct reporters that hide a topic. */
  reportThreshold: number;
  createdAt: number;
  updatedAt: number;
}

/** Who made a request: the anonymous visitor and, with a valid member token, the member. */
export interface Actor {
  visitorId?: string;
  memberId?: string;
}

export interface SurveyRecord {
  id: string;
  version: number;
  definition: Survey;
  createdAt: number;
  updatedAt: number;
  /** How many responses it has (set by `listSurveys`). */
  responses?: number;
}

export interface ResponseInput extends Actor {
  responseId: string;
  surveyVersion: number;
  seq: number;
  answers: Record<string, Answer>;
  finished: boolean;
  locale?: string;
  url?: string;
}

export interface UpsertResponseResult {
  ack: ResponseAck;
  /** True only for the call that first stored the response as finished. */
  completedNow: boolean;
  /** Set when the response id already belongs to another survey. */
  conflict?: 'other-survey';
}

export interface ResponseRecord extends Actor {
  responseId: string;
  surveyId: string;
  surveyVersion: number;
  seq: number;
  answers: Record<string, Answer>;
  finished: boolean;
  locale?: string;
  url?: string;
  createdAt: number;
  updatedAt: number;
  completedAt?: number;
}

export interface ResponseListQuery {
  limit: number;
  cursor?: string;
  finished?: boolean;
}

export const FEEDBACK_STATUSES = ['new', 'read', 'in-progress', 'done', 'archived'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export interface FeedbackInput extends Actor, Omit<FeedbackSubmit, 'honeypot' | 'elapsedMs' | 'captchaToken'> {
  /** Why anti-spam flagged it; flagged items are stored but never shown in the inbox. */
  spamReason?: string;
}

export interface FeedbackRecord extends FeedbackInput {
  status: FeedbackStatus;
  spam: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface FeedbackListQuery {
  limit: number;
  cursor?: string;
  status?: FeedbackStatus;
  /** List the spam-flagged items instead of the inbox. */
  spam?: boolean;
}

export interface TopicListQuery {
  sort: TopicSort;
  tags?: string[];
  period: Period;
  limit: number;
  cursor?: string;
  /** Voter key (`v:<visitor>` or `m:<member>`) for the `voted` flag. */
  voter?: string;
  now: number;
}

export interface TopicInput {
  id: string;
  title: string;
  excerpt?: string;
  url?: string | null;
  author: { id: string; name: string; avatarUrl?: string | null };
  tags: string[];
  votes: number;
  replies: number;
  createdAt: number;
  lastActivityAt?: number;
  pinned: boolean;
  promoted: boolean;
}

export type TopicPatch = Partial<Omit<TopicInput, 'id' | 'createdAt'>> & { hidden?: boolean };

export interface TopicRecord extends TopicInput {
  hidden: boolean;
  hiddenReason?: 'reports' | 'admin';
  hot: number;
  /** Reports counted toward the threshold are those after this time (set by an admin restore). */
  reportsSince: number;
  updatedAt: number;
}

export interface VoteResult {
  ack: VoteAck;
  /** Whether this call changed the vote (false for repeats and no-op votes). */
  changed: boolean;
  /** True when this voter's vote went from none to one (the first time ever). */
  firstUpvote: boolean;
  authorId: string;
}

export interface ReportResult {
  ack: ReportAck;
  hiddenNow: boolean;
}

export interface ModerationItem {
  topic: TopicRecord;
  reports: number;
  reasons: Record<string, number>;
  notes: string[];
}

export interface TopicEventRecord {
  seq: number;
  type: 'upsert' | 'remove';
  topicId: string;
  at: number;
}

export interface MemberRecord {
  id: string;
  name: string;
  avatarUrl?: string | null;
}

/** A catalog badge plus the rule that awards it (none: awarded by hand only). */
export interface BadgeDefinition extends Badge {
  rule: BadgeRule | null;
  position: number;
}

export interface Activity {
  metric: string;
  /** Makes the activity count once: e.g. `feedback:<id>`. */
  ref: string;
  points: number;
  /** `add`: metric += value; `max`: metric = max(metric, value). */
  mode: 'add' | 'max';
  value: number;
  at: number;
}

export type { Answer, Badge, FeedbackAck, ReportAck, ResponseAck, Survey, Tier, Topic, VoteAck };
