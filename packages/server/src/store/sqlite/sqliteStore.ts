import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EngagementEvent, FeedbackAck, Leaderboard, MemberBadges, Period, ReportAck, ReportSubmit, Survey, Tier, Topic, VoteAck, VoteSubmit } from '@kith/client/protocol';
import { periodStart, ruleProgress } from '../../domain/badgeRules.ts';
import { hotScore, topicLane } from '../../domain/hotScore.ts';
import { hiddenByReports } from '../../domain/moderation.ts';
import { InvalidCursorError, decodeCursor, encodeCursor } from '../cursor.ts';
import type {
  Activity,
  Actor,
  BadgeDefinition,
  FeedbackInput,
  FeedbackListQuery,
  FeedbackRecord,
  FeedbackStatus,
  MemberRecord,
  ModerationItem,
  ReportResult,
  ResponseInput,
  ResponseListQuery,
  ResponseRecord,
  SiteRecord,
  Store,
  SurveyRecord,
  TopicEventRecord,
  TopicInput,
  TopicListQuery,
  TopicPatch,
  TopicRecord,
  UpsertResponseResult,
  VoteResult,
} from '../store.ts';

type Row = Record<string, unknown>;
type Statement = Database.Statement<unknown[], Row>;

/** What the protocol's Topic needs, and no more (row conversion is most of a list's cost). */
const TOPIC_COLUMNS = 't.id, t.title, t.excerpt, t.url, t.author_id, t.author_name, t.author_avatar, t.tags, t.votes, t.replies, t.created_at, t.last_activity_at, t.pinned, t.promoted';
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** How much of the topic change log is kept for `Last-Event-ID` resume, per site. */
const TOPIC_EVENTS_KEPT = 10_000;

const iso = (ms: number): string => new Date(ms).toISOString();
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number => Number(v);

/** Applies `migrations/NNN_name.sql` files in order, each once, tracked by `PRAGMA user_version`. */
export function migrate(db: Database.Database, dir = MIGRATIONS_DIR): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const files = readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort();
  let version = current;
  for (const file of files) {
    const n = Number.parseInt(file, 10);
    if (n <= current) continue;
    const sql = readFileSync(new URL(file, `file://${dir}`), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${n}`);
    })();
    version = n;
  }
  return version;
}

/** The SQLite `Store`: one file in WAL mode, prepared statements, one transaction per write. */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly #statements = new Map<string, Statement>();
  readonly #parsedSurveys = new Map<string, Survey>();
  /** Parsed topic pages without `voted` flags, per query, valid while the site's topics are unchanged (and for 1 s at most). */
  readonly #topicPages = new Map<string, { version: number; at: number; items: Topic[]; nextCursor: string | null }>();
  readonly #topicVersions = new Map<string, number>();
  #queue: { run: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];

  constructor(filename: string) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    // WAL with synchronous=NORMAL is durable across application crashes; a power cut can lose the
    // last commits but never corrupts the file.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = OFF');
    migrate(this.db);
  }

  /**
   * Group commit: writes requested in the same turn of the event loop run in one transaction,
   * each inside its own savepoint (one failing write rolls back alone), and their promises settle
   * after the commit. Under load this turns many small commits into a few larger ones.
   */
  #write<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ run, resolve: resolve as (v: unknown) => void, reject });
      if (this.#queue.length === 1) setImmediate(() => this.#flush());
    });
  }

  #flush(): void {
    const batch = this.#queue;
    this.#queue = [];
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const item of batch) {
          try {
            results.push({ ok: true, value: this.db.transaction(item.run)() });
          } catch (error) {
            results.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const r = results[i]!;
      if (r.ok) item.resolve(r.value);
      else item.reject(r.error);
    });
  }

  /** A cached prepared statement. */
  #sql(sql: string): Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  async close(): Promise<void> {
    if (this.#queue.length) this.#flush();
    this.db.close();
  }

  // ---- sites

  #site(r: Row): SiteRecord {
    return {
      key: String(r.key),
      name: String(r.name),
      allowedOrigins: JSON.parse(String(r.allowed_origins)),
      memberSecret: String(r.member_secret),
      reportThreshold: num(r.report_threshold),
      createdAt: num(r.created_at),
      updatedAt: num(r.updated_at),
    };
  }

  async getSite(key: string): Promise<SiteRecord | null> {
    const r = this.#sql('SELECT * FROM sites WHERE key = ?').get(key);
    return r ? this.#site(r) : null;
  }

  async listSites(): Promise<SiteRecord[]> {
    return this.#sql('SELECT * FROM sites ORDER BY key').all().map((r) => this.#site(r));
  }

  async putSite(s: SiteRecord): Promise<void> {
    await this.#write(() => this.#sql(
      `INSERT INTO sites (key, name, allowed_origins, member_secret, report_threshold, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins,
         member_secret = excluded.member_secret, report_threshold = excluded.report_threshold, updated_at = excluded.updated_at`,
    ).run(s.key, s.name, JSON.stringify(s.allowedOrigins), s.memberSecret, s.reportThreshold, s.createdAt, s.updatedAt));
  }

  // ---- surveys

  #surveyRecord(r: Row): SurveyRecord {
    return {
      id: String(r.id),
      version: num(r.version),
      definition: JSON.parse(String(r.definition)),
      createdAt: num(r.created_at),
      updatedAt: num(r.updated_at),
      responses: num(r.responses ?? 0),
    };
  }

  async getSurvey(site: string, id: string): Promise<SurveyRecord | null> {
    const r = this.#sql('SELECT id, version, created_at, updated_at FROM surveys WHERE site = ? AND id = ?').get(site, id);
    const definition = r && this.#definition(site, id, num(r.version));
    return r && definition ? { id, version: num(r.version), definition, createdAt: num(r.created_at), updatedAt: num(r.updated_at) } : null;
  }

  async getSurveyVersion(site: string, id: string, version: number): Promise<Survey | null> {
    return this.#definition(site, id, version);
  }

  /** A survey version's definition; versions never change once saved, so they are kept parsed. */
  #definition(site: string, id: string, version: number): Survey | null {
    const key = `${site}\u0000${id}\u0000${version}`;
    const hit = this.#parsedSurveys.get(key);
    if (hit) return hit;
    const r = this.#sql('SELECT definition FROM survey_versions WHERE site = ? AND survey_id = ? AND version = ?').get(site, id, version);
    if (!r) return null;
    if (this.#parsedSurveys.size >= 1000) this.#parsedSurveys.clear();
    const definition = JSON.parse(String(r.definition)) as Survey;
    this.#parsedSurveys.set(key, definition);
    return definition;
  }

  async listSurveys(site: string): Promise<SurveyRecord[]> {
    return this.#sql(
      `SELECT s.id, s.version, s.created_at, s.updated_at, v.definition,
         (SELECT COUNT(*) FROM survey_responses r WHERE r.site = s.site AND r.survey_id = s.id) AS responses
       FROM surveys s JOIN survey_versions v ON v.site = s.site AND v.survey_id = s.id AND v.version = s.version
       WHERE s.site = ? ORDER BY s.id`,
    )
      .all(site)
      .map((r) => this.#surveyRecord(r));
  }

  async saveSurvey(site: string, definition: Survey, now: number): Promise<number> {
    return this.#write(() => {
      const current = this.#sql('SELECT version FROM surveys WHERE site = ? AND id = ?').get(site, definition.id);
      const version = current ? num(current.version) + 1 : 1;
      this.#sql('INSERT INTO survey_versions (site, survey_id, version, definition, created_at) VALUES (?, ?, ?, ?, ?)').run(
        site,
        definition.id,
        version,
        JSON.stringify({ ...definition, version }),
        now,
      );
      this.#sql(
        `INSERT INTO surveys (site, id, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (site, id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at`,
      ).run(site, definition.id, version, now, now);
      return version;
    });
  }

  async upsertResponse(site: string, surveyId: string, input: ResponseInput, now: number): Promise<UpsertResponseResult> {
    return this.#write((): UpsertResponseResult => {
      const existing = this.#sql('SELECT survey_id, seq, finished, completed_at FROM survey_responses WHERE site = ? AND response_id = ?').get(
        site,
        input.responseId,
      );
      if (existing && existing.survey_id !== surveyId) {
        return { ack: { responseId: input.responseId, finished: Boolean(existing.finished), seq: num(existing.seq) }, completedNow: false, conflict: 'other-survey' };
      }
      if (existing && input.seq <= num(existing.seq)) {
        return { ack: { responseId: input.responseId, finished: Boolean(existing.finished), seq: num(existing.seq) }, completedNow: false };
      }
      this.#sql(
        `INSERT INTO survey_responses (site, response_id, survey_id, survey_version, seq, answers, finished, locale, url,
           visitor_id, member_id, created_at, updated_at, completed_at)
         VALUES (@site, @responseId, @surveyId, @surveyVersion, @seq, @answers, @finished, @locale, @url, @visitorId, @memberId, @now, @now, @completedAt)
         ON CONFLICT (site, response_id) DO UPDATE SET survey_version = excluded.survey_version, seq = excluded.seq,
           answers = excluded.answers, finished = excluded.finished, locale = COALESCE(excluded.locale, locale),
           url = COALESCE(excluded.url, url), visitor_id = COALESCE(visitor_id, excluded.visitor_id),
           member_id = COALESCE(member_id, excluded.member_id), updated_at = excluded.updated_at,
           completed_at = COALESCE(completed_at, excluded.completed_at)
         WHERE excluded.seq > survey_responses.seq`,
      ).run({
        site,
        responseId: input.responseId,
        surveyId,
        surveyVersion: input.surveyVersion,
        seq: input.seq,
        answers: JSON.stringify(input.answers),
        finished: input.finished ? 1 : 0,
        locale: input.locale ?? null,
        url: input.url ?? null,
        visitorId: input.visitorId ?? null,
        memberId: input.memberId ?? null,
        now,
        completedAt: input.finished ? now : null,
      });
      const completedNow = input.finished && (!existing || existing.completed_at === null);
      return { ack: { responseId: input.responseId, finished: input.finished, seq: input.seq }, completedNow };
    });
  }

  #response(r: Row): ResponseRecord {
    return {
      responseId: String(r.response_id),
      surveyId: String(r.survey_id),
      surveyVersion: num(r.survey_version),
      seq: num(r.seq),
      answers: JSON.parse(String(r.answers)),
      finished: Boolean(r.finished),
      locale: str(r.locale),
      url: str(r.url),
      visitorId: str(r.visitor_id),
      memberId: str(r.member_id),
      createdAt: num(r.created_at),
      updatedAt: num(r.updated_at),
      completedAt: r.completed_at === null ? undefined : num(r.completed_at),
    };
  }

  async listResponses(site: string, surveyId: string, q: ResponseListQuery) {
    const [at, id] = q.cursor ? decodeCursor(q.cursor, 'ns') : [-1, ''];
    const finished = q.finished === undefined ? -1 : q.finished ? 1 : 0;
    const rows = this.#sql(
      `SELECT * FROM survey_responses WHERE site = ? AND survey_id = ? AND (? < 0 OR finished = ?)
         AND (created_at > ? OR (created_at = ? AND response_id > ?))
       ORDER BY created_at, response_id LIMIT ?`,
    ).all(site, surveyId, finished, finished, at, at, id, q.limit + 1);
    const items = rows.slice(0, q.limit).map((r) => this.#response(r));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAt, last.responseId]) : null };
  }

  async allResponses(site: string, surveyId: string): Promise<ResponseRecord[]> {
    return this.#sql('SELECT * FROM survey_responses WHERE site = ? AND survey_id = ? ORDER BY created_at, response_id')
      .all(site, surveyId)
      .map((r) => this.#response(r));
  }

  async countEvents(site: string, widget: string, subject: string, type: string): Promise<number> {
    const r = this.#sql('SELECT COUNT(*) AS n FROM events WHERE site = ? AND widget = ? AND subject = ? AND type = ?').get(site, widget, subject, type);
    return num(r?.n ?? 0);
  }

  // ---- feedback

  async submitFeedback(site: string, f: FeedbackInput, now: number): Promise<{ ack: FeedbackAck; created: boolean }> {
    return this.#write(() => {
      const info = this.#sql(
        `INSERT OR IGNORE INTO feedback (site, id, message, category, rating, email, context, visitor_id, member_id, status, spam,
           spam_reason, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?)`,
      ).run(
        site,
        f.id,
        f.message,
        f.category ?? null,
        f.rating ?? null,
        f.email ?? null,
        f.context ? JSON.stringify(f.context) : null,
        f.visitorId ?? null,
        f.memberId ?? null,
        f.spamReason ? 1 : 0,
        f.spamReason ?? null,
        now,
        now,
      );
      const createdAt = info.changes ? now : num(this.#sql('SELECT created_at FROM feedback WHERE site = ? AND id = ?').get(site, f.id)?.created_at);
      // The ack says "received" for spam too: a bot learns nothing from the answer.
      return { ack: { id: f.id, status: 'received', createdAt: iso(createdAt) }, created: info.changes > 0 };
    });
  }

  #feedback(r: Row): FeedbackRecord {
    return {
      id: String(r.id),
      message: String(r.message),
      category: str(r.category),
      rating: r.rating === null ? undefined : num(r.rating),
      email: str(r.email),
      context: r.context ? JSON.parse(String(r.context)) : undefined,
      visitorId: str(r.visitor_id),
      memberId: str(r.member_id),
      status: String(r.status) as FeedbackStatus,
      spam: Boolean(r.spam),
      spamReason: str(r.spam_reason),
      createdAt: num(r.created_at),
      updatedAt: num(r.updated_at),
    };
  }

  async listFeedback(site: string, q: FeedbackListQuery) {
    const [at, id] = q.cursor ? decodeCursor(q.cursor, 'ns') : [Number.MAX_SAFE_INTEGER, ''];
    const rows = this.#sql(
      `SELECT * FROM feedback WHERE site = ? AND spam = ? AND (? IS NULL OR status = ?)
         AND (created_at < ? OR (created_at = ? AND (? = '' OR id < ?)))
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    ).all(site, q.spam ? 1 : 0, q.status ?? null, q.status ?? null, at, at, id, id, q.limit + 1);
    const items = rows.slice(0, q.limit).map((r) => this.#feedback(r));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAt, last.id]) : null };
  }

  async setFeedbackStatus(site: string, id: string, status: FeedbackStatus, now: number): Promise<FeedbackRecord | null> {
    await this.#write(() => this.#sql('UPDATE feedback SET status = ?, updated_at = ? WHERE site = ? AND id = ?').run(status, now, site, id));
    const r = this.#sql('SELECT * FROM feedback WHERE site = ? AND id = ?').get(site, id);
    return r ? this.#feedback(r) : null;
  }

  // ---- topics

  #topicRecord(r: Row): TopicRecord {
    return {
      id: String(r.id),
      title: String(r.title),
      excerpt: str(r.excerpt),
      url: str(r.url) ?? null,
      author: { id: String(r.author_id), name: String(r.author_name), avatarUrl: str(r.author_avatar) ?? null },
      tags: JSON.parse(String(r.tags)),
      votes: num(r.votes),
      replies: num(r.replies),
      createdAt: num(r.created_at),
      lastActivityAt: num(r.last_activity_at),
      pinned: Boolean(r.pinned),
      promoted: Boolean(r.promoted),
      hidden: Boolean(r.hidden),
      hiddenReason: (str(r.hidden_reason) as TopicRecord['hiddenReason']) ?? undefined,
      hot: num(r.hot),
      reportsSince: num(r.reports_since),
      updatedAt: num(r.updated_at),
    };
  }

  #topic(r: Row): Topic {
    return {
      id: String(r.id),
      title: String(r.title),
      ...(r.excerpt === null ? {} : { excerpt: String(r.excerpt) }),
      url: str(r.url) ?? null,
      author: { id: String(r.author_id), name: String(r.author_name), avatarUrl: str(r.author_avatar) ?? null },
      tags: JSON.parse(String(r.tags)),
      votes: num(r.votes),
      replies: num(r.replies),
      createdAt: iso(num(r.created_at)),
      lastActivityAt: iso(num(r.last_activity_at)),
      pinned: Boolean(r.pinned),
      promoted: Boolean(r.promoted),
      voted: Boolean(r.voted),
    };
  }

  async listTopics(site: string, q: TopicListQuery) {
    const page = this.#topicPage(site, q);
    if (!q.voter || !page.items.length) return page;
    const voted = new Set(this.#sql('SELECT topic_id FROM topic_votes WHERE site = ? AND voter = ? AND value = 1').all(site, q.voter).map((r) => String(r.topic_id)));
    return voted.size ? { ...page, items: page.items.map((t) => (voted.has(t.id) ? { ...t, voted: true } : t)) } : page;
  }

  /** A page of topics (all `voted: false`), from the page cache when the site's topics have not changed. */
  #topicPage(site: string, q: TopicListQuery): { items: Topic[]; nextCursor: string | null } {
    const tags = q.tags ?? [];
    const key = JSON.stringify([site, q.sort, tags, q.period, q.limit, q.cursor ?? '']);
    const version = this.#topicVersions.get(site) ?? 0;
    const hit = this.#topicPages.get(key);
    if (hit && hit.version === version && q.now >= hit.at && q.now - hit.at < 1000) return hit;

    const keyColumn = { hot: 'hot', new: 'created_at', top: 'votes' }[q.sort];
    const params: unknown[] = [site];
    let where = 't.site = ? AND t.hidden = 0';
    if (q.period !== 'all') {
      where += ' AND t.created_at >= ?';
      params.push(periodStart(q.period, q.now));
    }
    if (tags.length) {
      where += ` AND EXISTS (SELECT 1 FROM topic_tags g WHERE g.site = t.site AND g.topic_id = t.id AND g.tag IN (${tags.map(() => '?').join(',')}))`;
      params.push(...tags);
    }
    if (q.cursor) {
      const [sort, lane, value, id] = decodeCursor(q.cursor, 'snns');
      if (sort !== q.sort) throw new InvalidCursorError();
      where += ` AND (t.lane < ? OR (t.lane = ? AND (t.${keyColumn} < ? OR (t.${keyColumn} = ? AND t.id < ?))))`;
      params.push(lane, lane, value, value, id);
    }
    params.push(q.limit + 1);
    const rows = this.#sql(`SELECT ${TOPIC_COLUMNS}, t.lane, t.hot FROM topics t WHERE ${where} ORDER BY t.lane DESC, t.${keyColumn} DESC, t.id DESC LIMIT ?`).all(...params);
    const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
    const page = {
      version,
      at: q.now,
      items: rows.slice(0, q.limit).map((r) => this.#topic(r)),
      nextCursor: last ? encodeCursor([q.sort, num(last.lane), num(last[keyColumn]), String(last.id)]) : null,
    };
    if (this.#topicPages.size >= 500) this.#topicPages.clear();
    this.#topicPages.set(key, page);
    return page;
  }

  async getTopic(site: string, id: string, opts: { voter?: string; includeHidden?: boolean } = {}): Promise<Topic | null> {
    const r = this.#sql(
      `SELECT t.*, v.value IS NOT NULL AS voted FROM topics t
       LEFT JOIN topic_votes v ON v.site = t.site AND v.topic_id = t.id AND v.voter = ? AND v.value = 1
       WHERE t.site = ? AND t.id = ?`,
    ).get(opts.voter ?? null, site, id);
    return r && (opts.includeHidden || !r.hidden) ? this.#topic(r) : null;
  }

  async getTopicRecord(site: string, id: string): Promise<TopicRecord | null> {
    const r = this.#sql('SELECT * FROM topics WHERE site = ? AND id = ?').get(site, id);
    return r ? this.#topicRecord(r) : null;
  }

  #appendTopicEvent(site: string, type: 'upsert' | 'remove', topicId: string, at: number): void {
    this.#topicVersions.set(site, (this.#topicVersions.get(site) ?? 0) + 1);
    const seq = Number(this.#sql('INSERT INTO topic_events (site, type, topic_id, at) VALUES (?, ?, ?, ?)').run(site, type, topicId, at).lastInsertRowid);
    if (seq % 1000 === 0) this.#sql('DELETE FROM topic_events WHERE site = ? AND seq <= ?').run(site, seq - TOPIC_EVENTS_KEPT);
  }

  #writeTopic(site: string, t: TopicRecord): void {
    this.#sql(
      `INSERT INTO topics (site, id, title, excerpt, url, author_id, author_name, author_avatar, tags, votes, replies, created_at,
         last_activity_at, pinned, promoted, lane, hot, hidden, hidden_reason, reports_since, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (site, id) DO UPDATE SET title = excluded.title, excerpt = excluded.excerpt, url = excluded.url,
         author_id = excluded.author_id, author_name = excluded.author_name, author_avatar = excluded.author_avatar,
         tags = excluded.tags, votes = excluded.votes, replies = excluded.replies, last_activity_at = excluded.last_activity_at,
         pinned = excluded.pinned, promoted = excluded.promoted, lane = excluded.lane, hot = excluded.hot, hidden = excluded.hidden,
         hidden_reason = excluded.hidden_reason, reports_since = excluded.reports_since, updated_at = excluded.updated_at`,
    ).run(
      site,
      t.id,
      t.title,
      t.excerpt ?? null,
      t.url ?? null,
      t.author.id,
      t.author.name,
      t.author.avatarUrl ?? null,
      JSON.stringify(t.tags),
      t.votes,
      t.replies,
      t.createdAt,
      t.lastActivityAt ?? t.createdAt,
      t.pinned ? 1 : 0,
      t.promoted ? 1 : 0,
      topicLane(t),
      hotScore(t),
      t.hidden ? 1 : 0,
      t.hiddenReason ?? null,
      t.reportsSince,
      t.updatedAt,
    );
  }

  #writeTags(site: string, topicId: string, tags: readonly string[]): void {
    this.#sql('DELETE FROM topic_tags WHERE site = ? AND topic_id = ?').run(site, topicId);
    for (const tag of new Set(tags)) this.#sql('INSERT INTO topic_tags (site, topic_id, tag) VALUES (?, ?, ?)').run(site, topicId, tag);
  }

  async createTopic(site: string, input: TopicInput, now: number): Promise<TopicRecord | null> {
    return this.#write(() => {
      if (this.#sql('SELECT 1 FROM topics WHERE site = ? AND id = ?').get(site, input.id)) return null;
      const t: TopicRecord = {
        ...input,
        tags: [...new Set(input.tags)],
        lastActivityAt: input.lastActivityAt ?? input.createdAt,
        hidden: false,
        hot: hotScore(input),
        reportsSince: 0,
        updatedAt: now,
      };
      this.#writeTopic(site, t);
      this.#writeTags(site, t.id, t.tags);
      this.#upsertMember(site, t.author, now);
      this.#appendTopicEvent(site, 'upsert', t.id, now);
      return t;
    });
  }

  async updateTopic(site: string, id: string, patch: TopicPatch, now: number): Promise<TopicRecord | null> {
    return this.#write(() => {
      const r = this.#sql('SELECT * FROM topics WHERE site = ? AND id = ?').get(site, id);
      if (!r) return null;
      const before = this.#topicRecord(r);
      const { hidden, ...fields } = patch;
      const t: TopicRecord = { ...before, ...fields, updatedAt: now };
      if (hidden === true && !before.hidden) Object.assign(t, { hidden: true, hiddenReason: 'admin' });
      // A restore starts the report count again, so the reports that hid it cannot hide it twice.
      if (hidden === false && before.hidden) Object.assign(t, { hidden: false, hiddenReason: undefined, reportsSince: now });
      t.hot = hotScore(t);
      this.#writeTopic(site, t);
      if (patch.tags) this.#writeTags(site, id, t.tags);
      if (patch.author) this.#upsertMember(site, t.author, now);
      if (!(before.hidden && t.hidden)) this.#appendTopicEvent(site, t.hidden ? 'remove' : 'upsert', id, now);
      return t;
    });
  }

  #idempotent(site: string, scope: string, clientId: string): unknown {
    const r = this.#sql('SELECT body FROM idempotency WHERE site = ? AND scope = ? AND client_id = ?').get(site, scope, clientId);
    return r ? JSON.parse(String(r.body)) : undefined;
  }

  #remember(site: string, scope: string, clientId: string, body: unknown, now: number): void {
    this.#sql('INSERT INTO idempotency (site, scope, client_id, body, created_at) VALUES (?, ?, ?, ?, ?)').run(site, scope, clientId, JSON.stringify(body), now);
  }

  async vote(site: string, topicId: string, input: VoteSubmit, voter: string, now: number): Promise<VoteResult | null> {
    return this.#write((): VoteResult | null => {
      const first = this.#idempotent(site, 'vote', input.id) as VoteAck | undefined;
      const r = this.#sql('SELECT * FROM topics WHERE site = ? AND id = ?').get(site, first?.topicId ?? topicId);
      if (first) return { ack: first, changed: false, firstUpvote: false, authorId: String(r?.author_id ?? '') };
      if (!r || r.hidden) return null;
      const previous = this.#sql('SELECT value FROM topic_votes WHERE site = ? AND topic_id = ? AND voter = ?').get(site, topicId, voter);
      const before = previous ? num(previous.value) : 0;
      let votes = num(r.votes);
      if (input.value !== before) {
        this.#sql(
          `INSERT INTO topic_votes (site, topic_id, voter, value, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (site, topic_id, voter) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        ).run(site, topicId, voter, input.value, now);
        votes = Math.max(0, votes + input.value - before);
        const hot = hotScore({ votes, replies: num(r.replies), createdAt: num(r.created_at) });
        this.#sql('UPDATE topics SET votes = ?, hot = ?, updated_at = ? WHERE site = ? AND id = ?').run(votes, hot, now, site, topicId);
        this.#appendTopicEvent(site, 'upsert', topicId, now);
      }
      const ack: VoteAck = { topicId, votes, voted: input.value === 1 };
      this.#remember(site, 'vote', input.id, ack, now);
      return { ack, changed: input.value !== before, firstUpvote: !previous && input.value === 1, authorId: String(r.author_id) };
    });
  }

  async report(site: string, topicId: string, input: ReportSubmit, reporter: string, threshold: number, now: number): Promise<ReportResult | null> {
    return this.#write((): ReportResult | null => {
      const first = this.#idempotent(site, 'report', input.id) as ReportAck | undefined;
      if (first) return { ack: first, hiddenNow: false };
      const r = this.#sql('SELECT hidden, reports_since FROM topics WHERE site = ? AND id = ?').get(site, topicId);
      if (!r) return null;
      this.#sql(
        `INSERT INTO topic_reports (site, topic_id, reporter, reason, note, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (site, topic_id, reporter) DO UPDATE SET reason = excluded.reason, note = excluded.note, created_at = excluded.created_at`,
      ).run(site, topicId, reporter, input.reason, input.note ?? null, now);
      let hiddenNow = false;
      if (!r.hidden) {
        const count = num(this.#sql('SELECT COUNT(*) AS n FROM topic_reports WHERE site = ? AND topic_id = ? AND created_at > ?').get(site, topicId, num(r.reports_since))?.n);
        if (hiddenByReports(count, threshold)) {
          this.#sql("UPDATE topics SET hidden = 1, hidden_reason = 'reports', updated_at = ? WHERE site = ? AND id = ?").run(now, site, topicId);
          this.#appendTopicEvent(site, 'remove', topicId, now);
          hiddenNow = true;
        }
      }
      const ack: ReportAck = { id: input.id, topicId, received: true };
      this.#remember(site, 'report', input.id, ack, now);
      return { ack, hiddenNow };
    });
  }

  async moderationQueue(site: string): Promise<ModerationItem[]> {
    const rows = this.#sql(
      `SELECT t.*, (SELECT COUNT(*) FROM topic_reports p WHERE p.site = t.site AND p.topic_id = t.id AND p.created_at > t.reports_since) AS open_reports
       FROM topics t WHERE t.site = ? AND (t.hidden = 1 OR EXISTS (
         SELECT 1 FROM topic_reports p WHERE p.site = t.site AND p.topic_id = t.id AND p.created_at > t.reports_since))
       ORDER BY t.hidden DESC, open_reports DESC, t.updated_at DESC`,
    ).all(site);
    return rows.map((r) => {
      const reports = this.#sql('SELECT reason, note FROM topic_reports WHERE site = ? AND topic_id = ? AND created_at > ? ORDER BY created_at DESC').all(
        site,
        r.id,
        num(r.reports_since),
      );
      const reasons: Record<string, number> = {};
      for (const p of reports) reasons[String(p.reason)] = (reasons[String(p.reason)] ?? 0) + 1;
      return { topic: this.#topicRecord(r), reports: reports.length, reasons, notes: reports.map((p) => str(p.note)).filter((n): n is string => !!n) };
    });
  }

  async topicEventsSince(site: string, afterSeq: number, limit: number): Promise<TopicEventRecord[]> {
    return this.#sql('SELECT seq, type, topic_id, at FROM topic_events WHERE site = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(site, afterSeq, limit)
      .map((r) => ({ seq: num(r.seq), type: r.type as 'upsert' | 'remove', topicId: String(r.topic_id), at: num(r.at) }));
  }

  async lastTopicEventSeq(site: string): Promise<number> {
    return num(this.#sql('SELECT COALESCE(MAX(seq), 0) AS seq FROM topic_events WHERE site = ?').get(site)?.seq ?? 0);
  }

  // ---- members, badges, points

  #upsertMember(site: string, m: MemberRecord, now: number): void {
    this.#sql(
      `INSERT INTO members (site, id, name, avatar_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (site, id) DO UPDATE SET name = excluded.name, avatar_url = COALESCE(excluded.avatar_url, avatar_url), updated_at = excluded.updated_at
       WHERE name IS NOT excluded.name OR (excluded.avatar_url IS NOT NULL AND avatar_url IS NOT excluded.avatar_url)`,
    ).run(site, m.id, m.name, m.avatarUrl ?? null, now, now);
  }

  async upsertMember(site: string, m: MemberRecord, now: number): Promise<void> {
    await this.#write(() => this.#upsertMember(site, m, now));
  }

  async getMember(site: string, id: string): Promise<MemberRecord | null> {
    const r = this.#sql('SELECT id, name, avatar_url FROM members WHERE site = ? AND id = ?').get(site, id);
    return r ? { id: String(r.id), name: String(r.name), avatarUrl: str(r.avatar_url) ?? null } : null;
  }

  async putTier(site: string, tier: Tier): Promise<void> {
    await this.#write(() => this.#sql(
      `INSERT INTO badge_tiers (site, id, label, labels, color, rank) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (site, id) DO UPDATE SET label = excluded.label, labels = excluded.labels, color = excluded.color, rank = excluded.rank`,
    ).run(site, tier.id, ...(typeof tier.label === 'string' ? [tier.label, null] : [Object.values(tier.label)[0] ?? tier.id, JSON.stringify(tier.label)]), tier.color ?? null, tier.rank));
  }

  #tiers(site: string): Tier[] {
    return this.#sql('SELECT id, label, labels, color, rank FROM badge_tiers WHERE site = ? ORDER BY rank, id')
      .all(site)
      .map((r) => ({ id: String(r.id), label: r.labels === null ? String(r.label) : (JSON.parse(String(r.labels)) as Record<string, string>), ...(r.color === null ? {} : { color: String(r.color) }), rank: num(r.rank) }));
  }

  async putBadge(site: string, b: BadgeDefinition, now: number): Promise<void> {
    const { rule, position, holders: _holders, ...badge } = b;
    await this.#write(() => this.#sql(
      `INSERT INTO badges (site, id, definition, rule, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (site, id) DO UPDATE SET definition = excluded.definition, rule = excluded.rule, position = excluded.position,
         updated_at = excluded.updated_at`,
    ).run(site, b.id, JSON.stringify(badge), rule ? JSON.stringify(rule) : null, position, now, now));
  }

  async badgeDefinitions(site: string): Promise<BadgeDefinition[]> {
    return this.#definitions(site);
  }

  #definitions(site: string): BadgeDefinition[] {
    return this.#sql(
      `SELECT b.definition, b.rule, b.position,
         (SELECT COUNT(*) FROM member_badges m WHERE m.site = b.site AND m.badge_id = b.id) AS holders
       FROM badges b WHERE b.site = ? ORDER BY b.position, b.id`,
    )
      .all(site)
      .map((r) => ({ ...JSON.parse(String(r.definition)), holders: num(r.holders), rule: r.rule ? JSON.parse(String(r.rule)) : null, position: num(r.position) }));
  }

  async badgeCatalog(site: string) {
    return { items: this.#definitions(site).map(({ rule: _r, position: _p, ...badge }) => badge), tiers: this.#tiers(site) };
  }

  #stats(site: string, memberId: string): Record<string, number> {
    const stats: Record<string, number> = {};
    for (const r of this.#sql('SELECT metric, value FROM member_stats WHERE site = ? AND member_id = ?').all(site, memberId)) stats[String(r.metric)] = num(r.value);
    return stats;
  }

  async memberStats(site: string, memberId: string): Promise<Record<string, number>> {
    return this.#stats(site, memberId);
  }

  #earned(site: string, memberId: string): Map<string, number> {
    return new Map(this.#sql('SELECT badge_id, earned_at FROM member_badges WHERE site = ? AND member_id = ?').all(site, memberId).map((r) => [String(r.badge_id), num(r.earned_at)]));
  }

  async earnedBadgeIds(site: string, memberId: string): Promise<Set<string>> {
    return new Set(this.#earned(site, memberId).keys());
  }

  #points(site: string, memberId: string, since = 0): number {
    return num(this.#sql('SELECT COALESCE(SUM(points), 0) AS p FROM points_ledger WHERE site = ? AND member_id = ? AND at >= ?').get(site, memberId, since)?.p ?? 0);
  }

  async memberBadges(site: string, memberId: string): Promise<MemberBadges | null> {
    const member = await this.getMember(site, memberId);
    if (!member) return null;
    const stats = this.#stats(site, memberId);
    const earned = this.#earned(site, memberId);
    return {
      member: { ...member, points: this.#points(site, memberId) },
      items: this.#definitions(site).map(({ rule, position: _p, ...badge }) => {
        const earnedAt = earned.get(badge.id);
        return { badge, earnedAt: earnedAt === undefined ? null : iso(earnedAt), progress: ruleProgress(rule, stats, earnedAt !== undefined) };
      }),
      tiers: this.#tiers(site),
    };
  }

  async recordActivity(site: string, memberId: string, a: Activity): Promise<boolean> {
    return this.#write(() => {
      if (a.mode === 'max') {
        const info = this.#sql(
          `INSERT INTO member_stats (site, member_id, metric, value, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (site, member_id, metric) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
           WHERE excluded.value > member_stats.value`,
        ).run(site, memberId, a.metric, a.value, a.at);
        return info.changes > 0;
      }
      const fresh = this.#sql('INSERT OR IGNORE INTO member_activity (site, member_id, metric, ref, at) VALUES (?, ?, ?, ?, ?)').run(site, memberId, a.metric, a.ref, a.at);
      if (!fresh.changes) return false;
      this.#sql(
        `INSERT INTO member_stats (site, member_id, metric, value, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (site, member_id, metric) DO UPDATE SET value = member_stats.value + excluded.value, updated_at = excluded.updated_at`,
      ).run(site, memberId, a.metric, a.value, a.at);
      if (a.points) this.#sql('INSERT INTO points_ledger (site, member_id, points, reason, at) VALUES (?, ?, ?, ?, ?)').run(site, memberId, a.points, a.metric, a.at);
      return true;
    });
  }

  async awardBadge(site: string, memberId: string, badgeId: string, award: { source: 'rule' | 'manual'; at: number; note?: string }): Promise<boolean> {
    return this.#write(() => {
      const def = this.#sql('SELECT definition FROM badges WHERE site = ? AND id = ?').get(site, badgeId);
      if (!def) return false;
      const info = this.#sql('INSERT OR IGNORE INTO member_badges (site, member_id, badge_id, earned_at, source, note) VALUES (?, ?, ?, ?, ?, ?)').run(
        site,
        memberId,
        badgeId,
        award.at,
        award.source,
        award.note ?? null,
      );
      if (!info.changes) return false;
      const points = num(JSON.parse(String(def.definition)).points ?? 0);
      if (points) this.#sql('INSERT INTO points_ledger (site, member_id, points, reason, at) VALUES (?, ?, ?, ?, ?)').run(site, memberId, points, `badge:${badgeId}`, award.at);
      return true;
    });
  }

  async leaderboard(site: string, period: Period, limit: number, now: number): Promise<Leaderboard> {
    const rows = this.#sql(
      `SELECT l.member_id, SUM(l.points) AS points, m.name, m.avatar_url FROM points_ledger l
       JOIN members m ON m.site = l.site AND m.id = l.member_id
       WHERE l.site = ? AND l.at >= ? GROUP BY l.member_id HAVING SUM(l.points) > 0
       ORDER BY points DESC, l.member_id LIMIT ?`,
    ).all(site, periodStart(period, now), limit);
    const catalog = new Map(this.#definitions(site).map(({ rule: _r, position: _p, ...b }) => [b.id, b]));
    const tierRank = new Map(this.#tiers(site).map((t) => [t.id, t.rank]));
    let rank = 0;
    let previous = Number.NaN;
    return {
      period,
      items: rows.map((r, i) => {
        const points = num(r.points);
        if (points !== previous) rank = i + 1;
        previous = points;
        const topBadges = [...this.#earned(site, String(r.member_id))]
          .map(([id, at]) => ({ badge: catalog.get(id), at }))
          .filter((e): e is { badge: NonNullable<typeof e.badge>; at: number } => e.badge !== undefined)
          .sort((a, b) => (tierRank.get(b.badge.tier) ?? 0) - (tierRank.get(a.badge.tier) ?? 0) || b.at - a.at)
          .slice(0, 3)
          .map((e) => e.badge);
        return { rank, member: { id: String(r.member_id), name: String(r.name), avatarUrl: str(r.avatar_url) ?? null }, points, topBadges };
      }),
    };
  }

  // ---- events

  async recordEvents(site: string, events: EngagementEvent[], actor: Actor, now: number): Promise<Set<string>> {
    return this.#write(() => {
      const fresh = new Set<string>();
      const insert = this.#sql(
        'INSERT OR IGNORE INTO events (site, id, type, widget, subject, at, visitor_id, member_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const e of events) {
        const info = insert.run(site, e.id, e.type, e.widget, e.subject ?? null, Date.parse(e.at), actor.visitorId ?? null, actor.memberId ?? null, now);
        if (info.changes) fresh.add(e.id);
      }
      return fresh;
    });
  }
}
