-- Sitrep embedded store, schema version 1.
-- Times are UTC epoch milliseconds. Full records are kept as JSON in `body`; the other columns are
-- the indexed projection used by queries.

CREATE TABLE sources (
  id           TEXT PRIMARY KEY,
  body         TEXT NOT NULL,
  created_at   INTEGER NOT NULL
);

CREATE TABLE reports (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  source_id    TEXT NOT NULL,
  external_id  TEXT,
  url          TEXT,
  content_hash TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  fetched_at   INTEGER NOT NULL,
  body         TEXT NOT NULL,
  event_id     TEXT,
  member       TEXT
);
CREATE UNIQUE INDEX reports_source_external ON reports(source_id, external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX reports_url ON reports(url) WHERE url IS NOT NULL;
CREATE INDEX reports_source_hash ON reports(source_id, content_hash);
CREATE INDEX reports_published ON reports(published_at, seq);
CREATE INDEX reports_event ON reports(event_id);
CREATE INDEX reports_unattached ON reports(seq) WHERE event_id IS NULL;

CREATE VIRTUAL TABLE report_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE events (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  version      INTEGER NOT NULL,
  state        TEXT NOT NULL,
  type         TEXT NOT NULL,
  sub_type     TEXT,
  lat          REAL,
  lon          REAL,
  time_start   INTEGER NOT NULL,
  time_end     INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  body         TEXT NOT NULL
);
CREATE INDEX events_time ON events(time_start DESC, seq DESC);
CREATE INDEX events_time_end ON events(time_end);
CREATE INDEX events_type ON events(type, time_start);
CREATE INDEX events_state ON events(state, time_start);

-- Spatial index on located events; id = events.seq.
CREATE VIRTUAL TABLE event_geo USING rtree(id, min_lat, max_lat, min_lon, max_lon);

-- Free text over title, summary, place, type, actors and member report text; rowid = events.seq.
CREATE VIRTUAL TABLE event_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TABLE changes (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id     TEXT NOT NULL,
  kind         TEXT NOT NULL,
  version      INTEGER NOT NULL,
  at           INTEGER NOT NULL
);
