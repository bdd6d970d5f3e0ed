-- Coordinated waves (see org.sitrep.cluster.WaveDetector): one row per wave, re-written as it grows,
-- and an index from member events to their waves.
CREATE TABLE waves (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  start_at    INTEGER NOT NULL,
  end_at      INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  body        TEXT NOT NULL
);
CREATE INDEX waves_time ON waves(end_at, start_at);

CREATE TABLE wave_events (
  wave_id     TEXT NOT NULL,
  event_id    TEXT NOT NULL,
  PRIMARY KEY (wave_id, event_id)
);
CREATE INDEX wave_events_event ON wave_events(event_id);
