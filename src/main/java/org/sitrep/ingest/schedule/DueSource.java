package org.sitrep.ingest.schedule;

import org.sitrep.ingest.Cursor;
import org.sitrep.model.Source;

/** A source claimed for polling, with where it was left off and how it has been doing. Immutable. */
public record DueSource(Source source, Cursor cursor, SourceHealth health) {}
