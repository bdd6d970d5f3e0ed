package org.sitrep.store;

import java.time.Instant;

/** Filters for reports (publication time in [from, to)); all optional. */
public record ReportQuery(String text, String sourceId, Instant from, Instant to, int limit, String cursor) {
    public ReportQuery {
        if (limit <= 0) limit = 100;
    }
}
