-- Coordinated waves, mirroring db/migration/sqlite/V4__waves.sql column for column.
CREATE TABLE waves (
  id          text PRIMARY KEY,
  kind        text NOT NULL,
  start_at    bigint NOT NULL,
  end_at      bigint NOT NULL,
  updated_at  bigint NOT NULL,
  body        text NOT NULL
);
CREATE INDEX waves_time ON waves(end_at, start_at);

CREATE TABLE wave_events (
  wave_id     text NOT NULL,
  event_id    text NOT NULL,
  PRIMARY KEY (wave_id, event_id)
);
CREATE INDEX wave_events_event ON wave_events(event_id);
