-- Polling state per source, mirroring db/migration/sqlite/V2__ingest_state.sql (issue 5) column for
-- column. On PostgreSQL several nodes share it: lease_owner/lease_until are claimed with
-- SELECT ... FOR UPDATE SKIP LOCKED (see org.sitrep.store.postgres.SourceLeases).
-- Times are UTC epoch milliseconds.

CREATE TABLE ingest_state (
  source_id            text PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  cursor               text,
  etag                 text,
  last_modified        text,
  next_poll_at         bigint NOT NULL DEFAULT 0,
  lease_owner          text,
  lease_until          bigint,
  last_attempt_at      bigint,
  last_success_at      bigint,
  last_error_at        bigint,
  last_error           text,
  consecutive_failures bigint NOT NULL DEFAULT 0,
  items_total          bigint NOT NULL DEFAULT 0,
  recent_item_errors   text
);
CREATE INDEX ingest_state_due ON ingest_state(next_poll_at);

CREATE TABLE ingest_daily (
  source_id   text NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  day         text NOT NULL,
  items       bigint NOT NULL DEFAULT 0,
  item_errors bigint NOT NULL DEFAULT 0,
  failures    bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (source_id, day)
);
