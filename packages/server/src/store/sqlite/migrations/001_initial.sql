-- Kith reference server: initial schema. Times are INTEGER milliseconds since the epoch;
-- JSON columns hold values already validated with the protocol schemas.

CREATE TABLE sites (
  key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  allowed_origins TEXT NOT NULL DEFAULT '[]',
  member_secret TEXT NOT NULL,
  report_threshold INTEGER NOT NULL DEFAULT 3,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE surveys (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
);

CREATE TABLE survey_versions (
  site TEXT NOT NULL,
  survey_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (site, survey_id, version)
);

CREATE TABLE survey_responses (
  site TEXT NOT NULL,
  response_id TEXT NOT NULL,
  survey_id TEXT NOT NULL,
  survey_version INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  answers TEXT NOT NULL,
  finished INTEGER NOT NULL,
  locale TEXT,
  url TEXT,
  visitor_id TEXT,
  member_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  completed_at INTEGER,
  PRIMARY KEY (site, response_id)
) WITHOUT ROWID;
CREATE INDEX survey_responses_by_survey ON survey_responses (site, survey_id, created_at, response_id);

CREATE TABLE feedback (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  message TEXT NOT NULL,
  category TEXT,
  rating INTEGER,
  email TEXT,
  context TEXT,
  visitor_id TEXT,
  member_id TEXT,
  status TEXT NOT NULL DEFAULT 'new',
  spam INTEGER NOT NULL DEFAULT 0,
  spam_reason TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
) WITHOUT ROWID;
CREATE INDEX feedback_inbox ON feedback (site, spam, created_at DESC, id DESC);

CREATE TABLE members (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  avatar_url TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
);

CREATE TABLE topics (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  excerpt TEXT,
  url TEXT,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  author_avatar TEXT,
  tags TEXT NOT NULL DEFAULT '[]',
  votes INTEGER NOT NULL DEFAULT 0,
  replies INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  last_activity_at INTEGER NOT NULL,
  pinned INTEGER NOT NULL DEFAULT 0,
  promoted INTEGER NOT NULL DEFAULT 0,
  lane INTEGER NOT NULL DEFAULT 0,
  hot REAL NOT NULL,
  hidden INTEGER NOT NULL DEFAULT 0,
  hidden_reason TEXT,
  reports_since INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
);
CREATE INDEX topics_hot ON topics (site, hidden, lane DESC, hot DESC, id DESC);
CREATE INDEX topics_new ON topics (site, hidden, lane DESC, created_at DESC, id DESC);
CREATE INDEX topics_top ON topics (site, hidden, lane DESC, votes DESC, id DESC);

CREATE TABLE topic_tags (
  site TEXT NOT NULL,
  topic_id TEXT NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (site, topic_id, tag)
) WITHOUT ROWID;
CREATE INDEX topic_tags_by_tag ON topic_tags (site, tag, topic_id);

CREATE TABLE topic_votes (
  site TEXT NOT NULL,
  topic_id TEXT NOT NULL,
  voter TEXT NOT NULL,
  value INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site, topic_id, voter)
) WITHOUT ROWID;

CREATE TABLE topic_reports (
  site TEXT NOT NULL,
  topic_id TEXT NOT NULL,
  reporter TEXT NOT NULL,
  reason TEXT NOT NULL,
  note TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (site, topic_id, reporter)
) WITHOUT ROWID;

-- The change log behind /v1/topics/stream (Last-Event-ID is `seq`).
CREATE TABLE topic_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  site TEXT NOT NULL,
  type TEXT NOT NULL,
  topic_id TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX topic_events_by_site ON topic_events (site, seq);

-- First results of writes whose answer is not derived from stored state (votes, reports).
CREATE TABLE idempotency (
  site TEXT NOT NULL,
  scope TEXT NOT NULL,
  client_id TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (site, scope, client_id)
) WITHOUT ROWID;

CREATE TABLE events (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  type TEXT NOT NULL,
  widget TEXT NOT NULL,
  subject TEXT,
  at INTEGER NOT NULL,
  visitor_id TEXT,
  member_id TEXT,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
) WITHOUT ROWID;
CREATE INDEX events_by_subject ON events (site, widget, subject, type);

CREATE TABLE badge_tiers (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  label TEXT NOT NULL,
  color TEXT,
  rank INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site, id)
);

CREATE TABLE badges (
  site TEXT NOT NULL,
  id TEXT NOT NULL,
  definition TEXT NOT NULL,
  rule TEXT,
  position INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site, id)
);

CREATE TABLE member_badges (
  site TEXT NOT NULL,
  member_id TEXT NOT NULL,
  badge_id TEXT NOT NULL,
  earned_at INTEGER NOT NULL,
  source TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (site, member_id, badge_id)
) WITHOUT ROWID;
CREATE INDEX member_badges_by_badge ON member_badges (site, badge_id);

CREATE TABLE member_stats (
  site TEXT NOT NULL,
  member_id TEXT NOT NULL,
  metric TEXT NOT NULL,
  value INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site, member_id, metric)
) WITHOUT ROWID;

-- Each counted activity once per ref.
CREATE TABLE member_activity (
  site TEXT NOT NULL,
  member_id TEXT NOT NULL,
  metric TEXT NOT NULL,
  ref TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (site, member_id, metric, ref)
) WITHOUT ROWID;

CREATE TABLE points_ledger (
  id INTEGER PRIMARY KEY,
  site TEXT NOT NULL,
  member_id TEXT NOT NULL,
  points INTEGER NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX points_by_time ON points_ledger (site, at, member_id);
CREATE INDEX points_by_member ON points_ledger (site, member_id);
