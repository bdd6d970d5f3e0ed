-- Analysts' splits: report_id was taken out of event_id and must not be clustered into it again
-- (org.sitrep.pipeline.AnalystConstraints.mustNotJoin). A later pin of the report to that event
-- (an analyst merging it back) deletes the row: the latest decision wins.
CREATE TABLE report_separations (
  report_id     TEXT NOT NULL,
  event_id      TEXT NOT NULL,
  separated_at  INTEGER NOT NULL,
  separated_by  TEXT NOT NULL,
  PRIMARY KEY (report_id, event_id)
);
