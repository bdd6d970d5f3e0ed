-- Accounts, API keys, sessions, audit trail, analyst decisions, notes and alerts (issue 9).
-- Times are UTC epoch milliseconds. Secrets (session tokens, API keys) are stored only as SHA-256
-- hashes; passwords as PBKDF2 hashes with their salt and iteration count.

CREATE TABLE accounts (
  username      TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);

CREATE TABLE api_keys (
  id            TEXT PRIMARY KEY,          -- public prefix shown in lists, e.g. k7f3a9c2
  key_hash      TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL,
  source_id     TEXT,                      -- set: a push key that may only submit reports of this source
  created_at    INTEGER NOT NULL,
  revoked_at    INTEGER
);

CREATE TABLE sessions (
  token_hash    TEXT PRIMARY KEY,
  username      TEXT NOT NULL REFERENCES accounts(username) ON DELETE CASCADE,
  csrf_token    TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL
);
CREATE INDEX sessions_expiry ON sessions(expires_at);

CREATE TABLE audit (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  at            INTEGER NOT NULL,
  actor         TEXT NOT NULL,             -- user:NAME, key:ID, anonymous, cli
  address       TEXT,
  action        TEXT NOT NULL,             -- e.g. event.state, user.add, report.submit
  target        TEXT,                      -- e.g. event:e01..., user:alice
  before_json   TEXT,
  after_json    TEXT
);
CREATE INDEX audit_target ON audit(target, seq);

-- What analysts decided about an event; the ingest path re-applies it after every re-assembly.
CREATE TABLE event_overrides (
  event_id      TEXT PRIMARY KEY,
  body          TEXT NOT NULL,
  updated_at    INTEGER NOT NULL,
  updated_by    TEXT NOT NULL
);

-- Reports an analyst placed (merge, split): clustering must not move them.
CREATE TABLE report_pins (
  report_id     TEXT PRIMARY KEY,
  event_id      TEXT NOT NULL,
  pinned_at     INTEGER NOT NULL,
  pinned_by     TEXT NOT NULL
);
CREATE INDEX report_pins_event ON report_pins(event_id);

-- Events merged away: a later report clustered to the old id goes to the survivor.
CREATE TABLE event_redirects (
  from_id       TEXT PRIMARY KEY,
  to_id         TEXT NOT NULL,
  at            INTEGER NOT NULL
);

CREATE TABLE event_notes (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id      TEXT NOT NULL,
  at            INTEGER NOT NULL,
  author        TEXT NOT NULL,
  text          TEXT NOT NULL
);
CREATE INDEX event_notes_event ON event_notes(event_id, seq);

CREATE TABLE alert_subscriptions (
  id            TEXT PRIMARY KEY,
  owner         TEXT NOT NULL,
  body          TEXT NOT NULL,
  created_at    INTEGER NOT NULL
);

-- Events already counted for a subscription (each triggers it at most once).
CREATE TABLE alert_matches (
  subscription_id TEXT NOT NULL,
  event_id      TEXT NOT NULL,
  at            INTEGER NOT NULL,
  PRIMARY KEY (subscription_id, event_id)
);

CREATE TABLE alerts (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  subscription_id TEXT NOT NULL,
  at            INTEGER NOT NULL,
  body          TEXT NOT NULL
);
CREATE INDEX alerts_subscription ON alerts(subscription_id, at);

-- Webhook outbox: one row per alert and target, retried with exponential backoff.
CREATE TABLE webhook_deliveries (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_seq     INTEGER NOT NULL,
  url           TEXT NOT NULL,
  secret        TEXT NOT NULL,
  payload       TEXT NOT NULL,
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  status        TEXT NOT NULL,             -- pending, delivered, failed
  last_error    TEXT,
  delivered_at  INTEGER
);
CREATE INDEX webhook_due ON webhook_deliveries(status, next_attempt_at);

-- The position of background followers of the change log (alert engine), so a restart resumes.
CREATE TABLE follower_positions (
  name          TEXT PRIMARY KEY,
  position      INTEGER NOT NULL
);
