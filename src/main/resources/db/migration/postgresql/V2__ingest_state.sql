-- Polling state per source (issue 5), the PostgreSQL twin of sqlite/V2__ingest_state.sql so that
-- 'sitrep migrate' carries cursors and health over. A PostgreSQL SourceStateStore claims due sources
-- with SELECT ... FOR UPDATE SKIP LOCKED and sets lease_owner/lease_until (issue 10).
-- Times are UTC epoch milliseconds.

CREATE TABLE ingest_state (
  source_id            TEXT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  cursor               TEXT,
  etag                 TEXT,
  last_modified        TEXT,
  next_poll_at         BIGINT NOT NULL DEFAULT 0,
  lease_owner          TEXT,
  lease_until          BIGINT,
  last_attempt_at      BIGINT,
  last_success_at      BIGINT,
  last_error_at        BIGINT,
  last_error           TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  items_total          BIGINT NOT NULL DEFAULT 0,
  recent_item_errors   TEXT
);
CREATE INDEX ingest_state_due ON ingest_state(next_poll_at);

CREATE TABLE ingest_daily (
  source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  day         TEXT NOT NULL,
  items       BIGINT NOT NULL DEFAULT 0,
  item_errors BIGINT NOT NULL DEFAULT 0,
  failures    BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (source_id, day)
);
