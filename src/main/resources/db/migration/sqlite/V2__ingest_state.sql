-- Polling state per source (issue 5): cursor and HTTP validators, schedule, lease, health.
-- Written in the same transaction as the reports a poll stored, so a restart resumes exactly.
-- Times are UTC epoch milliseconds.

CREATE TABLE ingest_state (
  source_id            TEXT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  cursor               TEXT,
  etag                 TEXT,
  last_modified        TEXT,
  next_poll_at         INTEGER NOT NULL DEFAULT 0,
  lease_owner          TEXT,
  lease_until          INTEGER,
  last_attempt_at      INTEGER,
  last_success_at      INTEGER,
  last_error_at        INTEGER,
  last_error           TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  items_total          INTEGER NOT NULL DEFAULT 0,
  recent_item_errors   TEXT
);
CREATE INDEX ingest_state_due ON ingest_state(next_poll_at);

-- New reports and failures per source and UTC day, for "items per day" in source health.
CREATE TABLE ingest_daily (
  source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  day         TEXT NOT NULL,
  items       INTEGER NOT NULL DEFAULT 0,
  item_errors INTEGER NOT NULL DEFAULT 0,
  failures    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (source_id, day)
);
